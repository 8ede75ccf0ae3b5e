import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import type { InputFile } from "./input";
import { scanScript } from "./lex";

const input = (text: string, path = "t.sql"): InputFile[] => [{ path, text, bytes: Buffer.byteLength(text), encoding: "utf-8" }];

describe("psql statement endings and wrappers", () => {
  it.each(["\\g", "\\gx", "\\gset", "\\gset job_", "\\gexec", "\\crosstabview", "\\watch 5", "\\g out.txt"])(
    "%s ends the statement before it",
    async (cmd) => {
      const sql = `SELECT 1 AS a, 2 AS b, 3 AS c\n${cmd}\nCREATE TABLE t (id bigint PRIMARY KEY);\n`;
      const scan = scanScript(sql);
      expect(scan.statements.length).toBe(2);
      expect(scan.metaCommands[0]).toMatchObject({ terminates: true });
      const r = await analyze(input(sql));
      expect(r.findings.filter((f) => f.ruleId === "parse-error")).toEqual([]);
      expect(r.model.tables.has("public.t")).toBe(true);
    },
  );

  it("reads the script the rewrite writes for asynchronous indexes (\\gset then :'job_id')", async () => {
    const sql =
      "CREATE TABLE t (id bigint PRIMARY KEY, v text);\nCREATE INDEX ASYNC t_v ON t (v)\n\\gset\nCALL sys.wait_for_job(:'job_id');\nSELECT :\"col\" FROM t;\n";
    const r = await analyze(input(sql));
    expect(r.findings.filter((f) => f.ruleId === "parse-error").map((f) => f.message)).toEqual([]);
    expect(r.files[0].parsed).toBe(4);
  });

  it("skips conditionals, \\restrict, \\connect and \\set around statements", async () => {
    const sql =
      "\\restrict abc123\n\\set ON_ERROR_STOP on\n\\if :is_prod\nCREATE TABLE a (id bigint PRIMARY KEY);\n\\elif :x\nCREATE TABLE b (id bigint PRIMARY KEY);\n\\else\nCREATE TABLE c (id bigint PRIMARY KEY);\n\\endif\n\\connect other\nCREATE TABLE d (id bigint PRIMARY KEY);\n\\unrestrict abc123\n";
    const r = await analyze(input(sql));
    expect(r.findings.filter((f) => f.ruleId === "parse-error")).toEqual([]);
    expect([...r.model.tables.keys()].sort()).toEqual(["public.a", "public.b", "public.c", "public.d"]);
    expect(r.files[0].metaCommands.map((m) => m.text.split(" ")[0])).toEqual([
      "\\restrict",
      "\\set",
      "\\if",
      "\\elif",
      "\\else",
      "\\endif",
      "\\connect",
      "\\unrestrict",
    ]);
  });

  it("reports \\i and \\ir as not followed, naming the file", async () => {
    const r = await analyze(input("\\i schema/tables.sql\n\\ir ./more.sql\nCREATE TABLE a (id bigint PRIMARY KEY);\n"));
    const notes = r.findings.filter((f) => f.ruleId === "unreviewed-statement");
    expect(notes.map((f) => [f.line, f.message])).toEqual([
      [1, "\\i schema/tables.sql: the included file is not followed; add schema/tables.sql to the inputs to assess it"],
      [2, "\\ir ./more.sql: the included file is not followed; add ./more.sql to the inputs to assess it"],
    ]);
  });

  it("warns once per \\gexec statement that the statements it generates cannot be reviewed", async () => {
    const sql = "SELECT format('CREATE INDEX ON %I (id)', tablename) FROM pg_tables\n\\gexec\nSELECT 1;\n";
    const r = await analyze(input(sql));
    const w = r.findings.filter((f) => f.ruleId === "unreviewed-statement");
    expect(w.length).toBe(1);
    expect(w[0].line).toBe(1);
    expect(w[0].message).toMatch(/\\gexec.*cannot be reviewed/);
  });
});
