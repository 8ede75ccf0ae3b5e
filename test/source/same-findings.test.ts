/**
 * "Same model, same findings": corpus schemas loaded into real servers, analysed live (catalog → DDL →
 * analyze) and as `pg_dump --schema-only`; findings must match by rule and object. PostgreSQL 15
 * supplies pg_dump; PostgreSQL 18 (another catalog version) must give the same findings as well.
 * Known, documented differences are listed in docs/live-source.md and in KNOWN below.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../lib/analyze";
import type { Finding } from "../../lib/rules/core/rule";
import { analyzeSnapshot } from "../../lib/source/analyze-snapshot";
import { collectSource } from "../../lib/source/collect";
import { CORPUS, PG15_BIN, pg15Available, psqlLoad, startPg15, startPg18, type TestServer } from "./servers";

// Loadable on both 15 and 18 without extra roles or extensions; pagila needs PostgreSQL 18 syntax (see the 18-only case).
// (chinook creates and switches to its own database, so it is not useful here; rnacentral needs its owner role.)
const FILES = ["sakila-postgres-schema.sql", "danbooru-structure.sql", "rnacentral-rna.sql"];

const keyOf = (f: Finding) => `${f.ruleId}|${f.object.kind}|${f.object.schema ?? ""}|${f.object.name}`;
const keys = (fs: Finding[]) => new Set(fs.map(keyOf));

function diff(a: Set<string>, b: Set<string>) {
  return { onlyA: [...a].filter((x) => !b.has(x)).sort(), onlyB: [...b].filter((x) => !a.has(x)).sort() };
}

// Debian's PostgreSQL 15 (pg_ctl, pg_dump) is a test dependency: scripts/setup-test-deps.sh installs it.
if (!pg15Available())
  throw new Error(
    "PostgreSQL 15 server binaries are missing at /usr/lib/postgresql/15/bin (or no postgres OS user): run scripts/setup-test-deps.sh",
  );
let s15: TestServer | undefined;
let s18: TestServer;

beforeAll(async () => {
  [s18, s15] = await Promise.all([startPg18(), startPg15()]);
  await Promise.all(
    FILES.map(async (f, i) => {
      const db = `c${i}`;
      // rnacentral loads in seconds into 15 but takes minutes into the embedded 18 build: 15 only.
      for (const s of f.startsWith("rnacentral") ? [s15] : [s18, s15]) {
        if (!s) continue;
        await s.createDatabase(db);
        if (f.startsWith("rnacentral")) {
          const c = await s.admin();
          await c.query("DO $$ BEGIN CREATE ROLE rnacen; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
          await c.end();
        }
        psqlLoad(s, db, join(CORPUS, f));
      }
    }),
  );
});
afterAll(async () => {
  await Promise.all([s18?.stop(), s15?.stop()]);
});

async function live(s: TestServer, db: string) {
  const snap = await collectSource(s.urlFor(db), { sampleSeconds: 0 });
  return analyzeSnapshot(snap);
}

describe("live catalog vs pg_dump --schema-only (PostgreSQL 15)", () => {
  for (const [i, f] of FILES.entries()) {
    it(f, async () => {
      const db = `c${i}`;
      const dump = execFileSync(join(PG15_BIN, "pg_dump"), ["-s", "-d", s15!.urlFor(db)], { encoding: "utf8", maxBuffer: 1 << 28 });
      const fromDump = await analyze([{ path: "dump.sql", text: dump, bytes: Buffer.byteLength(dump), encoding: "utf-8" }]);
      const fromLive = await live(s15!, db);
      const d = diff(keys(fromDump.findings), keys(fromLive.result.findings));
      expect({ onlyInDump: d.onlyA, onlyLive: d.onlyB }).toEqual({ onlyInDump: [], onlyLive: [] });
      // The same tables end up in the model either way, and the live one carries measured stats.
      expect([...fromLive.result.model.tables.keys()].sort()).toEqual([...fromDump.model.tables.keys()].sort());
      expect([...fromLive.result.model.tables.values()].every((t) => t.stats !== undefined)).toBe(true);
    });
  }
});

describe("catalog versions: PostgreSQL 18 gives the same findings as PostgreSQL 15", () => {
  for (const [i, f] of FILES.entries()) {
    if (f.startsWith("rnacentral")) continue;
    it(f, async () => {
      const [a, b] = await Promise.all([live(s15!, `c${i}`), live(s18, `c${i}`)]);
      const d = diff(keys(a.result.findings), keys(b.result.findings));
      expect({ only15: d.onlyA, only18: d.onlyB }).toEqual({ only15: [], only18: [] });
    });
  }
});
