import { constValue, defElems } from "@/lib/ingest/ast";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const UTF8 = /^(utf-?8|unicode)$/i;

/** CREATE DATABASE … ENCODING other than UTF-8 (a client encoding is `client-encoding`'s, a warning). */
export default defineRule({
  id: "non-utf8-encoding",
  title: "Encoding other than UTF-8",
  severity: "blocker",
  category: "database-and-storage",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.MIG,
  why: "DSQL's database is UTF-8 and the server encoding cannot be changed. A database declared with another encoding holds text that must first be converted.",
  fix: "Convert the file and its data to UTF-8 (e.g. `iconv -f LATIN1 -t UTF-8`), then use `SET client_encoding = 'UTF8'` or drop the setting.",
  catalogRows: [2],
  example: {
    bad: "CREATE DATABASE legacy ENCODING 'LATIN1';",
    good: "CREATE DATABASE app ENCODING 'UTF8';",
  },
  kinds: ["CreatedbStmt"],
  checkStatement({ stmt, report }) {
    const enc = defElems(stmt.node.options).get("encoding");
    const v = constValue(enc?.arg);
    if (typeof v === "string" && !UTF8.test(v.trim()))
      report({
        message: `database ${stmt.node.dbname} declares encoding ${v}: DSQL only stores UTF-8; convert the data to UTF-8 first`,
        location: enc?.location,
        object: { kind: "setting", name: "client_encoding" },
      });
  },
});
