/**
 * Dumps from PostgreSQL 17 and 18, which DSQL (PostgreSQL 16 compatible) cannot run as written: pg_dump 17
 * and later begin with `SET transaction_timeout = 0` and psql's `\restrict`, and PostgreSQL 18 schemas carry
 * NOT ENFORCED constraints, table-level NOT NULL constraints, virtual generated columns and uuidv7().
 * Only PostgreSQL 15 installs on the test machines, so the dump is written here in pg_dump 18's format.
 * The original fails on the PostgreSQL 15 server the suite starts; the rewrite's script runs there
 * statement by statement without an error, and re-analyses with nothing left for the rewrite to fix.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { analyze } from "../lib/analyze";
import type { InputFile } from "../lib/ingest/input";
import { rewrite } from "../lib/rewrite/engine";
import { renderPsqlScript } from "../lib/rewrite/render";
import { validateOnPostgres } from "../lib/rewrite/validate";
import { pg15Available, startPg15, type TestServer } from "./source/servers";

if (!pg15Available())
  throw new Error(
    "PostgreSQL 15 server binaries are missing at /usr/lib/postgresql/15/bin (or no postgres OS user): run scripts/setup-test-deps.sh",
  );

const DUMP_18 = `--
-- PostgreSQL database dump
--

\\restrict Qx4vTq0bYc2kPz8WfR1nLd6mHs3Aj9Ue5Gt7Ko0Ci2Bw4Xy6Nr8Vp1Lm3Df5Sh

-- Dumped from database version 18.1
-- Dumped by pg_dump version 18.1

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: account; Type: TABLE; Schema: public; Owner: app
--

CREATE TABLE public.account (
    id uuid DEFAULT uuidv7() NOT NULL,
    email text CONSTRAINT account_email_required NOT NULL,
    balance numeric(12,2) DEFAULT 0 NOT NULL,
    email_key text GENERATED ALWAYS AS (lower(email)),
    CONSTRAINT account_balance_check CHECK ((balance >= (0)::numeric)) NOT ENFORCED
);


ALTER TABLE public.account OWNER TO app;

--
-- Name: payment; Type: TABLE; Schema: public; Owner: app
--

CREATE TABLE public.payment (
    id uuid DEFAULT uuidv4() NOT NULL,
    account_id uuid NOT NULL,
    amount numeric(12,2) NOT NULL,
    note text,
    CONSTRAINT payment_note_required NOT NULL note
);


ALTER TABLE public.payment OWNER TO app;

--
-- Name: account account_pkey; Type: CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.account
    ADD CONSTRAINT account_pkey PRIMARY KEY (id);


--
-- Name: payment payment_pkey; Type: CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_pkey PRIMARY KEY (id);


--
-- Name: payment payment_amount_not_null; Type: CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE public.payment
    ADD CONSTRAINT payment_amount_not_null NOT NULL amount;


--
-- Name: payment_account_id_idx; Type: INDEX; Schema: public; Owner: app
--

CREATE INDEX payment_account_id_idx ON public.payment USING btree (account_id);


--
-- Name: payment payment_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app
--

ALTER TABLE ONLY public.payment
    ADD CONSTRAINT payment_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id) NOT ENFORCED;


--
-- PostgreSQL database dump complete
--

\\unrestrict Qx4vTq0bYc2kPz8WfR1nLd6mHs3Aj9Ue5Gt7Ko0Ci2Bw4Xy6Nr8Vp1Lm3Df5Sh

`;

const input = (path: string, text: string): InputFile[] => [{ path, text, bytes: Buffer.byteLength(text), encoding: "utf-8" }];

let pg15: TestServer;
beforeAll(async () => {
  pg15 = await startPg15();
  await pg15.createDatabase("original");
  await pg15.createDatabase("rewritten");
  const c = await pg15.admin();
  await c.query("CREATE ROLE app");
  await c.end();
}, 120_000);
afterAll(async () => pg15?.stop());

it("the pg_dump 18 form: every PostgreSQL 17/18 feature is found, and each is the rewrite's to fix", async () => {
  const found = (await analyze(input("app-18.sql", DUMP_18))).findings.filter((f) => f.ruleId === "newer-postgres-feature");
  expect(found.map((f) => [f.line, f.fix, f.message.split(" is PostgreSQL")[0]])).toEqual([
    [13, "auto", "setting transaction_timeout"],
    [31, "auto", "uuidv7()"],
    [35, "auto", "CHECK … NOT ENFORCED"],
    [46, "auto", "uuidv4()"],
    [50, "auto", "a table-level NOT NULL constraint (CONSTRAINT payment_note_required NOT NULL note)"],
    [77, "auto", "a table-level NOT NULL constraint (CONSTRAINT payment_amount_not_null NOT NULL amount)"],
    [92, "auto", "FOREIGN KEY … NOT ENFORCED"],
  ]);
});

it("fails on PostgreSQL 15 as written; its rewrite runs there and re-analyses with nothing left to fix", async () => {
  // psql before 17.6 stops at \restrict itself; without it the server refuses PostgreSQL 17's setting.
  const dir = mkdtempSync(join(tmpdir(), "dsqlpf-pg18-"));
  const original = join(dir, "original.sql");
  writeFileSync(original, DUMP_18.replace(/^\\(un)?restrict .*$/gm, ""));
  const load = spawnSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", pg15.urlFor("original"), "-f", original], {
    encoding: "utf8",
  });
  expect(load.status).toBe(3);
  expect(load.stderr).toContain('unrecognized configuration parameter "transaction_timeout"');

  const rw = await rewrite(input("app-18.sql", DUMP_18));
  const script = renderPsqlScript(rw);
  const statements = script
    .split("\n")
    .filter((l) => !l.startsWith("--"))
    .join("\n");
  expect(statements).not.toMatch(/transaction_timeout|NOT ENFORCED|uuidv[47]|ADD CONSTRAINT \S+ NOT NULL/);
  expect(script).toContain("note text NOT NULL");
  expect(script).toContain("email_key text GENERATED ALWAYS AS (lower(email)) STORED");
  expect(script).toContain("id uuid DEFAULT gen_random_uuid() NOT NULL");
  // The never-checked constraints are kept in the notes, not lost.
  expect(script).toContain(
    "dropped, as it was never checked (NOT ENFORCED is PostgreSQL 18): CONSTRAINT account_balance_check CHECK ((balance >= (0)::numeric)) NOT ENFORCED",
  );
  expect(rw.dropped.map((d) => d.reason)).toEqual(
    expect.arrayContaining([
      "NOT NULL amount: already declared in CREATE TABLE",
      "dropped, as it was never checked (NOT ENFORCED is PostgreSQL 18): CONSTRAINT payment_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id) NOT ENFORCED",
    ]),
  );

  const c = new pg.Client({ connectionString: pg15.urlFor("rewritten") });
  await c.connect();
  try {
    const v = await validateOnPostgres(c, rw, 15);
    expect(v.errors).toEqual([]);
    expect(v.ok).toBe(v.statements);
    const { rows } = await c.query(
      "select table_name, column_name, is_nullable, column_default from information_schema.columns where table_schema = 'public' order by 1, ordinal_position",
    );
    expect(rows.filter((r) => r.is_nullable === "NO").map((r) => `${r.table_name}.${r.column_name}`)).toEqual([
      "account.id",
      "account.email",
      "account.balance",
      "payment.id",
      "payment.account_id",
      "payment.amount",
      "payment.note",
    ]);
  } finally {
    await c.end();
  }

  const again = await analyze(input("schema.dsql.sql", script));
  expect(again.findings.filter((f) => f.ruleId === "newer-postgres-feature")).toEqual([]);
  expect(again.findings.filter((f) => f.fix === "auto" && f.severity !== "advice").map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
}, 60_000);
