/**
 * The rewrite on real dumps: every corpus file, the harbor migration folder, and sakila, chinook and pagila
 * loaded into the test setup's PostgreSQL 15 and dumped with its pg_dump in the forms users pass in
 * (--schema-only, --clean --if-exists, --create, --inserts, --column-inserts, --no-owner --no-privileges,
 * the default COPY form, --rows-per-insert, --quote-all-identifiers, --use-set-session-authorization,
 * --load-via-partition-root, --no-comments), in pieces (--section=pre-data/data/post-data, --data-only
 * --disable-triggers) and as pg_dumpall's cluster dumps. For each: the rewrite runs through the CLI code,
 * the schema.dsql.sql it writes re-analyses with no parse error, no blocker and no auto-fixable finding,
 * and --verify (original and script loaded into a real PostgreSQL, tables/columns/keys compared) reports
 * no failed statement and no unexplained difference; data scripts are loaded with psql and every row arrives.
 * The sakila database also holds a view ↔ function cycle, so its dumps carry pg_dump's placeholder view.
 * One PostgreSQL 15 (dumps) and one embedded PostgreSQL (verification) serve the whole file.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../lib/analyze";
import { startEmbeddedPostgres, type EmbeddedServer } from "../lib/db/embedded";
import type { InputFile } from "../lib/ingest/input";
import { selectDatabase, SeveralDatabasesError } from "../lib/ingest/databases";
import { inSectionOrder } from "../lib/ingest/sections";
import { readInputs } from "../lib/ingest/sources";
import { rewrite } from "../lib/rewrite/engine";
import { renderDataScript } from "../lib/rewrite/data";
import { renderPsqlScript } from "../lib/rewrite/render";
import { buildPlan } from "../lib/plan/plan";
import { validateOnPostgres } from "../lib/rewrite/validate";
import { verifyRewrite, type VerifyResult } from "../lib/rewrite/verify";
import { CORPUS, PG15_BIN, pg15Available, psqlLoad, startPg15, type TestServer } from "./source/servers";

if (!pg15Available())
  throw new Error(
    "PostgreSQL 15 server binaries are missing at /usr/lib/postgresql/15/bin (or no postgres OS user): run scripts/setup-test-deps.sh",
  );

const DUMP_FORMS: Record<string, string[]> = {
  "schema-only": ["--schema-only"],
  "clean-if-exists": ["--schema-only", "--clean", "--if-exists"],
  create: ["--schema-only", "--create"],
  inserts: ["--inserts"],
  "column-inserts": ["--column-inserts"],
  "no-owner-no-privileges": ["--schema-only", "--no-owner", "--no-privileges"],
  // pg_dump's default: data as COPY … FROM stdin blocks.
  copy: [],
  "rows-per-insert": ["--rows-per-insert=50"],
  "quote-all-identifiers": ["--schema-only", "--quote-all-identifiers"],
  "set-session-authorization": ["--use-set-session-authorization"],
};
const DUMPED = { sakila: "sakila-postgres-schema.sql", chinook: "chinook_postgresql.sql" };
/** One dump in pieces, read together as one migration. */
const SPLIT_FORMS: Record<string, string[]> = {
  "pre-data": ["--section=pre-data"],
  data: ["--section=data"],
  "post-data": ["--section=post-data"],
  "data-only-disable-triggers": ["--data-only", "--disable-triggers"],
};
const PAGILA_FORMS: Record<string, string[]> = {
  "schema-only": ["--schema-only"],
  copy: [],
  "load-via-partition-root": ["--load-via-partition-root"],
  "no-comments": ["--schema-only", "--no-comments"],
};

let pg15: TestServer;
let verifier: EmbeddedServer;
let dbCount = 0;
const dumps = new Map<string, string>();

