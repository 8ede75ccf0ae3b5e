import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const MAX_KEY_COLUMNS = 8;

export default defineRule({
  id: "too-many-key-columns",
  title: "More than 8 key columns",
  severity: "blocker",
  category: "limits",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.QUOTAS,
  why: "A DSQL primary key or index has at most 8 key columns (`54011 more than 8 column keys in an index are not supported`). INCLUDE columns do not count.",
  fix: "Key on fewer columns (a surrogate uuid key plus a unique constraint on the natural key, if that still fits), or move non-selective columns to INCLUDE.",
  catalogRows: ["Q:columns-per-pk-or-index"],
  example: {
    bad: "CREATE INDEX ASYNC wide_idx ON t (a, b, c, d, e, f, g, h, i);",
    good: "CREATE INDEX ASYNC wide_idx ON t (a, b, c, d) INCLUDE (e, f, g, h, i);",
  },
  checkModel({ model, report }) {
    for (const t of model.tables.values()) {
      for (const c of t.constraints) {
        if ((c.kind !== "primary-key" && c.kind !== "unique") || c.columns.length <= MAX_KEY_COLUMNS) continue;
        const what = c.kind === "primary-key" ? "primary key" : "unique constraint";
        report({
          message:
            `${what} ${c.name ?? ""} of ${t.schema}.${t.name} has ${c.columns.length} key columns; DSQL allows ${MAX_KEY_COLUMNS}`.replace(
              "  ",
              " ",
            ),
          origin: c.origin,
          object: { kind: "constraint", schema: t.schema, name: `${t.name}.${c.name ?? what}` },
          evidence: { columns: c.columns.length, limit: MAX_KEY_COLUMNS },
        });
      }
    }
    for (const ix of model.indexes.values()) {
      if (ix.keys.length <= MAX_KEY_COLUMNS) continue;
      report({
        message: `index ${ix.name} on ${ix.table.schema}.${ix.table.name} has ${ix.keys.length} key columns; DSQL allows ${MAX_KEY_COLUMNS}`,
        origin: ix.origin,
        object: { kind: "index", schema: ix.schema, name: ix.name },
        evidence: { columns: ix.keys.length, limit: MAX_KEY_COLUMNS },
      });
    }
  },
});
