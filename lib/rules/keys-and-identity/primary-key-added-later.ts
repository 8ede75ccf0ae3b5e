import { commandLocation, constraintRef, tableCommands, tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** pg_dump's habit: CREATE TABLE without a key, then ALTER TABLE ONLY … ADD CONSTRAINT … PRIMARY KEY. */
export default defineRule({
  id: "primary-key-added-later",
  title: "Primary key added after CREATE TABLE",
  severity: "blocker",
  category: "keys-and-identity",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.PRIMARY_KEYS,
  why: "DSQL fixes a table's primary key when the table is created; `ALTER TABLE … ADD PRIMARY KEY` is rejected, and a table created without one keeps a hidden synthetic key for ever.",
  fix: "Move the PRIMARY KEY into the CREATE TABLE statement (as a column or table constraint) and delete the ALTER TABLE.",
  catalogRows: [22],
  example: {
    bad: "CREATE TABLE actor (actor_id integer NOT NULL, name text);\nALTER TABLE ONLY actor ADD CONSTRAINT actor_pkey PRIMARY KEY (actor_id);",
    good: "CREATE TABLE actor (actor_id integer NOT NULL, name text, CONSTRAINT actor_pkey PRIMARY KEY (actor_id));",
  },
  kinds: ["AlterTableStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    for (const cmd of tableCommands(n)) {
      const con = cmd.def?.Constraint;
      // PRIMARY KEY USING INDEX is primary-key-change's: there is no CREATE TABLE form to fold it into.
      if (cmd.subtype !== "AT_AddConstraint" || con?.contype !== "CONSTR_PRIMARY" || con.indexname) continue;
      const t = tableRef(builder, n.relation);
      const cols = (con.keys ?? []).map((k: { String?: { sval: string } }) => k.String?.sval).join(", ");
      report({
        message: `primary key ${con.conname ? `${con.conname} ` : ""}(${cols}) is added to ${t.schema}.${t.name} after CREATE TABLE; DSQL only accepts a primary key inside CREATE TABLE`,
        location: commandLocation(n, cmd),
        object: constraintRef(t, con.conname ?? "primary key"),
      });
    }
  },
});
