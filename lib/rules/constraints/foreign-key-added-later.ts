import { commandLocation, constraintRef, tableCommands, tableRef } from "../core/ddl-helpers";
import { CAPABILITIES } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** ALTER TABLE … ADD FOREIGN KEY without NOT VALID (pg_dump adds every FK this way). */
export default defineRule({
  id: "foreign-key-added-later",
  title: "Foreign key added to an existing table without NOT VALID",
  severity: "blocker",
  category: "constraints",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.ALTER_TABLE,
  why: "DSQL adds a foreign key to an existing table only as `NOT VALID` followed by an asynchronous validation; a plain `ALTER TABLE … ADD FOREIGN KEY` fails (`unsupported ALTER TABLE ADD CONSTRAINT statement`).",
  fix: "Append NOT VALID, then run `ALTER TABLE ASYNC t VALIDATE CONSTRAINT name` and wait for the job (`CALL sys.wait_for_job(…)`). Or declare the foreign key inside CREATE TABLE.",
  appliesFrom: CAPABILITIES.foreignKeys,
  catalogRows: [26],
  example: {
    bad: "ALTER TABLE ONLY rental ADD CONSTRAINT rental_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customer(customer_id);",
    good: "ALTER TABLE rental ADD CONSTRAINT rental_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customer(customer_id) NOT VALID;\nALTER TABLE ASYNC rental VALIDATE CONSTRAINT rental_customer_id_fkey;",
  },
  kinds: ["AlterTableStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    for (const cmd of tableCommands(n)) {
      const con = cmd.def?.Constraint;
      if (cmd.subtype !== "AT_AddConstraint" || con?.contype !== "CONSTR_FOREIGN" || con.skip_validation) continue;
      const t = tableRef(builder, n.relation);
      const parent = tableRef(builder, con.pktable);
      report({
        message: `foreign key ${con.conname ? `${con.conname} ` : ""}from ${t.schema}.${t.name} to ${parent.schema}.${parent.name} is added without NOT VALID; DSQL needs NOT VALID, then ALTER TABLE ASYNC … VALIDATE CONSTRAINT`,
        location: commandLocation(n, cmd),
        object: constraintRef(t, con.conname ?? `fk to ${parent.name}`),
      });
    }
  },
});
