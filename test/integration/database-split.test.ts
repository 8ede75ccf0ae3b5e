/**
 * A cluster dump in the dashboard, through the real store and queue: the upload's rewrite is refused
 * (two databases never merge into one DSQL script), one assessment per database is made from the stored
 * inputs, each narrowed to its database and rewritten, a re-run keeps the database, and a database the
 * dump does not hold fails the job with the names it does hold.
 */
import { expect, test } from "vitest";
import { createUser } from "@/lib/auth/accounts";
import { assessEachDatabase, createFromInputs, rerunAssessment, SplitError } from "@/lib/jobs/submit";
import { databaseAssessments, getAssessment, getReport } from "@/lib/store/assessments";
import { rewritesOf } from "@/lib/report/sections";
import { settled, storeWithWorker } from "@/test/store-harness";

const store = storeWithWorker("split");

// The shape pg_dumpall writes: globals first, then each database after its \connect (template1 holds nothing).
const CLUSTER = `--
-- PostgreSQL database cluster dump
--
SET default_transaction_read_only = off;
CREATE ROLE app_owner;
ALTER ROLE app_owner WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB LOGIN;

\\connect template1

SET statement_timeout = 0;

\\connect postgres

SET statement_timeout = 0;
CREATE DATABASE shop WITH TEMPLATE = template0 ENCODING = 'UTF8';
ALTER DATABASE shop OWNER TO app_owner;

\\connect shop

SET statement_timeout = 0;
CREATE TABLE public.orders (id serial PRIMARY KEY, placed_at timestamptz NOT NULL);
CREATE INDEX orders_placed_at ON public.orders (placed_at);

\\connect -reuse-previous=on "dbname='billing'"

SET statement_timeout = 0;
CREATE TYPE public.state AS ENUM ('open', 'paid');
CREATE TABLE public.invoices (id bigint PRIMARY KEY, state public.state);
`;

const bytes = new TextEncoder().encode(CLUSTER);
const options = { targetDate: "2026-11-24", keyStrategy: "keep" as const };

test("a cluster dump becomes one assessment per database, each rewritten from the stored inputs", async () => {
  const user = await createUser({ email: "splitter@example.com", role: "member", password: "member-password-1" });
  const { id } = await createFromInputs("upload", [{ name: "cluster.sql", bytes }], { ...options, name: "cluster" });
  expect((await settled(store.url, id)).status).toBe("done");
  const whole = (await getReport(id))!;
  expect(whole.files[0].databases?.map((d) => d.name)).toEqual(["shop", "billing"]);
  expect(rewritesOf(whole)).toBeUndefined();
  expect(whole.rewriteError).toContain("cluster.sql holds 2 databases (shop from line 18, billing from line 24)");

  const split = await assessEachDatabase(id, ["shop", "billing"], user.id);
  expect(split.created).toBe(true);
  expect(split.assessments.map((a) => a.database)).toEqual(["shop", "billing"]);
  // Asking again returns the same assessments.
  expect(await assessEachDatabase(id, ["shop", "billing"], user.id)).toEqual({ created: false, assessments: split.assessments });
  expect(await databaseAssessments(id)).toEqual(split.assessments);

  const [shop, billing] = split.assessments;
  for (const a of split.assessments) expect((await settled(store.url, a.id)).status).toBe("done");
  const shopRow = (await getAssessment(shop.id))!;
  expect(shopRow.name).toBe("cluster · shop");
  expect(shopRow.sourceLabel).toBe("cluster.sql (database shop)");

  const names = async (assessment: string) =>
    rewritesOf((await getReport(assessment))!)!
      .objects.filter((o) => o.kind === "table" || o.kind === "type")
      .map((o) => o.label);
  const shopReport = (await getReport(shop.id))!;
  expect(shopReport.inventory.tables).toBe(1);
  expect(shopReport.findings.some((f) => f.ruleId === "serial-type")).toBe(true);
  expect(shopReport.findings.some((f) => f.ruleId === "enum-type")).toBe(false);
  expect(await names(shop.id)).toEqual(["public.orders"]);
  const billingReport = (await getReport(billing.id))!;
  expect(billingReport.findings.some((f) => f.ruleId === "enum-type")).toBe(true);
  expect(billingReport.findings.some((f) => f.ruleId === "serial-type")).toBe(false);
  expect(await names(billing.id)).toEqual(expect.arrayContaining(["public.invoices"]));
  expect(await names(billing.id)).not.toContain("public.orders");

  // One database is not split again; a re-run of it stays on its database.
  await expect(assessEachDatabase(shop.id, ["shop", "billing"], user.id)).rejects.toThrow(
    new SplitError("This assessment is already about one database (shop)"),
  );
  const next = (await rerunAssessment(shop.id, { createdById: user.id }))!;
  expect((await settled(store.url, next.id)).status).toBe("done");
  expect((await getReport(next.id))!.findings.map((f) => f.fingerprint)).toEqual(shopReport.findings.map((f) => f.fingerprint));
});

test("an upload narrowed to a database the dump does not hold fails with the databases it holds", async () => {
  const { id } = await createFromInputs("upload", [{ name: "cluster.sql", bytes }], { ...options, name: "crm", database: "crm" });
  const a = await settled(store.url, id);
  expect(a.status).toBe("failed");
  expect(a.error).toBe("cluster.sql: no database crm to assess: the inputs hold shop, billing");
});
