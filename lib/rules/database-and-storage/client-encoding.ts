import { constValue, funcName } from "@/lib/ingest/ast";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const UTF8 = /^(utf-?8|unicode)$/i;

/**
 * `SET client_encoding`, `SET NAMES`, `set_config('client_encoding', …)` other than UTF-8. The client
 * encoding is how this session's text is converted, not how the server stores it (pg_dump writes the
 * dump's encoding here); DSQL documents nothing about client encodings, so this is a warning to check.
 */
export default defineRule({
  id: "client-encoding",
  title: "Client encoding other than UTF-8",
  severity: "warning",
  category: "database-and-storage",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.MIG,
  why: "DSQL stores UTF-8. A script that sets another client encoding relies on the server converting its text; DSQL does not document which client encodings it converts, so loading such a file may fail or store wrong characters.",
  fix: "Convert the file to UTF-8 (e.g. `iconv -f LATIN1 -t UTF-8`) and set `client_encoding = 'UTF8'`, or verify on a DSQL test cluster that the encoding is converted.",
  catalogRows: [2],
  example: {
    bad: "SET client_encoding = 'LATIN1';",
    good: "SET client_encoding = 'UTF8';",
  },
  kinds: ["VariableSetStmt", "SelectStmt"],
  checkStatement({ stmt, nodes, encoding: read, report }) {
    const n = stmt.node;
    // A file decoded with the encoding it declares (lib/ingest/input.ts) is UTF-8 text from then on: the
    // rewrite writes it as UTF-8 and leaves the setting out.
    const decoded = read.startsWith("declared ");
    const flag = (encoding: string, location: number | undefined) => {
      if (UTF8.test(encoding.trim())) return;
      report({
        message: decoded
          ? `client_encoding set to ${encoding}: the file was read as ${read.slice("declared ".length)} and the rewrite writes it as UTF-8 without the setting; load any other data as UTF-8 too`
          : `client_encoding set to ${encoding}: DSQL documents no conversion from client encodings; convert the file to UTF-8 or verify`,
        location,
        object: { kind: "setting", name: "client_encoding" },
        ...(decoded ? { fix: "auto" as const } : {}),
      });
    };
    if (stmt.kind === "VariableSetStmt") {
      const name = String(n.name ?? "").toLowerCase();
      if ((name === "client_encoding" || name === "names") && n.kind === "VAR_SET_VALUE") {
        const v = constValue(n.args?.[0]);
        if (typeof v === "string") flag(v, n.location);
      }
      return;
    }
    for (const fc of nodes("FuncCall")) {
      if (funcName(fc) !== "set_config") continue;
      const [name, value] = (fc.args ?? []).map((a: unknown) => constValue(a as never));
      if (String(name).toLowerCase() === "client_encoding" && typeof value === "string") flag(value, fc.location);
    }
  },
});
