import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./unsupported-alter-table-action";

describe("unsupported-alter-table-action", () => {
  it("flags trigger and rule switches, REPLICA IDENTITY, SET LOGGED, CLUSTER ON, inheritance and typed-table forms", async () => {
    const sql = [
      "ALTER TABLE rnacen.rna DISABLE TRIGGER rna_audit;",
      "ALTER TABLE rental REPLICA IDENTITY FULL, SET UNLOGGED;",
      "ALTER TABLE rental CLUSTER ON rental_pkey;",
      "ALTER TABLE child NO INHERIT parent;",
      "ALTER TABLE t OF some_type;",
    ].join("\n");
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.kind, f.object.name])).toEqual([
      [1, "trigger", "rna.rna_audit"],
      [2, "table", "rental"],
      [2, "table", "rental"],
      [3, "table", "rental"],
      [4, "table", "child"],
      [5, "table", "t"],
    ]);
    expect(found[1].message).toContain("REPLICA IDENTITY FULL");
    expect(found[2].message).toContain("SET UNLOGGED");
  });

  it("accepts supported forms and leaves row-level security to its own rule", async () => {
    const sql =
      "ALTER TABLE t OWNER TO app;\nALTER TABLE t RENAME COLUMN a TO b;\nALTER TABLE t ENABLE ROW LEVEL SECURITY;\nALTER TABLE t ALTER COLUMN a SET STORAGE PLAIN;\nALTER TABLE t ALTER CONSTRAINT fk DEFERRABLE;";
    expect(await findingsOf(rule, sql)).toEqual([]);
  });

  it("pg_dump --disable-triggers' TRIGGER ALL pair around a table's rows is a mechanical fix; a named trigger switch is not", async () => {
    const sql =
      "ALTER TABLE public.artist DISABLE TRIGGER ALL;\nINSERT INTO public.artist VALUES (1, 'AC/DC');\nALTER TABLE public.artist ENABLE TRIGGER ALL;\nALTER TABLE public.rna DISABLE TRIGGER rna_audit;";
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.fix])).toEqual([
      [1, "auto"],
      [3, "auto"],
      [4, "manual"],
    ]);
    expect(found[0].message).toBe(
      "ALTER TABLE public.artist DISABLE TRIGGER ALL is not supported on DSQL (pg_dump --disable-triggers writes it around a table's rows; the rewrite drops it)",
    );
  });
});
