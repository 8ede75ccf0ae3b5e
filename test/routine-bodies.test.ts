/**
 * The SQL inside routine bodies goes through the statement rules at its own line and column, once DSQL
 * runs PL/pgSQL: PL/pgSQL statements (plain, PERFORM, SELECT … INTO, RETURN QUERY, FOR … IN, EXECUTE of
 * constants and static format()), expressions, SQL string bodies and BEGIN ATOMIC; plus the body's shape
 * (dynamic SQL, EXCEPTION blocks, trigger functions, writes in loops, one transaction per call).
 */
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../lib/analyze";
import { routineSource } from "../lib/ingest/routine-body";
import { readInputs } from "../lib/ingest/sources";
import type { Finding } from "../lib/rules/core/rule";

async function found(sql: string, targetDate?: string): Promise<string[]> {
  const r = await analyze([{ path: "t.sql", text: sql, bytes: Buffer.byteLength(sql), encoding: "utf-8" }], { targetDate });
  return r.findings.map((f: Finding) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`);
}
const TABLE = "CREATE TABLE t (id int PRIMARY KEY);\n";

describe("PL/pgSQL bodies", () => {
  it("plain statements, PERFORM, SELECT … INTO, RETURN QUERY and FOR … IN query, at their own line and column", async () => {
    const sql = `${TABLE}CREATE FUNCTION f() RETURNS SETOF int LANGUAGE plpgsql AS $$
DECLARE n int; r record;
BEGIN
  TRUNCATE t;
  PERFORM pg_advisory_lock(1);
  SELECT count(*) INTO n FROM t FOR SHARE;
  LOCK TABLE t;
  FOR r IN SELECT id FROM t FOR NO KEY UPDATE LOOP
    NULL;
  END LOOP;
  RETURN QUERY SELECT id FROM pg_stat_activity;
END $$;`;
    expect(await found(sql)).toEqual([
      "5:12 truncate when function public.f runs: TRUNCATE t is not supported; delete in batches of ≤ 3,000 rows",
      "6:11 advisory-lock when function public.f runs: pg_advisory_lock() is not supported (no advisory locks)",
      "7:3 for-share when function public.f runs: FOR SHARE is not supported; use FOR UPDATE",
      "8:3 lock-table when function public.f runs: LOCK TABLE t is not supported",
      "9:12 for-share when function public.f runs: FOR NO KEY UPDATE is not supported; use FOR UPDATE",
      "12:31 monitoring-view when function public.f runs: pg_stat_activity is not available in DSQL",
    ]);
  });

  it("calls in conditions, assignments and RAISE arguments", async () => {
    const sql = `CREATE FUNCTION g() RETURNS int LANGUAGE plpgsql AS $$
DECLARE ok boolean;
BEGIN
  ok := pg_try_advisory_lock(7);
  IF pg_notify('c', 'x') IS NULL THEN RETURN 0; END IF;
  RAISE NOTICE 'n %', pg_try_advisory_lock(8);
  RETURN 1;
END $$;`;
    expect(await found(sql)).toEqual([
      "4:9 advisory-lock when function public.g runs: pg_try_advisory_lock() is not supported (no advisory locks)",
      "5:6 listen-notify when function public.g runs: pg_notify() is not supported",
      "6:23 advisory-lock when function public.g runs: pg_try_advisory_lock() is not supported (no advisory locks)",
    ]);
  });

  it("EXECUTE of a constant or a static format() is checked; other dynamic SQL is one 'cannot verify' warning", async () => {
    const sql = `CREATE FUNCTION h(tab text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE 'LISTEN jobs';
  EXECUTE format('CREATE INDEX ON %I (id)', tab);
  EXECUTE 'DELETE FROM ' || tab;
  EXECUTE format('TRUNCATE %s', tab);
END $$;`;
    expect(await found(sql)).toEqual([
      "3:12 listen-notify when function public.h runs: LISTEN jobs is not supported",
      "4:19 index-not-async when function public.h runs: index (unnamed) must be created with CREATE INDEX ASYNC",
      "5:11 unverifiable-routine-sql cannot verify EXECUTE 'DELETE FROM ' || tab: its SQL text is built at run time",
      "6:11 unverifiable-routine-sql cannot verify EXECUTE format('TRUNCATE %s', tab): its SQL text is built at run time",
    ]);
  });

  it("a DO block is one transaction: DDL with DML, and a second DDL, fail inside it", async () => {
    const sql = `DO $$
BEGIN
  CREATE TABLE a (id int PRIMARY KEY);
  CREATE TABLE b (id int PRIMARY KEY);
  INSERT INTO a VALUES (1);
END $$;`;
    expect(await found(sql)).toEqual([
      "4:3 multiple-ddl-in-transaction when DO block at line 1 runs: the transaction begun at line 1 holds more than one DDL statement; DSQL allows one DDL statement per transaction",
      "5:3 ddl-mixed-with-dml when DO block at line 1 runs: data changes follow DDL in the transaction begun at line 1; DSQL cannot mix DDL and DML in one transaction",
    ]);
  });

  it("one call runs one arm of an IF or CASE: DDL in two arms is not two DDL, but DDL in an arm and after the IF is", async () => {
    const sql = `DO $$
BEGIN
  IF current_setting('app.v') = '1' THEN
    CREATE TABLE a (id int PRIMARY KEY);
  ELSIF current_setting('app.v') = '2' THEN
    CREATE TABLE b (id int PRIMARY KEY);
  ELSE
    CASE current_setting('app.w')
      WHEN 'x' THEN CREATE TABLE c (id int PRIMARY KEY);
      ELSE CREATE TABLE d (id int PRIMARY KEY);
    END CASE;
  END IF;
  IF current_setting('app.z') = '1' THEN
    UPDATE t SET id = 2;
  END IF;
  CREATE TABLE e (id int PRIMARY KEY);
END $$;`;
    // Only the statements after the first IF share a path with its arms' DDL: the UPDATE (any arm's
    // table before it) and table e (a second DDL on every path).
    expect(await found(`${TABLE}${sql}`)).toEqual([
      "15:5 ddl-mixed-with-dml when DO block at line 2 runs: data changes follow DDL in the transaction begun at line 2; DSQL cannot mix DDL and DML in one transaction",
      "17:3 multiple-ddl-in-transaction when DO block at line 2 runs: the transaction begun at line 2 holds more than one DDL statement; DSQL allows one DDL statement per transaction",
    ]);
  });

  it("a procedure's COMMIT starts a new transaction", async () => {
    const sql = `CREATE PROCEDURE p() LANGUAGE plpgsql AS $$
BEGIN
  CREATE TABLE a (id int PRIMARY KEY);
  COMMIT;
  CREATE TABLE b (id int PRIMARY KEY);
  CREATE SEQUENCE s CACHE 1;
END $$;`;
    // b (line 5) is the first DDL after COMMIT; the sequence (line 6) is the second.
    expect(await found(sql)).toEqual([
      "6:3 multiple-ddl-in-transaction when procedure public.p runs: the transaction begun at line 1 holds more than one DDL statement; DSQL allows one DDL statement per transaction",
    ]);
  });

  it("EXCEPTION blocks, trigger functions and writes in loops", async () => {
    const sql = `${TABLE}CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  FOR i IN 1..10 LOOP
    UPDATE t SET id = i WHERE id = -i;
  END LOOP;
  BEGIN
    INSERT INTO t VALUES (1);
  EXCEPTION WHEN unique_violation THEN
    RAISE EXCEPTION 'duplicate';
  END;
  RETURN NEW;
END $$;
CREATE TRIGGER touch_t BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();`;
    expect(await found(sql)).toEqual([
      "2:1 trigger-function trigger function public.touch can be created, but DSQL has no triggers to fire it; used by trigger t.touch_t",
      "5:5 row-by-row-write UPDATE inside a loop writes row by row in one transaction (DSQL: ≤ 3,000 rows and ≤ 10 MiB per transaction, optimistic concurrency)",
      "9:3 exception-block EXCEPTION block: PostgreSQL runs it as a subtransaction, DSQL has no SAVEPOINT and does not document its behaviour — verify on DSQL",
      "14:1 trigger trigger touch_t on public.t is not supported",
    ]);
  });

  it("SQL string bodies and BEGIN ATOMIC bodies", async () => {
    const sql = `${TABLE}CREATE FUNCTION s() RETURNS int LANGUAGE sql AS $$
  TRUNCATE t;
  SELECT 1 $$;
CREATE FUNCTION a() RETURNS int BEGIN ATOMIC
  SELECT pg_advisory_xact_lock(2);
  SELECT 1;
END;`;
    expect(await found(sql)).toEqual([
      "3:12 truncate when function public.s runs: TRUNCATE t is not supported; delete in batches of ≤ 3,000 rows",
      "6:10 advisory-lock when function public.a runs: pg_advisory_xact_lock() is not supported (no advisory locks)",
    ]);
  });

  it("before DSQL ran PL/pgSQL the routine itself is the finding and bodies are not analysed", async () => {
    const sql = `DO $$ BEGIN TRUNCATE t; EXECUTE 'x' || 1; END $$;`;
    expect(await found(sql, "2026-09-15")).toEqual([
      "1:1 do-block DO block (plpgsql) is not supported",
      "1:1 truncate the routine body runs TRUNCATE, which DSQL does not support",
    ]);
  });

  it("each embedded statement is read alone: open comments, bad SQL, non-ASCII, WITH", async () => {
    // Alone, 'SELECT 1 /*' and 'SELECT 2 */' do not parse (read together they would be one SELECT 1).
    // 'SELEC 1' does not parse either, and the statements around it are still checked.
    const sql = `${TABLE}CREATE FUNCTION h() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE 'SELECT 1 /*';
  EXECUTE 'SELECT 2 */';
  TRUNCATE t;
END $$;
CREATE FUNCTION k() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_lock(1);
  UPDATE t SET id = id WHERE 'é' = 'é';
  WITH x AS (SELECT 1) SELECT pg_advisory_lock(2) FROM x;
  LOCK TABLE t;
END $$;
CREATE FUNCTION m() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE t;
  EXECUTE 'SELEC 1';
  LOCK TABLE t;
END $$;`;
    expect(await found(sql)).toEqual([
      "4:11 unverifiable-routine-sql cannot verify EXECUTE 'SELECT 1 /*': its SQL text is built at run time",
      "5:11 unverifiable-routine-sql cannot verify EXECUTE 'SELECT 2 */': its SQL text is built at run time",
      "6:12 truncate when function public.h runs: TRUNCATE t is not supported; delete in batches of ≤ 3,000 rows",
      "10:11 advisory-lock when function public.k runs: pg_advisory_lock() is not supported (no advisory locks)",
      "12:31 advisory-lock when function public.k runs: pg_advisory_lock() is not supported (no advisory locks)",
      "13:3 lock-table when function public.k runs: LOCK TABLE t is not supported",
      "17:12 truncate when function public.m runs: TRUNCATE t is not supported; delete in batches of ≤ 3,000 rows",
      "18:11 unverifiable-routine-sql cannot verify EXECUTE 'SELEC 1': its SQL text is built at run time",
      "19:3 lock-table when function public.m runs: LOCK TABLE t is not supported",
    ]);
  });

  it("every PL/pgSQL and SQL routine in the corpus and harbor-migrations has its body analysed", async () => {
    const corpus = join(__dirname, "..", "..", "shared", "corpus");
    const inputs = [...readdirSync(corpus).filter((f) => f.endsWith(".sql")), "harbor-migrations"];
    const totals = { seen: 0, parsed: 0 };
    for (const name of inputs) {
      let routines = 0;
      const result = await analyze(readInputs([join(corpus, name)]), {
        onStatement: (s) => {
          if (s.kind === "DoStmt" || s.kind === "CreateFunctionStmt") {
            const language = routineSource(s)?.language;
            if (language === "plpgsql" || language === "sql") routines++;
          }
        },
      });
      const stats = result.routineBodies!;
      expect(stats.routines, name).toBe(routines);
      expect(stats.notParsed, name).toEqual([]);
      expect(stats.parsed, name).toBe(routines);
      totals.seen += routines;
      totals.parsed += stats.parsed;
    }
    console.log(`routine bodies parsed ${totals.parsed} of ${totals.seen} PL/pgSQL and SQL routines seen`);
    expect(totals.seen).toBeGreaterThan(300);
  });
});
