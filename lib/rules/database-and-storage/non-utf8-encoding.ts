import { constValue, defElems, funcName } from "@/lib/ingest/ast";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const UTF8 = /^(utf-?8|unicode)$/i;

/** `SET client_encoding`, `SET NAMES`, `set_config('client_encoding', …)` and CREATE DATABASE … ENCODING. */
export default defineRule({
  id: "non-utf8-encoding",
  title: "Encoding other than UTF-8",
  severity: "blocker",
  category: "database-and-storage",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.MIG,
  why: "DSQL's database is UTF-8 and the server encoding cannot be changed. A script written in another encoding (or declaring one) loads text that must first be converted.",
  fix: "Convert the file and its data to UTF-8 (e.g. `iconv -f LATIN1 -t UTF-8`), then use `SET client_encoding = 'UTF8'` or drop the setting.",
  catalogRows: [2],
  example: {
    bad: "SET client_encoding = 'LATIN1';",
    good: "SET client_encoding = 'UTF8';",
  },
  kinds: ["VariableSetStmt", "CreatedbStmt", "SelectStmt"],
  checkStatement({ stmt, nodes, report }) {
    const n = stmt.node;
    const flag = (encoding: string, location: number | undefined, what: string) => {
      if (UTF8.test(encoding.trim())) return;
      report({ message: `${what} ${encoding}: DSQL only stores UTF-8; convert the data to UTF-8 first`, location, object: { kind: "setting", name: "client_encoding" } });
    };
    if (stmt.kind === "VariableSetStmt") {
      const name = String(n.name ?? "").toLowerCase();
      if ((name === "client_encoding" || name === "names") && n.kind === "VAR_SET_VALUE") {
        const v = constValue(n.args?.[0]);
        if (typeof v === "string") flag(v, n.location, "client_encoding set to");
      }
    } else if (stmt.kind === "CreatedbStmt") {
      const enc = defElems(n.options).get("encoding");
      const v = constValue(enc?.arg);
      if (typeof v === "string") flag(v, enc?.location, `database ${n.dbname} declares encoding`);
    } else {
      for (const fc of nodes("FuncCall")) {
        if (funcName(fc) !== "set_config") continue;
        const [name, value] = (fc.args ?? []).map((a: unknown) => constValue(a as never));
        if (String(name).toLowerCase() === "client_encoding" && typeof value === "string") flag(value, fc.location, "client_encoding set to");
      }
    }
  },
});
