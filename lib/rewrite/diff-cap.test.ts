import { applyPatch, parsePatch } from "diff";
import { describe, expect, it } from "vitest";
import { rewrite } from "./engine";
import { wholePatch } from "./diff";

const run = (sql: string) => rewrite([{ path: "t.sql", text: sql, bytes: Buffer.byteLength(sql), encoding: "utf-8" }]);

describe("per-object diffs of very large objects", () => {
  it("past the edit limit an object is one whole-replacement hunk, and the patch still turns the original into the rewrite", async () => {
    // One table changed by 2,400 statements, every one rewritten (array columns): far past the exact diff's limit.
    const adds = Array.from({ length: 2_400 }, (_, i) => `ALTER TABLE t ADD COLUMN c${i} integer[];`);
    const r = await run(`CREATE TABLE t (id uuid PRIMARY KEY);\n${adds.join("\n")}\n`);
    const big = r.objects.find((o) => o.object.kind === "table" && o.object.name === "t")!;
    expect(big.status).toBe("rewritten");
    const removed = big.hunks.flatMap((h) => h.lines).filter((l) => l.startsWith("-")).length;
    expect(big.hunks).toHaveLength(1);
    expect(removed).toBe(big.original.split("\n").length - 1);

    const patches = parsePatch(wholePatch(r.objects));
    for (const o of r.objects.filter((x) => x.status !== "unchanged")) {
      const p = patches.find((x) =>
        x.newFileName?.endsWith(`/${o.object.schema ? `${o.object.schema}.` : ""}${o.object.name || "statement"}.sql`),
      )!;
      expect(applyPatch(o.original, p)).toBe(o.rewritten);
    }
  });
});
