import { strings } from "@/lib/ingest/ast";
import { namedObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "domain-constraint-change",
  title: "ALTER DOMAIN … ADD CONSTRAINT / SET NOT NULL",
  severity: "blocker",
  category: "types",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.SQL,
  why: "DSQL accepts CREATE DOMAIN with its constraints and DEFAULT, but adding a constraint or NOT NULL to an existing domain fails (observed).",
  fix: "Put the constraint in CREATE DOMAIN. For an existing domain with data, create a new domain and move the columns to it.",
  catalogRows: [59],
  example: {
    bad: "CREATE DOMAIN year AS integer; ALTER DOMAIN year ADD CONSTRAINT year_check CHECK (VALUE BETWEEN 1901 AND 2155);",
    good: "CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (VALUE BETWEEN 1901 AND 2155);",
  },
  kinds: ["AlterDomainStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    const what = n.subtype === "C" ? "ADD CONSTRAINT" : n.subtype === "O" ? "SET NOT NULL" : undefined;
    if (!what) return;
    const obj = namedObject(builder, strings(n.typeName), "domain");
    report({
      message: `ALTER DOMAIN ${obj.name} ${what} is not supported; declare it in CREATE DOMAIN`,
      location: n.def?.Constraint?.location,
      object: obj,
    });
  },
});
