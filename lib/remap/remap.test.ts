import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rewrite } from "../rewrite/engine";
import { buildPlan } from "../plan/plan";
import { planMarkdown } from "../plan/markdown";
import { runRewrite } from "../cli/rewrite-run";
import { checkTargetDate, parseSize, UsageError } from "../cli/main";
import { checkBatchRows } from "./model";
import { buildRemapBundle } from "./scripts";
import { explainDifferences } from "../rewrite/verify-explain";

const CORPUS = join(process.cwd(), "..", "shared", "corpus");
const file = (name: string) => {
  const text = readFileSync(join(CORPUS, name), "utf8");
  return [{ path: name, text, bytes: Buffer.byteLength(text), encoding: "utf-8" as const }];
};
const helpers = { checkTargetDate, parseSize, UsageError };

describe("remap bundle", () => {
  it("is absent unless a key switches to uuid", async () => {
    expect(buildRemapBundle(await rewrite(file("pagila-schema.sql"), { keyStrategy: "identity" }))).toBeUndefined();
  });

  it("pagila: one script per child table, the deferred foreign keys, a runbook phase between indexes and verification", async () => {
    const rw = await rewrite(file("pagila-schema.sql"), { keyStrategy: "uuid" });
    const plan = buildPlan(rw, { remap: { batchRows: 1000 } });
    const b = plan.remap!;
    expect(b.files.map((f) => f.name)).toContain("20_remap_public.film_actor.sql");
    expect(b.jobs.find((j) => j.child === "public.store" && j.column === "manager_staff_id")).toMatchObject({
      parent: "public.staff",
      parentKey: "staff_id",
      oldColumn: "old_manager_staff_id",
    });
    expect(b.notes.join(" ")).toContain("public.store.manager_staff_id has no foreign key");
    for (const f of b.files.filter((x) => x.name.startsWith("20_"))) {
      expect(Number(/\(n - 1\) % (\d+) = 0/.exec(f.content)![1])).toBeLessThanOrEqual(1000);
      expect(f.content).toContain("\\gexec");
    }
    // Remapped foreign keys are out of the schema script and in remap/30.
    const schemaFks = rw.statements.filter((s) => /FOREIGN KEY \((language_id|film_id|actor_id)\)/.test(s.sql));
    expect(schemaFks).toEqual([]);
    expect(b.files.find((f) => f.name === "30_foreign_keys.sql")!.content).toContain(
      "ADD CONSTRAINT film_language_id_fkey FOREIGN KEY (language_id) REFERENCES public.language (language_id) ON UPDATE CASCADE ON DELETE RESTRICT NOT VALID;",
    );
    // payment's foreign keys are declared on its partitions: they move to the merged table after the remap.
    expect(rw.statements.filter((s) => /payment_(customer|rental|staff)_id_fkey/.test(s.sql))).toEqual([]);
    expect(
      b.foreignKeys
        .filter((f) => f.child === "public.payment")
        .map((f) => f.name)
        .sort(),
    ).toEqual(["payment_customer_id_fkey", "payment_rental_id_fkey", "payment_staff_id_fkey"]);
    expect(b.notes.join(" ")).not.toContain("public.payment");
    expect(plan.phases.map((p) => p.id)).toEqual([
      "prerequisites",
      "schema",
      "data",
      "indexes",
      "remap",
      "verification",
      "application",
      "cutover",
    ]);
    expect(plan.phases.map((p) => p.title.split(".")[0])).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    // The load writes the old keys into old_* columns.
    const film = plan.loads.find((l) => l.table === "public.film")!;
    expect(film.exportQuery).toContain("film_id AS old_film_id");
    expect(film.exportQuery).toContain("language_id AS old_language_id");
    expect(film.columns).toContain("old_film_id");
    const md = planMarkdown(plan, rw);
    expect(md).toContain('psql "$DSQL_URL" -X -v ON_ERROR_STOP=1 -f remap/20_remap_public.film.sql');
    expect(md).toContain("diff verify_source.txt verify_dsql.txt");
  });

  it("rewrite --verify counts the foreign keys that wait for the remap as intended, and only those", async () => {
    const rw = await rewrite(file("chinook_postgresql.sql"), { keyStrategy: "uuid" });
    const fk = (table: string, name: string, cols: string, ref: string) => ({
      object: `public.${table} ${name}`,
      change: "foreign key missing" as const,
      detail: `${name} (${cols}) → ${ref}`,
    });
    const { explained, unexplained } = explainDifferences(
      [
        fk("album", "album_artist_id_fkey", "artist_id", "public.artist(artist_id)"),
        fk("album", "album_title_fkey", "title", "public.other(title)"),
      ],
      rw,
    );
    expect(explained.map((d) => d.object)).toEqual(["public.album album_artist_id_fkey"]);
    expect(explained[0].reason).toContain("remap/30_foreign_keys.sql");
    expect(unexplained.map((d) => d.object)).toEqual(["public.album album_title_fkey"]);
  });

  it("refuses batch sizes DSQL would reject", () => {
    expect(() => checkBatchRows(3001)).toThrow(/1 to 3000/);
    expect(() => checkBatchRows(0)).toThrow(/1 to 3000/);
    expect(checkBatchRows(3000)).toBe(3000);
  });
});

describe("rewrite --key-strategy uuid (CLI)", () => {
  it("writes remap/ with a manifest; rejects a bad --remap-batch-rows with a clear message", async () => {
    const out = mkdtempSync(join(tmpdir(), "remap-cli-"));
    await expect(
      runRewrite([join(CORPUS, "chinook_postgresql.sql")], { out, keyStrategy: "uuid", remapBatchRows: "4000" }, helpers),
    ).rejects.toThrow("--remap-batch-rows 4000: give a whole number from 1 to 3000");
    await expect(
      runRewrite([join(CORPUS, "chinook_postgresql.sql")], { out, keyStrategy: "uuid", remapBatchRows: "2.5" }, helpers),
    ).rejects.toThrow(UsageError);
    expect(await runRewrite([join(CORPUS, "chinook_postgresql.sql")], { out, keyStrategy: "uuid", remapBatchRows: "1500" }, helpers)).toBe(
      0,
    );
    const manifest = JSON.parse(readFileSync(join(out, "remap", "manifest.json"), "utf8"));
    expect(manifest.batchRows).toBe(1500);
    expect(manifest.steps.map((s: { file: string }) => s.file)).toEqual(
      readdirSync(join(out, "remap"))
        .filter((f) => /^\d\d_/.test(f) && f !== "41_verify_dsql.sql")
        .sort(),
    );
    expect(readFileSync(join(out, "remap", "20_remap_public.playlist_track.sql"), "utf8")).toContain("% 1500 = 0");
    // Without uuid keys there is no remap/ (and a stale one is removed).
    expect(await runRewrite([join(CORPUS, "chinook_postgresql.sql")], { out, keyStrategy: "identity" }, helpers)).toBe(0);
    expect(existsSync(join(out, "remap"))).toBe(false);
  });
});
