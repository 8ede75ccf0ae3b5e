/**
 * Corpus check for the rewrite, for every file in ../shared/corpus (read in place, never copied):
 * every emitted statement re-parses; analysing the rewritten DDL with all rules finds no blocker and no
 * auto-fixable finding (fixpoint); and the DDL runs without error on a real PostgreSQL server (one
 * embedded server for this file, a fresh database per corpus file, ASYNC blanked, waits skipped).
 * Rules are read from lib/rules/all.ts: `npm run test:unit` regenerates it first.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../lib/analyze";
import { startEmbeddedPostgres, type EmbeddedServer } from "../lib/db/embedded";
import { rewrite, reparseError } from "../lib/rewrite/engine";
import { renderSqlOnly } from "../lib/rewrite/render";
import { validateOnPostgres } from "../lib/rewrite/validate";

const CORPUS = join(__dirname, "..", "..", "shared", "corpus");
const files = readdirSync(CORPUS)
  .filter((f) => f.endsWith(".sql"))
  .sort();

let server: EmbeddedServer;
beforeAll(async () => {
  server = await startEmbeddedPostgres({ dir: mkdtempSync(join(tmpdir(), "rewrite-corpus-")), persistent: false });
});
afterAll(async () => {
  await server?.stop();
});

describe.each(files)("rewrite %s", (file) => {
  it("re-parses, reaches the fixpoint, and runs on PostgreSQL", async () => {
    const text = readFileSync(join(CORPUS, file), "utf8");
    const rw = await rewrite([{ path: file, text, bytes: Buffer.byteLength(text), encoding: "utf-8" }]);
    // 1. Re-parse guard (the engine throws too; this keeps the property visible in the test).
    for (const s of rw.statements) expect(reparseError(s.sql), `#${s.seq} ${s.sql.slice(0, 120)}`).toBeUndefined();
    // 2. Fixpoint with every rule.
    const sql = renderSqlOnly(rw);
    const again = await analyze([{ path: `${file}.dsql.sql`, text: sql, bytes: Buffer.byteLength(sql), encoding: "utf-8" }]);
    const left = again.findings.filter((f) => f.severity === "blocker" || f.fix === "auto").map((f) => `${f.ruleId}: ${f.message}`);
    expect(left).toEqual([]);
    // 3. Execution on a fresh database.
    const db = `c_${file.replace(/[^a-z0-9]/gi, "_").toLowerCase()}`;
    await server.createDatabase(db);
    const client = new pg.Client({ connectionString: server.urlFor(db) });
    await client.connect();
    try {
      const v = await validateOnPostgres(client, rw, server.version);
      expect(v.errors).toEqual([]);
      expect(v.ok + v.skipped).toBe(rw.statements.length);
      console.log(
        `${file}: ${rw.stats.sourceStatements} statements in, ${rw.stats.emitted} out (${rw.stats.changed} rewritten), ${rw.manual.length} manual; fixpoint clean; validated on ${v.server}: ${v.ok} ok, ${v.skipped} skipped`,
      );
    } finally {
      await client.end();
    }
  });
});

describe("rewrite with the uuid key strategy", () => {
  it.each(["pagila-schema.sql", "sakila-postgres-schema.sql"])(
    "%s runs on PostgreSQL with uuid keys and remapped foreign keys",
    async (file) => {
      const text = readFileSync(join(CORPUS, file), "utf8");
      const rw = await rewrite([{ path: file, text, bytes: Buffer.byteLength(text), encoding: "utf-8" }], { keyStrategy: "uuid" });
      expect(rw.keyChanges.some((k) => k.strategy === "uuid" && (k.remappedForeignKeys?.length ?? 0) > 0)).toBe(true);
      const sql = renderSqlOnly(rw);
      const again = await analyze([{ path: `${file}.uuid.sql`, text: sql, bytes: Buffer.byteLength(sql), encoding: "utf-8" }]);
      expect(again.findings.filter((f) => f.severity === "blocker" || f.fix === "auto").map((f) => f.message)).toEqual([]);
      const db = `u_${file.replace(/[^a-z0-9]/gi, "_").toLowerCase()}`;
      await server.createDatabase(db);
      const client = new pg.Client({ connectionString: server.urlFor(db) });
      await client.connect();
      try {
        expect((await validateOnPostgres(client, rw, server.version)).errors).toEqual([]);
      } finally {
        await client.end();
      }
    },
  );
});
