import { defElems, displayType, typeName } from "@/lib/ingest/ast";
import { CAPABILITIES } from "../core/capabilities";
import { relObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "sequence-type",
  title: "Sequence declared AS integer or smallint",
  severity: "blocker",
  category: "keys-and-identity",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.SEQUENCE,
  why: "DSQL sequences are bigint only. pg_dump writes `AS integer` for every serial column's sequence.",
  fix: "Remove the AS clause (or write AS bigint); make the columns fed by the sequence bigint too.",
  appliesFrom: CAPABILITIES.sequences,
  catalogRows: [51],
  example: {
    bad: "CREATE SEQUENCE actor_actor_id_seq AS integer CACHE 1;",
    good: "CREATE SEQUENCE actor_actor_id_seq CACHE 1;",
  },
  kinds: ["CreateSeqStmt", "AlterSeqStmt"],
  checkStatement({ stmt, builder, report }) {
    const def = defElems(stmt.node.options).get("as");
    const t = def?.arg?.TypeName ? typeName(def.arg.TypeName) : undefined;
    if (!t || t.name === "int8") return;
    report({
      message: `sequence ${stmt.node.sequence?.relname} is declared AS ${displayType(t)}; DSQL sequences are bigint only`,
      location: def!.location,
      object: relObject(builder, stmt.node.sequence, "sequence"),
    });
  },
});