beforeAll(async () => {
  [pg15, verifier] = await Promise.all([
    startPg15(),
    startEmbeddedPostgres({
      dir: mkdtempSync(join(tmpdir(), "rewrite-dumps-")),
      persistent: false,
      settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off" },
    }),
  ]);
  for (const [db, file] of Object.entries(DUMPED)) {
    await pg15.createDatabase(db);
    // chinook's file creates and connects to its own database: load it from there.
    psqlLoad(pg15, db === "chinook" ? "postgres" : db, join(CORPUS, file));
    if (db === "sakila") {
      // A view ↔ function cycle: pg_dump writes a placeholder view (NULL::integer AS film_id, …) first.
      const c = await pg15.admin(db);
      await c.query("CREATE VIEW public.film_brief AS SELECT film_id, title FROM public.film");
      await c.query(
        "CREATE FUNCTION public.films_in(cat integer) RETURNS SETOF public.film_brief LANGUAGE sql STABLE AS $$ SELECT * FROM public.film_brief WHERE film_id IN (SELECT film_id FROM public.film_category WHERE category_id = cat) $$",
      );
      await c.query(
        "CREATE OR REPLACE VIEW public.film_brief AS SELECT f.film_id, f.title FROM public.film f WHERE f.film_id NOT IN (SELECT film_id FROM public.films_in(0))",
      );
      await c.end();
    }
    for (const [form, args] of Object.entries(DUMP_FORMS)) {
      dumps.set(
        `${db} ${form}`,
        execFileSync(join(PG15_BIN, "pg_dump"), [...args, "-d", pg15.urlFor(db)], { maxBuffer: 64 << 20 }).toString(),
      );
    }
    for (const [form, args] of Object.entries(SPLIT_FORMS)) dumps.set(`${db} ${form}`, pgDump(db, args));
  }
  await loadPagila();
  for (const [form, args] of Object.entries(PAGILA_FORMS)) dumps.set(`pagila ${form}`, pgDump("pagila", args));
  await addGlobals();
  for (const form of ["--schema-only", "--globals-only"])
    dumps.set(`cluster ${form.slice(2)}`, execFileSync(join(PG15_BIN, "pg_dumpall"), [form, "-d", pg15.urlFor("postgres")]).toString());
});

const pgDump = (db: string, args: string[]) =>
  execFileSync(join(PG15_BIN, "pg_dump"), [...args, "-d", pg15.urlFor(db)], { maxBuffer: 64 << 20, stdio: "pipe" }).toString();

/** pagila (a partitioned payment table, triggers) with PostgreSQL 18 syntax put in 15's words, a few rows and a comment. */
async function loadPagila() {
  await pg15.createDatabase("pagila");
  const file = join(mkdtempSync(join(tmpdir(), "pagila15-")), "pagila.sql");
  writeFileSync(
    file,
    readFileSync(join(CORPUS, "pagila-schema.sql"), "utf8")
      .replace(/\) VIRTUAL$/gm, ") STORED")
      .replace(/uuidv7\(\)/g, "gen_random_uuid()"),
  );
  psqlLoad(pg15, "pagila", file);
  const c = await pg15.admin("pagila");
  // Payments spread over twelve monthly partitions; the fixture's other tables stay empty (foreign keys off here).
  await c.query("SET session_replication_role = replica");
  await c.query(
    "INSERT INTO public.payment (customer_id, staff_id, rental_id, amount, payment_date) SELECT i, 1, i, 1.99, timestamptz '2022-01-15' + i * interval '30 days' FROM generate_series(0, 11) i",
  );
  await c.query("COMMENT ON TABLE public.actor IS 'who plays in the films'");
  await c.end();
}

/** Cluster-wide objects for pg_dumpall: roles with attributes DSQL lacks, a per-role setting, a membership, a tablespace. */
async function addGlobals() {
  const space = mkdtempSync(join(tmpdir(), "dsqlpf-space-"));
  chownSync(space, Number(execFileSync("id", ["-u", "postgres"])), Number(execFileSync("id", ["-g", "postgres"])));
  const c = await pg15.admin();
  await c.query("CREATE ROLE app_owner LOGIN PASSWORD 'secret' CREATEDB CONNECTION LIMIT 5");
  await c.query("CREATE ROLE readers NOLOGIN");
  await c.query("GRANT readers TO app_owner");
  await c.query("ALTER ROLE app_owner SET search_path = public");
  await c.query(`CREATE TABLESPACE fastspace LOCATION '${space}'`);
  await c.end();
  const s = await pg15.admin("sakila");
  await s.query("GRANT SELECT ON public.actor TO readers");
  await s.end();
}
afterAll(async () => {
  await Promise.all([pg15?.stop(), verifier?.stop()]);
});

