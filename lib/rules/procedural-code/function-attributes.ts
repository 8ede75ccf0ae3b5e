import { strings } from "@/lib/ingest/ast";
import { namedObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "function-attributes",
  title: "LEAKPROOF, SUPPORT or TRANSFORM function, or ALTER FUNCTION property change",
  severity: "blocker",
  category: "procedural-code",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.CREATE_FUNCTION,
  why: "DSQL rejects LEAKPROOF (`only superuser can define a leakproof function`), SUPPORT functions and TRANSFORM FOR TYPE; changing function properties with ALTER FUNCTION is not supported either.",
  fix: "Drop the LEAKPROOF/SUPPORT/TRANSFORM clauses; fold ALTER FUNCTION property changes into the CREATE OR REPLACE FUNCTION statement.",
  catalogRows: [67],
  example: {
    bad: "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql IMMUTABLE LEAKPROOF RETURN a + 1; ALTER FUNCTION f(int) STABLE;",
    good: "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql STABLE RETURN a + 1;",
  },
  kinds: ["CreateFunctionStmt", "AlterFunctionStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    if (stmt.kind === "CreateFunctionStmt") {
      const bad = (n.options ?? [])
        .map((o: any) => o.DefElem)
        .filter(
          (d: any) => (d?.defname === "leakproof" && d.arg?.Boolean?.boolval) || d?.defname === "support" || d?.defname === "transform",
        );
      if (bad.length === 0) return;
      const obj = namedObject(builder, strings(n.funcname), n.is_procedure ? "procedure" : "function");
      const names = bad.map((d: any) => (d.defname === "transform" ? "TRANSFORM FOR TYPE" : d.defname.toUpperCase()));
      report({
        message: `${obj.kind} ${obj.name} uses ${names.join(", ")}, which DSQL does not support`,
        location: bad[0].location,
        object: obj,
      });
      return;
    }
    const obj = namedObject(builder, strings(n.func?.objname), n.objtype === "OBJECT_PROCEDURE" ? "procedure" : "function");
    const what = (n.actions ?? []).map((a: any) => a.DefElem?.defname).filter(Boolean);
    report({ message: `ALTER FUNCTION ${obj.name} ${what.join(", ")} is not supported; use CREATE OR REPLACE FUNCTION`, object: obj });
  },
});
