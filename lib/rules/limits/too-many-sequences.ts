import { key } from "@/lib/model/schema";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const MAX_SEQUENCES = 5000;

export default defineRule({
  id: "too-many-sequences",
  title: "More than 5,000 sequences",
  severity: "blocker",
  category: "limits",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.QUOTAS,
  why: "A DSQL database holds at most 5,000 sequences (`54000 creating more than 5000 sequences is not allowed`); every identity column has one too.",
  fix: "Use uuid keys (`DEFAULT gen_random_uuid()`) for tables that do not need ordered integers, or share one sequence between tables.",
  catalogRows: ["Q:sequences-per-database"],
  example: {
    bad: "-- 6,000 tables, each with an identity column",
    good: "CREATE TABLE t (id uuid DEFAULT gen_random_uuid() PRIMARY KEY);",
  },
  exampleAtScale: () => ({
    bad: Array.from({ length: 6000 }, (_, i) => `CREATE TABLE t${i} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);`).join("\n"),
    good: Array.from({ length: 6000 }, (_, i) => `CREATE TABLE t${i} (id uuid DEFAULT gen_random_uuid() PRIMARY KEY);`).join("\n"),
  }),
  checkModel({ model, report }) {
    // Explicit sequences, plus the implicit ones behind serial and identity columns not already listed.
    let count = model.sequences.size;
    for (const t of model.tables.values()) {
      for (const c of t.columns) {
        if (c.identity || (c.serial && !(c.sequence && model.sequences.has(key(c.sequence))))) count++;
      }
    }
    if (count <= MAX_SEQUENCES) return;
    const origin = [...model.sequences.values()][0]?.origin ?? [...model.tables.values()][0]?.origin;
    if (!origin) return;
    report({
      message: `the schema defines ${count} sequences (including those behind serial and identity columns); DSQL allows ${MAX_SEQUENCES} per database`,
      origin,
      object: { kind: "database", name: "sequences" },
      evidence: { sequences: count, limit: MAX_SEQUENCES },
    });
  },
});
