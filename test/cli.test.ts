/** The CLI contract, exercised through the real built binary in a child process. */
import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..");
const bin = join(root, "bin", "dsql-preflight.js");
const corpus = join(root, "..", "shared", "corpus");
const dir = mkdtempSync(join(tmpdir(), "cli-"));

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CLEAN = "CREATE TABLE t (id uuid DEFAULT gen_random_uuid() PRIMARY KEY, name text);\nCREATE INDEX ASYNC t_name ON t (name);\n";
const BROKEN =
  "CREATE TABLE t (id int PRIMARY KEY);\nCREATE INDEX t_id ON t (id);\nCREATE TABLE c (id int PRIMARY KEY, t_id int REFERENCES t (id));\n";

beforeAll(() => {
  execFileSync(process.execPath, [join(root, "scripts", "build-cli.mjs")], { stdio: "inherit" });
  writeFileSync(join(dir, "clean.sql"), CLEAN);
  writeFileSync(join(dir, "broken.sql"), BROKEN);
});

describe("dsql-preflight analyze", () => {
  it("stops quietly with 141 when the reader closes the pipe early (| head)", () => {
    // rnacentral's JSON report is megabytes: far more than the pipe holds once head has gone.
    const input = join(corpus, "rnacentral-rna.sql");
    const r = spawnSync(
      "bash",
      ["-c", `"${process.execPath}" "${bin}" analyze "${input}" --format json | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`],
      {
        encoding: "utf8",
      },
    );
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("141");
  });

  it("exits 0 with no blockers and 1 with blockers", () => {
    expect(cli(["analyze", join(dir, "clean.sql")]).code).toBe(0);
    expect(cli(["analyze", join(dir, "broken.sql")]).code).toBe(1);
  });

  it("prints compiler-style lines file:line:col: severity rule message", () => {
    const { stdout } = cli(["analyze", join(dir, "broken.sql")]);
    expect(stdout).toContain(`${join(dir, "broken.sql")}:2:1: blocker index-not-async index t_id must be created with CREATE INDEX ASYNC`);
    expect(stdout).toMatch(/Readiness \d+\/100/);
  });

  it("writes the JSON contract", () => {
    const { stdout, code } = cli(["analyze", join(dir, "broken.sql"), "--format", "json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ schemaVersion: 2, tool: { name: "dsql-preflight" } });
    expect(report.targetDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(report.files[0]).toMatchObject({ statements: 3, parsed: 3, parseErrors: 0, metaCommands: [] });
    const f = report.findings.find((x: any) => x.ruleId === "index-not-async");
    for (const k of [
      "ruleId",
      "severity",
      "category",
      "message",
      "file",
      "line",
      "column",
      "statementLine",
      "object",
      "fix",
      "effort",
      "docsUrl",
    ])
      expect(f).toHaveProperty(k);
    expect(f.object).toMatchObject({ kind: "index", schema: "public", name: "t_id" });
    expect(report.summary.bySeverity.blocker).toBeGreaterThan(0);
    expect(report.summary.readiness.formula).toMatch(/blocker/);
    expect(report.summary.effortHours.low).toBeLessThanOrEqual(report.summary.effortHours.high);
  });

  it("brings back findings DSQL no longer has when given an older target date", () => {
    const now = JSON.parse(cli(["analyze", join(dir, "broken.sql"), "-f", "json"]).stdout);
    const before = JSON.parse(cli(["analyze", join(dir, "broken.sql"), "-f", "json", "--target-date", "2026-06-01"]).stdout);
    expect(now.findings.some((f: any) => f.ruleId === "foreign-key")).toBe(false);
    expect(before.findings.filter((f: any) => f.ruleId === "foreign-key")).toHaveLength(1);
    expect(before.targetDate).toBe("2026-06-01");
  });

  it("reads stdin, writes --out, and honours --fail-on", () => {
    const out = join(dir, "r.md");
    expect(cli(["analyze", "-", "--format", "md", "--out", out], BROKEN).code).toBe(1);
    expect(readFileSync(out, "utf8")).toMatch(/^# Aurora DSQL migration assessment/);
    expect(cli(["analyze", "-", "--fail-on", "never"], BROKEN).code).toBe(0);
    expect(cli(["analyze", "-", "--fail-on", "warning"], "CREATE TABLE x (a int);").code).toBe(1);
  });

  it("writes SARIF 2.1.0 with rules and locations", () => {
    const sarif = JSON.parse(cli(["analyze", join(dir, "broken.sql"), "--format", "sarif"]).stdout);
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: any) => r.id)).toContain("index-not-async");
    const res = run.results.find((r: any) => r.ruleId === "index-not-async");
    expect(res).toMatchObject({ level: "error", locations: [{ physicalLocation: { region: { startLine: 2, startColumn: 1 } } }] });
  });

  it("exits 2 with a message naming the problem for usage and input errors", () => {
    const missing = cli(["analyze", join(dir, "nope.sql")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.sql: no such file/);
    const date = cli(["analyze", join(dir, "clean.sql"), "--target-date", "2026-13-01"]);
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/--target-date: "2026-13-01" is not a date/);
    expect(cli(["analyze", join(dir, "clean.sql"), "--format", "xml"]).code).toBe(2);
    expect(cli(["analyze"]).code).toBe(2);
    expect(cli(["frobnicate"]).code).toBe(2);
    writeFileSync(join(dir, "bin.sql"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    const binary = cli(["analyze", join(dir, "bin.sql")]);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/bin\.sql: file looks binary/);
    const big = cli(["analyze", join(dir, "clean.sql"), "--max-bytes", "10"]);
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/clean\.sql: .*over the 10 byte limit/);
  });

  it("refuses more statements than the limit before any analysis, from the flag or the environment", () => {
    const many = join(dir, "many.sql");
    writeFileSync(many, Array.from({ length: 12 }, (_, i) => `INSERT INTO t VALUES (${i});\n`).join(""));
    const flag = cli(["analyze", many, "--max-statements", "5"]);
    expect(flag.code).toBe(2);
    expect(flag.stdout).toBe("");
    expect(flag.stderr).toContain(`${many}: input too large to analyse: 12 statements, limit 5`);
    const r = spawnSync(process.execPath, [bin, "analyze", many], {
      encoding: "utf8",
      env: { ...process.env, DSQL_PREFLIGHT_MAX_STATEMENTS: "11" },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("input too large to analyse: 12 statements, limit 11");
    expect(cli(["analyze", many, "--max-statements", "12", "--fail-on", "never"]).code).toBe(0);
    expect(cli(["analyze", many, "--max-statements", "lots"]).stderr).toMatch(/--max-statements: "lots" is not a positive whole number/);
  });

  it("documents every option in --help", () => {
    const { stdout, code } = cli(["analyze", "--help"]);
    expect(code).toBe(0);
    for (const opt of ["--format", "--out", "--target-date", "--fail-on", "--max-bytes", "Exit status"]) expect(stdout).toContain(opt);
  });

  it("reports parse errors as findings with the parser's message and keeps going", () => {
    const { stdout } = cli(
      ["analyze", "-", "--format", "json"],
      "CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABEL b (id int);\nCREATE TABLE c (id int PRIMARY KEY);\n",
    );
    const report = JSON.parse(stdout);
    const pe = report.findings.filter((f: any) => f.ruleId === "parse-error");
    expect(pe).toHaveLength(1);
    expect(pe[0]).toMatchObject({ severity: "blocker", category: "parse", line: 2, column: 8, file: "<stdin>" });
    expect(pe[0].message).toMatch(/syntax error at or near "TABEL"/);
    expect(report.files[0]).toMatchObject({ statements: 3, parsed: 2, parseErrors: 1 });
  });

  it("analyses a real pg_dump (pagila) with every statement accounted for", () => {
    const report = JSON.parse(cli(["analyze", join(corpus, "pagila-schema.sql"), "--format", "json"]).stdout);
    const f = report.files[0];
    expect(f.parseErrors).toBe(0);
    expect(f.statements).toBe(f.parsed);
    expect(f.statements).toBeGreaterThan(300);
    expect(report.findings.filter((x: any) => x.ruleId === "trigger").length).toBeGreaterThan(10);
  });
});

describe("dsql-preflight rewrite", () => {
  const rnacentral = join(corpus, "rnacentral-rna.sql");

  it("refuses an input over the rewrite statement limit before any work, naming the limit and how to proceed", () => {
    // rnacentral ×17 (102,816 statements) is just over the default limit of 100,000.
    const rna = readFileSync(rnacentral, "utf8");
    const big = join(dir, "rnacentral-x17.sql");
    writeFileSync(big, Array.from({ length: 17 }, () => rna).join("\n"));
    const out = join(dir, "refused");
    const r = cli(["rewrite", big, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${big}: input too large to rewrite: 102816 statements, limit 100000`);
    expect(r.stderr).toContain("dsql-preflight analyze");
    expect(r.stderr).toContain("DSQL_PREFLIGHT_MAX_REWRITE_STATEMENTS");
    expect(existsSync(out)).toBe(false);
    // The same limit from the environment, on the real file.
    const env = spawnSync(process.execPath, [bin, "rewrite", rnacentral, "--out", out], {
      encoding: "utf8",
      env: { ...process.env, DSQL_PREFLIGHT_MAX_REWRITE_STATEMENTS: "6047" },
    });
    expect(env.status).toBe(2);
    expect(env.stderr).toContain("input too large to rewrite: 6048 statements, limit 6047");
    expect(existsSync(out)).toBe(false);
  });

  it("-o - writes the DSQL script alone to standard output, the same as schema.dsql.sql, and says what it leaves out", () => {
    const sql = `${BROKEN}INSERT INTO t VALUES (1);\n`;
    const piped = cli(["rewrite", "-", "-o", "-"], sql);
    expect(piped.code).toBe(0);
    const out = join(dir, "to-dir");
    expect(cli(["rewrite", "-", "-o", out], sql).code).toBe(0);
    expect(piped.stdout).toBe(readFileSync(join(out, "schema.dsql.sql"), "utf8"));
    expect(piped.stdout).toContain("CREATE INDEX ASYNC t_id ON t (id)");
    expect(existsSync(join(process.cwd(), "-"))).toBe(false);
    expect(piped.stderr).toContain("→ standard output (the schema script only)");
    expect(piped.stderr).toContain("1 data statement(s) are not in it: give -o <dir> for data.dsql.sql");
    // What it wrote is DSQL-ready: re-analysed, nothing blocks.
    const again = cli(["analyze", "-", "--fail-on", "blocker"], piped.stdout);
    expect(again.code).toBe(0);
  });

  it("-o - refuses a cluster dump holding several databases unless one is named", () => {
    const cluster = "\\connect a\nCREATE TABLE t (id bigint PRIMARY KEY);\n\\connect b\nCREATE TABLE u (id bigint PRIMARY KEY);\n";
    const r = cli(["rewrite", "-", "-o", "-"], cluster);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("and -o - writes one script: name one with --database");
    const one = cli(["rewrite", "-", "-o", "-", "--database", "b"], cluster);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("CREATE TABLE u");
    expect(one.stdout).not.toContain("CREATE TABLE t ");
  });
});