async function verify(inputs: InputFile[], rw: Awaited<ReturnType<typeof rewrite>>): Promise<VerifyResult> {
  const n = ++dbCount;
  const clients: pg.Client[] = [];
  try {
    for (const side of ["o", "r"]) {
      await verifier.createDatabase(`v${n}${side}`);
      const c = new pg.Client({ connectionString: verifier.urlFor(`v${n}${side}`) });
      await c.connect();
      clients.push(c);
    }
    return await verifyRewrite(inputs, rw, { original: clients[0], rewritten: clients[1], serverVersion: verifier.version });
  } finally {
    for (const c of clients) await c.end();
  }
}

/** Rewrite, write the script as the CLI does, re-analyse that file, verify on PostgreSQL. */
async function check(name: string, inputs: InputFile[]) {
  const rw = await rewrite(inputs);
  const script = renderPsqlScript(rw);
  const again = await analyze([{ path: `${name}/schema.dsql.sql`, text: script, bytes: Buffer.byteLength(script), encoding: "utf-8" }]);
  const left = again.findings
    .filter((f) => f.ruleId === "parse-error" || f.severity === "blocker" || f.fix === "auto")
    .map((f) => `${f.line} ${f.ruleId}: ${f.message}`);
  expect(left, name).toEqual([]);
  const v = await verify(inputs, rw);
  expect(
    v.failures.map((f) => `${f.where} ${f.object}: ${f.error}`),
    name,
  ).toEqual([]);
  expect(
    v.unexplained.map((d) => `${d.change} ${d.object}`),
    name,
  ).toEqual([]);
  for (const d of v.explained) expect(d.rules?.length, `${d.change} ${d.object} has a rule`).toBeGreaterThan(0);
  expect(v.ok).toBe(true);
  console.log(
    `${name}: ${rw.stats.emitted} statements, ${rw.cleanup?.message ?? "no cleanup preamble"}; verified on ${v.server}: ${v.tables.original} → ${v.tables.rewritten} tables, ${v.explained.length} intended difference(s)`,
  );
  return { rw, v };
}

const input = (path: string, text: string): InputFile[] => [{ path, text, bytes: Buffer.byteLength(text), encoding: "utf-8" }];

describe("corpus files", () => {
  it.each(
    readdirSync(CORPUS)
      .filter((f) => f.endsWith(".sql"))
      .sort(),
  )("%s", async (file) => {
    await check(file, readInputs([join(CORPUS, file)]));
  });
});

describe("migration folder", () => {
  it("harbor-migrations (39 files, renames, drops and DO blocks)", async () => {
    const { v } = await check("harbor-migrations", readInputs([join(CORPUS, "harbor-migrations")]));
    expect(v.tables.original).toBe(v.tables.rewritten);
  });
});

describe("pg_dump 15 forms", () => {
  const cases = Object.keys(DUMPED).flatMap((db) => Object.keys(DUMP_FORMS).map((form) => `${db} ${form}`));
  it.each(cases)("%s", async (name) => {
    const text = dumps.get(name)!;
    const { rw } = await check(name, input(`${name.replace(" ", "-")}.sql`, text));
    if (name.includes("clean")) {
      expect(rw.cleanup?.statements).toBeGreaterThan(0);
      expect(rw.statements.some((s) => /\bDROP\b/.test(s.sql))).toBe(false);
    }
    if (/inserts|copy|set-session/.test(name) && name.startsWith("chinook")) expect(rw.data.length).toBeGreaterThan(0);
    if (name.startsWith("sakila")) {
      // The placeholder view's key column follows film.film_id to bigint (its replacement then runs: verified above);
      // --quote-all-identifiers quotes the type name too.
      expect(text).toMatch(/NULL::"?integer"? AS "?film_id"?/);
      expect(renderPsqlScript(rw)).toMatch(/NULL::"?bigint"? AS "?film_id"?/);
    }
  });

  it("every form's script keeps the primary keys of the schema-only one", async () => {
    const pks = (text: string) => rewrite(input("d.sql", text)).then((rw) => renderPsqlScript(rw).match(/PRIMARY KEY/g)?.length ?? 0);
    const base = await pks(dumps.get("sakila schema-only")!);
    expect(base).toBeGreaterThan(10);
    for (const form of Object.keys(DUMP_FORMS)) expect(await pks(dumps.get(`sakila ${form}`)!), form).toBe(base);
  });
});

