import { rangeVar } from "@/lib/ingest/ast";
import { primaryKey } from "@/lib/model/schema";
import { columnRef, constraintRef, tableCommands, tableRef } from "../core/ddl-helpers";
import { CAPABILITIES } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** The metadata-only ALTER TABLE forms DSQL gained on 2026-07-06. */
export default defineRule({
  id: "alter-table-metadata",
  title: "ALTER TABLE form DSQL supports only since 2026-07-06",
  severity: "blocker",
  category: "tables",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.ALTER_TABLE,
  why: "Before 2026-07-06 DSQL rejected ALTER COLUMN SET/DROP DEFAULT, DROP NOT NULL, DROP EXPRESSION, ADD GENERATED AS IDENTITY and DROP CONSTRAINT. pg_dump writes every serial default this way (`ALTER COLUMN id SET DEFAULT nextval(…)`).",
  fix: "Target 2026-07-06 or later. For older targets, fold defaults and identity into CREATE TABLE; for DROP forms, recreate the table.",
  appliesUntil: CAPABILITIES.alterTableMetadata,
  catalogRows: [35],
  example: {
    bad: "ALTER TABLE ONLY actor ALTER COLUMN actor_id SET DEFAULT nextval('actor_actor_id_seq'::regclass);",
    good: "CREATE TABLE actor (actor_id bigint DEFAULT nextval('actor_actor_id_seq') PRIMARY KEY);",
  },
  kinds: ["AlterTableStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    const cmds = tableCommands(n);
    if (cmds.length === 0) return;
    const t = tableRef(builder, n.relation);
    const pkName = (() => {
      const table = builder.table(rangeVar(n.relation));
      return table ? primaryKey(table)?.name : undefined;
    })();
    const until = `is not supported before ${CAPABILITIES.alterTableMetadata.since}`;
    for (const cmd of cmds) {
      let what: string | undefined;
      switch (cmd.subtype) {
        case "AT_ColumnDefault":
          what = cmd.def ? "SET DEFAULT" : "DROP DEFAULT";
          break;
        case "AT_DropNotNull":
          what = "DROP NOT NULL";
          break;
        case "AT_DropExpression":
          what = "DROP EXPRESSION";
          break;
        case "AT_AddIdentity":
          what = "ADD GENERATED AS IDENTITY";
          break;
        case "AT_DropConstraint":
          // Dropping the primary key is never supported: primary-key-change reports it.
          if (cmd.name === pkName) continue;
          report({
            message: `DROP CONSTRAINT ${cmd.name} on ${t.schema}.${t.name} ${until}`,
            location: n.relation?.location,
            object: constraintRef(t, cmd.name),
          });
          continue;
      }
      if (!what) continue;
      report({
        message: `ALTER COLUMN ${cmd.name} ${what} on ${t.schema}.${t.name} ${until}`,
        location: n.relation?.location,
        object: columnRef(t, cmd.name),
      });
    }
  },
});
