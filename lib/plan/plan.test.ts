import { describe, expect, it } from "vitest";
import { rewrite } from "../rewrite/engine";
import { buildPlan, checksumQuery } from "./plan";
import { planMarkdown } from "./markdown";

const run = (sql: string) =>
  rewrite([{ path: "t.sql", text: sql, bytes: Buffer.byteLength(sql), encoding: "utf-8" }], { keyStrategy: "identity" });

describe("migration plan", () => {
  it("has the seven phases in order, loads parents before children, sizes batches from declared widths", async () => {
    const rw = await run(`CREATE TABLE child (id serial PRIMARY KEY, parent_id int REFERENCES parent(id), body varchar(10000));
CREATE TABLE parent (id serial PRIMARY KEY, name text);
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;`);
    const plan = buildPlan(rw);
    expect(plan.phases.map((p) => p.id)).toEqual(["prerequisites", "schema", "data", "indexes", "verification", "application", "cutover"]);
    expect(plan.loads.map((l) => l.table)).toEqual(["public.parent", "public.child"]);
    const child = plan.loads.find((l) => l.table === "public.child")!;
    // 32 + 4 + 4 + 10004 bytes per row → 8 MiB budget / 10044 ≈ 835 rows.
    expect(child.batchRows).toBe(Math.floor((8 * 1024 * 1024) / child.rowBytes));
    expect(child.batchRows).toBeLessThan(3000);
    expect(plan.loads[0].batchRows).toBe(3000);
    expect(child.notes.join(" ")).toMatch(/setval\(pg_get_serial_sequence/);
    const app = plan.phases.find((p) => p.id === "application")!;
    expect(app.steps.map((s) => s.title).join("|")).toMatch(/Retry wrapper.*SAVEPOINT.*ID generation.*trigger/);
    expect(plan.effort.total.high).toBeGreaterThan(plan.effort.total.low);
    const md = planMarkdown(plan, rw);
    expect(md).toContain("## 3. Data load");
    expect(md).toMatch(/\*\*Verify:\*\*/);
  });

  it("checksums chunk by key range and compare mapped columns as text", async () => {
    const rw = await run(`CREATE TABLE t (id int PRIMARY KEY, tags text[]);`);
    const q = checksumQuery(rw.analysis.model.tables.get("public.t")!, rw);
    expect(q).toContain("md5(string_agg(md5(concat_ws('|', id::text, /* source: to_jsonb(tags)::text */ tags::text)), '' ORDER BY id))");
    expect(q).toContain("WHERE id >= :lo AND id < :hi");
  });
});