describe("the data of the dumps loads into the rewritten schema", () => {
  it.each(["copy", "rows-per-insert", "set-session-authorization"])(
    "chinook %s: every row, parents first, ≤ 3,000 per statement",
    async (form) => {
      const rw = await rewrite(input("chinook.sql", dumps.get(`chinook ${form}`)!));
      await loadsEveryRow("chinook", rw);
      if (form === "copy") {
        const script = renderDataScript(rw, loadOrder(rw));
        expect(script.split("\n").filter((l) => l.startsWith("COPY public.track "))).toHaveLength(2);
      }
    },
  );
});

/**
 * psql runs the rewrite's data script (in the plan's load order) on a database built from the rewritten
 * schema script, as on DSQL: keys, foreign keys (NOT VALID, enforced for new rows), identity columns, merged
 * partitions. Every source row arrives, a merged partition's rows in its parent. Returns that database.
 */
async function loadsEveryRow(db: string, rw: Awaited<ReturnType<typeof rewrite>>, { foreignKeysOff = false } = {}) {
  const script = renderDataScript(rw, loadOrder(rw));
  const target = `w${++dbCount}`;
  await verifier.createDatabase(target);
  const c = new pg.Client({ connectionString: verifier.urlFor(target) });
  await c.connect();
  expect((await validateOnPostgres(c, rw, verifier.version)).errors).toEqual([]);
  await c.end();
  execFileSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", verifier.urlFor(target)], {
    input: script,
    stdio: "pipe",
    maxBuffer: 64 << 20,
    env: { ...process.env, ...(foreignKeysOff ? { PGOPTIONS: "-c session_replication_role=replica" } : {}) },
  });
  const counts = async (client: pg.Client, into: Record<string, string> = {}) => {
    const tables = (
      await client.query(
        "SELECT format('%s.%s', n.nspname, c.relname) AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = 'public'",
      )
    ).rows;
    const out: Record<string, number> = {};
    for (const { t } of tables)
      out[into[t] ?? t] = (out[into[t] ?? t] ?? 0) + Number((await client.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
    await client.end();
    return out;
  };
  const loadedClient = new pg.Client({ connectionString: verifier.urlFor(target) });
  await loadedClient.connect();
  const [source, loaded] = await Promise.all([counts(await pg15.admin(db), rw.mergedPartitions), counts(loadedClient)]);
  expect(Object.values(source).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  expect(loaded).toEqual(source);
  expect(Math.max(...copyBlocks(script)), "rows per COPY").toBeLessThanOrEqual(3000);
  return target;
}

/** Rows of each COPY block of a data script. */
function copyBlocks(script: string): number[] {
  const lines = script.split("\n");
  return lines.flatMap((l, i) => (l.startsWith("COPY ") ? [lines.indexOf("\\.", i) - i - 1] : []));
}

const inputs = (...parts: Array<[string, string]>): InputFile[] => parts.flatMap(([path, text]) => input(path, text));
const loadOrder = (rw: Awaited<ReturnType<typeof rewrite>>) => buildPlan(rw).loads.map((l) => l.table);

describe("pg_dump 15 on pagila (a partitioned table, triggers)", () => {
  it.each(Object.keys(PAGILA_FORMS))("pagila %s", async (form) => {
    const text = dumps.get(`pagila ${form}`)!;
    const { rw } = await check(`pagila ${form}`, input(`pagila-${form}.sql`, text));
    expect(text.includes("COMMENT ON TABLE public.actor")).toBe(form !== "no-comments");
    if (form === "copy" || form === "load-via-partition-root") {
      // Rows dumped per partition (or through the root) all load into public.payment, the one table DSQL gets.
      const script = renderDataScript(rw, loadOrder(rw));
      expect(script.match(/^COPY public\.payment_p/gm)).toBeNull();
      expect(script.match(/^COPY public\.payment /gm)?.length).toBeGreaterThanOrEqual(12);
      // The fixture's other tables are empty: foreign keys are off for this load.
      const db = await loadsEveryRow("pagila", rw, { foreignKeysOff: true });
      // pg_dump's setval became the identity's RESTART: the next payment follows the twelve loaded ones.
      const c = new pg.Client({ connectionString: verifier.urlFor(db) });
      await c.connect();
      try {
        await c.query("SET session_replication_role = replica");
        const next = await c.query(
          "INSERT INTO public.payment (customer_id, staff_id, rental_id, amount, payment_date) VALUES (1, 1, 1, 1, '2022-03-01') RETURNING payment_id",
        );
        expect(Number(next.rows[0].payment_id)).toBe(13);
      } finally {
        await c.end();
      }
    }
  });
});

describe("one dump in pieces, read as one migration", () => {
  it("sakila --section=post-data and pre-data, in name order: read pre-data first, keys on their tables", async () => {
    // Named by section, post-data sorts first; its keys must still land on the tables pre-data creates.
    const files = inputs(["sakila-post-data.sql", dumps.get("sakila post-data")!], ["sakila-pre-data.sql", dumps.get("sakila pre-data")!]);
    const ordered = inSectionOrder(files);
    expect(ordered.files.map((f) => f.path)).toEqual(["sakila-pre-data.sql", "sakila-post-data.sql"]);
    expect(ordered.note).toMatch(/^read sakila-post-data\.sql \(pg_dump --section=post-data\) after/);
    const { rw } = await check("sakila sections", ordered.files);
    const whole = await rewrite(input("sakila.sql", dumps.get("sakila schema-only")!));
    const count = (r: typeof rw, re: RegExp) => renderPsqlScript(r).match(re)?.length ?? 0;
    expect(count(rw, /PRIMARY KEY/g)).toBe(count(whole, /PRIMARY KEY/g));
    expect(count(rw, /CREATE INDEX ASYNC/g)).toBe(count(whole, /CREATE INDEX ASYNC/g));
  });

  it.each([["post-data + data + pre-data"], ["data-only-disable-triggers + schema-only"]])("chinook %s", async (pieces) => {
    const files = inSectionOrder(
      inputs(...pieces.split(" + ").map((p): [string, string] => [`chinook-${p}.sql`, dumps.get(`chinook ${p}`)!])),
    );
    const { rw } = await check(`chinook ${pieces}`, files.files);
    // pg_dump's ALTER TABLE … DISABLE/ENABLE TRIGGER ALL around the rows has nothing to do on DSQL: dropped, and
    // the assessment calls that a mechanical fix (11 tables, two statements each).
    expect(rw.statements.some((s) => /TRIGGER/.test(s.sql))).toBe(false);
    const switches = rw.analysis.findings.filter((f) => f.ruleId === "unsupported-alter-table-action");
    expect(switches.map((f) => f.fix)).toEqual(pieces.includes("disable-triggers") ? Array(22).fill("auto") : []);
    await loadsEveryRow("chinook", rw);
  });
});

describe("pg_dumpall 15", () => {
  it("--globals-only: roles, their settings and the tablespace, assessed per the catalog and rewritten", async () => {
    const text = dumps.get("cluster globals-only")!;
    const a = await analyze(input("globals.sql", text));
    expect(a.findings.filter((f) => f.ruleId === "parse-error")).toEqual([]);
    const of = (rule: string) => a.findings.filter((f) => f.ruleId === rule).map((f) => f.object?.name);
    expect(of("role-attributes")).toContain("app_owner");
    expect(of("alter-system")).toEqual(["app_owner"]);
    expect(of("tablespace")).toEqual(["fastspace"]);
    const { rw } = await check("cluster globals-only", input("globals.sql", text));
    expect(rw.statements.map((s) => s.sql)).toEqual(expect.arrayContaining(["CREATE ROLE app_owner;", "CREATE ROLE readers;"]));
  });

  it("--schema-only: the rewrite will not merge the databases into DSQL's one, and names each", async () => {
    const text = dumps.get("cluster schema-only")!;
    const err = await rewrite(input("cluster.sql", text)).catch((e) => e);
    expect(err).toBeInstanceOf(SeveralDatabasesError);
    expect(err.message).toMatch(
      /^cluster\.sql holds 3 databases \(chinook from line \d+, pagila from line \d+, sakila from line \d+\); a DSQL cluster has one database/,
    );
    const a = await analyze(input("cluster.sql", text));
    expect(a.findings.filter((f) => f.ruleId === "parse-error")).toEqual([]);
    expect(a.files[0].databases?.map((d) => d.name)).toEqual(["chinook", "pagila", "sakila"]);
    expect(a.findings.filter((f) => f.ruleId === "create-database").map((f) => f.object?.name)).toEqual(
      expect.arrayContaining(["chinook", "pagila", "sakila"]),
    );
  });

  it.each(["chinook", "pagila", "sakila"])("--schema-only, database %s: with the globals, as its own pg_dump would be", async (db) => {
    const files = selectDatabase(input("cluster.sql", dumps.get("cluster schema-only")!), db, (m) => new Error(m));
    const { rw } = await check(`cluster ${db}`, files);
    const alone = await rewrite(input(`${db}.sql`, dumps.get(`${db} schema-only`)!));
    const tables = (r: typeof rw) => r.statements.filter((s) => /^CREATE TABLE/.test(s.sql)).length;
    expect(tables(rw)).toBe(tables(alone));
    expect(rw.statements.filter((s) => s.object.kind === "role").map((s) => s.sql)).toContain("CREATE ROLE app_owner;");
  });
});

describe("the CLI", () => {
  it("rewrite --verify writes verify.json, points the plan at it, and its schema.dsql.sql re-analyses clean", () => {
    execFileSync(process.execPath, [join(__dirname, "..", "scripts", "build-cli.mjs")], { stdio: "pipe" });
    const dir = mkdtempSync(join(tmpdir(), "rewrite-verify-cli-"));
    writeFileSync(join(dir, "dump.sql"), dumps.get("chinook clean-if-exists")!);
    const bin = join(__dirname, "..", "bin", "dsql-preflight.js");
    const run = spawnSync(process.execPath, [bin, "rewrite", join(dir, "dump.sql"), "--verify", "--out", join(dir, "out")], {
      encoding: "utf8",
    });
    expect(run.stderr).toMatch(/cleanup statements \(pg_dump --clean\) left out: the target is empty/);
    expect(run.stderr).toMatch(/schema verification on PostgreSQL \d+: passed — 11 tables in the inputs, 11 in the script/);
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "out", "verify.json"), "utf8"))).toMatchObject({ ok: true, unexplained: [], failures: [] });
    const plan = JSON.parse(readFileSync(join(dir, "out", "plan.json"), "utf8"));
    const schemaStep = plan.phases
      .flatMap((p: { steps: Array<{ title: string; verify: string }> }) => p.steps)
      .find((st: { title: string }) => st.title === "Create the schema");
    expect(schemaStep.verify).toMatch(/^Verified on PostgreSQL \d+ \(verify\.json\)/);
    const again = spawnSync(
      process.execPath,
      [bin, "analyze", join(dir, "out", "schema.dsql.sql"), "--format", "json", "--fail-on", "never"],
      { encoding: "utf8", maxBuffer: 1 << 26 },
    );
    const findings = JSON.parse(again.stdout).findings as Array<{ ruleId: string; severity: string; fix: string }>;
    expect(findings.filter((f) => f.ruleId === "parse-error" || f.severity === "blocker" || f.fix === "auto")).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("the CLI on a cluster dump and on a dump in sections", () => {
  const bin = join(__dirname, "..", "bin", "dsql-preflight.js");
  const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });

  it("rewrite of a pg_dumpall writes one folder per database and says why; analyze names them and takes --database", () => {
    execFileSync(process.execPath, [join(__dirname, "..", "scripts", "build-cli.mjs")], { stdio: "pipe" });
    const dir = mkdtempSync(join(tmpdir(), "rewrite-cluster-cli-"));
    writeFileSync(join(dir, "cluster.sql"), dumps.get("cluster schema-only")!);
    const run = cli(["rewrite", join(dir, "cluster.sql"), "--out", join(dir, "out")]);
    expect(run.stderr).toMatch(
      /the inputs hold 3 databases \(chinook from line \d+, pagila from line \d+, sakila from line \d+\); a DSQL cluster has one database, so each is rewritten for its own cluster into .*\/out\/<database>\//,
    );
    expect(run.status).toBe(0);
    for (const db of ["chinook", "pagila", "sakila"]) expect(existsSync(join(dir, "out", db, "schema.dsql.sql")), db).toBe(true);
    const all = cli(["analyze", join(dir, "cluster.sql"), "--format", "json", "--fail-on", "never"]);
    expect(all.stderr).toMatch(/the inputs hold 3 databases .*assess each with --database NAME/);
    const one = cli(["analyze", join(dir, "cluster.sql"), "--database", "sakila", "--format", "json", "--fail-on", "never"]);
    expect(one.stderr).toBe("");
    expect(JSON.parse(one.stdout).inventory.tables).toBe(21);
    const wrong = cli(["analyze", join(dir, "cluster.sql"), "--database", "shop"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe("dsql-preflight: --database shop: the inputs hold chinook, pagila, sakila\n");
    rmSync(dir, { recursive: true, force: true });
  });

  it("analyze of a folder holding --section=pre-data and post-data files reads them in section order", () => {
    const dir = mkdtempSync(join(tmpdir(), "sections-cli-"));
    mkdirSync(join(dir, "dump"));
    for (const part of ["pre-data", "post-data"]) writeFileSync(join(dir, "dump", `sakila-${part}.sql`), dumps.get(`sakila ${part}`)!);
    writeFileSync(join(dir, "whole.sql"), dumps.get("sakila schema-only")!);
    const withoutKey = (path: string) => {
      const r = cli(["analyze", path, "--format", "json", "--fail-on", "never"]);
      const findings = JSON.parse(r.stdout).findings as Array<{ ruleId: string }>;
      return { stderr: r.stderr, n: findings.filter((f) => f.ruleId === "table-without-primary-key").length };
    };
    const folder = withoutKey(join(dir, "dump"));
    expect(folder.stderr).toMatch(/read .*sakila-post-data\.sql \(pg_dump --section=post-data\) after the other inputs/);
    expect(folder.n).toBe(withoutKey(join(dir, "whole.sql")).n);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("CREATE SCHEMA with elements", () => {
  it("keeps every element in its schema", async () => {
    const sql =
      "CREATE SCHEMA shop AUTHORIZATION app\n  CREATE TABLE orders (id serial PRIMARY KEY, note xml)\n  CREATE TABLE lines (id bigserial PRIMARY KEY, order_id integer REFERENCES orders)\n  CREATE VIEW open_orders AS SELECT id FROM orders\n  GRANT SELECT ON orders TO app;\n";
    const { v } = await check("create-schema", input("schema.sql", sql));
    expect(v.tables).toEqual({ original: 2, rewritten: 2 });
  });
});

describe("verification catches what the rewrite did not mean", () => {
  it("names the difference and the script statement behind it", async () => {
    const text = "CREATE TABLE a (id bigint PRIMARY KEY, code text);\nALTER TABLE a ADD CONSTRAINT a_code_key UNIQUE (code);\n";
    const rw = await rewrite(input("v.sql", text));
    // Tamper with the script: the unique key folded into CREATE TABLE is lost.
    rw.statements[0].sql = rw.statements[0].sql.replace(/,\s*CONSTRAINT a_code_key UNIQUE \(code\)/, "");
    expect(rw.statements[0].sql).not.toMatch(/a_code_key/);
    const v = await verify(input("v.sql", text), rw);
    expect(v.ok).toBe(false);
    expect(v.unexplained).toEqual([
      expect.objectContaining({
        change: "unique key missing",
        object: "public.a a_code_key",
        statement: expect.objectContaining({ seq: 1 }),
      }),
    ]);
  });

  it("reports a script statement that fails to run", async () => {
    const text = "CREATE TABLE a (id bigint PRIMARY KEY);\n";
    const rw = await rewrite(input("f.sql", text));
    rw.statements.push({ ...rw.statements[0], seq: 99, sql: "ALTER TABLE nowhere ADD COLUMN x int;" });
    const v = await verify(input("f.sql", text), rw);
    expect(v.ok).toBe(false);
    expect(v.failures).toEqual([expect.objectContaining({ where: "#99", error: expect.stringContaining("nowhere") })]);
  });
});
