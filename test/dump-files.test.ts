/**
 * The files pg_dump writes besides plain UTF-8 SQL, made by the suite's PostgreSQL 15: a gzipped dump
 * (`pg_dump | gzip`) is read as the SQL it holds; a LATIN1 database's dump is decoded with the encoding it
 * declares and its rewrite is UTF-8 that loads into a UTF-8 database with the same accented text; the
 * custom, tar and directory archive formats are refused with the pg_restore command that turns them into SQL.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { zipSync } from "fflate";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../lib/analyze";
import { InputError } from "../lib/ingest/input";
import { inputsFromBytes, readInputs } from "../lib/ingest/sources";
import { rewrite } from "../lib/rewrite/engine";
import { renderPsqlScript } from "../lib/rewrite/render";
import { validateOnPostgres } from "../lib/rewrite/validate";
import { PG15_BIN, pg15Available, startPg15, type TestServer } from "./source/servers";

if (!pg15Available())
  throw new Error(
    "PostgreSQL 15 server binaries are missing at /usr/lib/postgresql/15/bin (or no postgres OS user): run scripts/setup-test-deps.sh",
  );

const SCHEMA = `
CREATE TABLE menu (id serial PRIMARY KEY, dish text NOT NULL DEFAULT 'crème brûlée', price numeric(6,2));
COMMENT ON TABLE menu IS 'la carte du café';
CREATE INDEX menu_dish ON menu (dish);
INSERT INTO menu (dish, price) VALUES ('pâté', 4.50), ('île flottante', 3.20);
`;

let pg15: TestServer;
let dir: string;
const dump = (db: string, ...args: string[]) =>
  execFileSync(join(PG15_BIN, "pg_dump"), [...args, "-d", pg15.urlFor(db)], { maxBuffer: 16 << 20, stdio: "pipe" });

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  throw new Error("expected an InputError");
}

beforeAll(async () => {
  pg15 = await startPg15();
  dir = mkdtempSync(join(tmpdir(), "dsqlpf-dumpfiles-"));
  const c = await pg15.admin();
  await c.query("CREATE DATABASE utf");
  await c.query("CREATE DATABASE latin WITH ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
  await c.query("CREATE DATABASE target");
  await c.end();
  for (const db of ["utf", "latin"]) {
    const d = await pg15.admin(db);
    await d.query(SCHEMA);
    await d.end();
  }
}, 120_000);
afterAll(async () => pg15?.stop());

describe("pg_dump output as users keep it", () => {
  it("a gzipped dump reads as the SQL it holds, from a file, a zip or stdin", async () => {
    const plain = dump("utf", "--schema-only");
    const gz = gzipSync(plain);
    const [file] = inputsFromBytes("menu.sql.gz", gz);
    expect(file.path).toBe("menu.sql");
    expect(file.text).toBe(plain.toString("utf8"));
    expect(readInputs(["-"], {}, () => gz)[0].text).toBe(plain.toString("utf8"));
    const zipped = inputsFromBytes("dumps.zip", zipSync({ "nightly/menu.sql.gz": gz }));
    expect(zipped.map((f) => [f.path, f.text === plain.toString("utf8")])).toEqual([["dumps.zip/nightly/menu.sql", true]]);
    const a = await analyze([file]);
    const b = await analyze([{ path: "menu.sql", text: plain.toString("utf8"), bytes: plain.length, encoding: "utf-8" }]);
    expect(a.findings).toEqual(b.findings);
    // A gzip that expands past the limit, or is cut short, is refused with what is wrong.
    expect(refusal(() => inputsFromBytes("menu.sql.gz", gz, { maxBytes: 1000 }))).toBe(
      "menu.sql.gz: decompresses to more than the 1000 bytes limit (raise it with --max-bytes)",
    );
    expect(refusal(() => inputsFromBytes("menu.sql.gz", gz.subarray(0, 40)))).toMatch(
      /^menu\.sql\.gz: gzip data is damaged or cut short \(/,
    );
  });

  it("a LATIN1 database's dump is decoded as LATIN1, and its rewrite is UTF-8 that loads with the same text", async () => {
    const bytes = dump("latin", "--schema-only");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const [file] = inputsFromBytes("latin.sql", bytes);
    expect(file.encoding).toBe("declared LATIN1");
    expect(file.text).toContain("DEFAULT 'crème brûlée'::text");
    expect(file.text).toContain("'la carte du café'");
    const r = await analyze([file]);
    expect(r.files[0].parseErrors).toBe(0);
    expect(r.files[0].encoding).toBe("declared LATIN1");
    // The rewrite writes UTF-8 without the setting: the client-encoding finding is its to settle.
    expect(r.findings.filter((f) => f.ruleId === "client-encoding").map((f) => f.fix)).toEqual(["auto"]);

    const rw = await rewrite([file]);
    const script = renderPsqlScript(rw);
    expect(script).not.toContain("client_encoding");
    expect(Buffer.from(script, "utf8").toString("utf8")).toContain("'crème brûlée'");
    const c = new pg.Client({ connectionString: pg15.urlFor("target") });
    await c.connect();
    try {
      expect((await validateOnPostgres(c, rw, 15)).errors).toEqual([]);
      const { rows } = await c.query(
        "select obj_description('public.menu'::regclass) as comment, column_default from information_schema.columns where table_name = 'menu' and column_name = 'dish'",
      );
      expect(rows).toEqual([{ comment: "la carte du café", column_default: "'crème brûlée'::text" }]);
    } finally {
      await c.end();
    }
  });

  it("custom, tar and directory archives are refused with the pg_restore command that writes them out as SQL", async () => {
    const custom = dump("utf", "-Fc");
    expect(refusal(() => inputsFromBytes("menu.dump", custom))).toBe(
      "menu.dump: a pg_dump custom-format (pg_dump -Fc) archive, not SQL text: write it out as SQL with `pg_restore --schema-only -f schema.sql menu.dump` (without --schema-only to keep the data) and assess that file",
    );
    expect(refusal(() => inputsFromBytes("menu.tar", dump("utf", "-Ft")))).toMatch(
      /^menu\.tar: a pg_dump tar-format \(pg_dump -Ft\) archive, not SQL text: /,
    );
    const out = join(dir, "menu.dir");
    dump("utf", "-Fd", "-f", out);
    expect(refusal(() => readInputs([out]))).toBe(
      `${out}: a pg_dump directory-format archive (pg_dump -Fd), not SQL files: write it out as SQL with \`pg_restore --schema-only -f schema.sql ${out}\` (without --schema-only to keep the data) and assess that file`,
    );
    // What the message says to do works: pg_restore's SQL is assessed as the plain dump is.
    const restored = execFileSync(join(PG15_BIN, "pg_restore"), ["--schema-only", "-f", "-", out]);
    const plain = dump("utf", "--schema-only");
    const findings = async (bytes: Buffer) => (await analyze(inputsFromBytes("menu.sql", bytes))).findings;
    expect(await findings(restored)).toEqual(await findings(plain));
  });
});
