import { relObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** Observed working ceiling (~120 KiB of SQL text) below DSQL's internal ≈512 KiB budget. */
const LIMIT_BYTES = 120 * 1024;

export default defineRule({
  id: "view-definition-size",
  title: "Very large view definition",
  severity: "warning",
  category: "views",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.QUOTAS,
  why: "DSQL documents a 2 MiB view definition limit, but definitions fail far earlier in practice (`view definition too large` observed between 131 and 524 KiB of SQL text; about 120 KiB is safe).",
  fix: "Split the view into smaller views that build on each other, or move part of the logic into the application.",
  catalogRows: [74, "Q:view-definition-size"],
  example: {
    bad: "CREATE VIEW report AS SELECT … -- 300 KiB of generated SQL",
    good: "CREATE VIEW report_part1 AS SELECT …; CREATE VIEW report AS SELECT … FROM report_part1 …;",
  },
  exampleAtScale: () => {
    const columns = (n: number) => Array.from({ length: n }, (_, i) => `coalesce(amount, 0) * ${i + 1} AS amount_${i + 1}`).join(", ");
    return {
      bad: `CREATE VIEW report AS SELECT ${columns(8000)} FROM payment;`,
      good: `CREATE VIEW report_part1 AS SELECT ${columns(1000)} FROM payment;`,
    };
  },
  kinds: ["ViewStmt"],
  checkStatement({ stmt, builder, report }) {
    // Cheap check first: UTF-8 bytes are at least the character count.
    if (stmt.text.length * 3 < LIMIT_BYTES) return;
    const bytes = Buffer.byteLength(stmt.text, "utf8");
    if (bytes <= LIMIT_BYTES) return;
    const obj = relObject(builder, stmt.node.view, "view");
    report({
      message: `view ${obj.name} definition is ${Math.round(bytes / 1024)} KiB; DSQL rejects view definitions well below its documented 2 MiB (about 120 KiB is safe)`,
      object: obj,
      evidence: { bytes },
    });
  },
});
