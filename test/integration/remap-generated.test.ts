/**
 * A generated schema with the shapes that make key remapping hard — a self-reference, composite primary
 * keys made of remapped columns, a composite foreign key whose column follows another table's key, a
 * nullable reference — migrated with --key-strategy uuid: loaded with the plan's own \copy commands from a
 * real source database, remapped in small batches (two of them failing once with 40001), verified on both
 * sides.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPg18, type TestServer } from "../source/servers";
import type { MigrationPlan } from "../../lib/plan/plan";
import type { RewriteResult } from "../../lib/rewrite/types";
import { adaptForPostgres, countsAndSums, psql, psqlFile, query, rewriteTo, summedColumns, updateCounts } from "./remap-harness";

const SCHEMA = `
CREATE TABLE tenant (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE employee (id serial PRIMARY KEY, tenant_id integer NOT NULL, manager_id integer, name text NOT NULL, salary numeric(10,2), hired timestamptz NOT NULL DEFAULT now());
CREATE TABLE project (id bigserial PRIMARY KEY, tenant_id integer NOT NULL, title text NOT NULL, budget bigint);
CREATE TABLE assignment (employee_id integer NOT NULL, project_id bigint NOT NULL, hours integer NOT NULL, PRIMARY KEY (employee_id, project_id));
CREATE TABLE task (project_id bigint NOT NULL, seq integer NOT NULL, done boolean NOT NULL DEFAULT false, PRIMARY KEY (project_id, seq));
CREATE TABLE task_note (id serial PRIMARY KEY, project_id bigint NOT NULL, seq integer NOT NULL, body text);
ALTER TABLE employee ADD CONSTRAINT employee_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id);
ALTER TABLE employee ADD CONSTRAINT employee_manager_fk FOREIGN KEY (manager_id) REFERENCES employee (id);
ALTER TABLE project ADD CONSTRAINT project_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id);
ALTER TABLE assignment ADD CONSTRAINT assignment_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id) ON DELETE CASCADE;
ALTER TABLE assignment ADD CONSTRAINT assignment_project_fk FOREIGN KEY (project_id) REFERENCES project (id);
ALTER TABLE task ADD CONSTRAINT task_project_fk FOREIGN KEY (project_id) REFERENCES project (id);
ALTER TABLE task_note ADD CONSTRAINT task_note_task_fk FOREIGN KEY (project_id, seq) REFERENCES task (project_id, seq);
CREATE INDEX assignment_project_idx ON assignment (project_id);
`;

const DATA = `
INSERT INTO tenant (name) SELECT 'tenant ' || i FROM generate_series(1, 5) i;
INSERT INTO employee (tenant_id, manager_id, name, salary, hired)
  SELECT 1 + i % 5, CASE WHEN i > 5 THEN 1 + (i - 1) / 7 END, 'employee ' || i, (i * 37 % 9000) + 0.25, timestamptz '2020-01-01 00:00+00' + i * interval '1 hour'
  FROM generate_series(1, 4000) i;
INSERT INTO project (tenant_id, title, budget) SELECT 1 + i % 5, 'project ' || i, CASE WHEN i % 4 <> 0 THEN i * 1000 END FROM generate_series(1, 1500) i;
INSERT INTO assignment SELECT e, 1 + (e * 7 + k * 13) % 1500, 1 + (e + k) % 40 FROM generate_series(1, 4000) e, generate_series(0, 1) k;
INSERT INTO task SELECT p, s, (p + s) % 3 = 0 FROM generate_series(1, 1500) p, generate_series(1, 3) s;
INSERT INTO task_note (project_id, seq, body) SELECT 1 + i % 1500, 1 + i % 3, CASE WHEN i % 5 <> 0 THEN 'note ' || i END FROM generate_series(1, 3000) i;
`;

const FAULT = `
CREATE SEQUENCE remap_fault_attempts;
CREATE FUNCTION remap_fault() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF nextval('remap_fault_attempts') <= 2 THEN
    RAISE EXCEPTION 'injected write conflict' USING ERRCODE = 'serialization_failure';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER remap_fault BEFORE UPDATE ON assignment FOR EACH ROW EXECUTE FUNCTION remap_fault();
`;

const BATCH = 700;
let faults = "";
let server: TestServer;
let dir: string;
let pgDir: string;
let rw: RewriteResult;
let plan: MigrationPlan;
let source: string;
let target: string;
let firstRemap: string;

beforeAll(async () => {
  server = await startPg18();
  dir = mkdtempSync(join(tmpdir(), "remap-generated-"));
  await server.createDatabase("source");
  await server.createDatabase("target");
  source = server.urlFor("source");
  target = server.urlFor("target");
  for (const sql of [SCHEMA, DATA]) {
    const r = psql(source, ["-q", "-v", "ON_ERROR_STOP=1", "-c", sql], dir);
    expect(r.status, r.stderr).toBe(0);
  }
  ({ rw, plan } = await rewriteTo(
    dir,
    [{ path: "generated.sql", text: SCHEMA, bytes: Buffer.byteLength(SCHEMA), encoding: "utf-8" }],
    BATCH,
  ));
  pgDir = adaptForPostgres(dir);
  const schema = psqlFile(target, "schema.dsql.sql", pgDir);
  expect(schema.status, schema.stderr).toBe(0);
  // The plan's load commands, run as written (export from the source, split, \copy into the target).
  const loads = plan.phases.find((p) => p.id === "data")!.steps;
  expect(loads).toHaveLength(6);
  for (const s of loads) {
    const r = spawnSync("bash", ["-euo", "pipefail", "-c", s.command!], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, PGPASSWORD: "preflight", SOURCE_URL: source, DSQL_URL: target },
    });
    expect(r.status, `${s.title}: ${r.stderr}`).toBe(0);
  }
  // Two batches fail with SQLSTATE 40001, as a write conflict would on DSQL (a sequence counts the
  // attempts because it survives the rollback): the next pass must retry exactly those rows.
  const fault = psql(target, ["-q", "-v", "ON_ERROR_STOP=1", "-c", FAULT], dir);
  expect(fault.status, fault.stderr).toBe(0);
  const r = psqlFile(target, "remap/all.sql", pgDir);
  expect(r.status, r.stderr).toBe(0);
  faults = r.stderr;
  firstRemap = r.stdout;
}, 300_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("generated schema: self-reference, composite keys, composite foreign key", () => {
  it("plans the remap for every column that follows a uuid key", () => {
    const jobs = plan.remap!.jobs.map((j) => `${j.child}.${j.column} ← ${j.parent}.${j.parentKey}`).sort();
    expect(jobs).toEqual([
      "public.assignment.employee_id ← public.employee.id",
      "public.assignment.project_id ← public.project.id",
      "public.employee.manager_id ← public.employee.id",
      "public.employee.tenant_id ← public.tenant.id",
      "public.project.tenant_id ← public.tenant.id",
      // task_note.project_id references task.project_id, which itself follows project.id.
      "public.task.project_id ← public.project.id",
      "public.task_note.project_id ← public.project.id",
    ]);
    expect(plan.remap!.foreignKeys.map((f) => f.name).sort()).toEqual([
      "assignment_employee_fk",
      "assignment_project_fk",
      "employee_manager_fk",
      "employee_tenant_fk",
      "project_tenant_fk",
      "task_note_task_fk",
      "task_project_fk",
    ]);
  });

  it("keeps every table's row count and column sums", async () => {
    const tables = summedColumns(rw, plan);
    const a = await countsAndSums(source, tables, "source");
    expect(a["public.assignment"]["#rows"]).toBe("8000");
    expect(await countsAndSums(target, tables, "target")).toEqual(a);
  });

  it("prints identical verification figures on both sides, with 0 orphans", () => {
    const s = psql(source, ["-Atq", "-f", "remap/40_verify_source.sql"], dir);
    const d = psql(target, ["-Atq", "-f", "remap/41_verify_dsql.sql"], pgDir);
    expect(s.stderr + d.stderr).toBe("");
    expect(d.stdout).toBe(s.stdout);
    const orphans = d.stdout.split("\n").filter((l) => l.includes("|orphans|"));
    expect(orphans).toHaveLength(7);
    for (const l of orphans) expect(l).toMatch(/\|0$/);
  });

  it("resolves every foreign key, composite and self-referencing ones included", async () => {
    const fks = await query<{ conname: string; convalidated: boolean }>(
      target,
      "SELECT conname, convalidated FROM pg_constraint WHERE contype = 'f' ORDER BY conname",
    );
    expect(fks.map((f) => f.conname)).toEqual([
      "assignment_employee_fk",
      "assignment_project_fk",
      "employee_manager_fk",
      "employee_tenant_fk",
      "project_tenant_fk",
      "task_note_task_fk",
      "task_project_fk",
    ]);
    expect(fks.every((f) => f.convalidated)).toBe(true);
    const [mgr] = await query<{ n: string }>(
      target,
      "SELECT count(*) AS n FROM employee c LEFT JOIN employee p ON p.id = c.manager_id WHERE c.old_manager_id IS DISTINCT FROM p.old_id",
    );
    expect(mgr.n).toBe("0");
    const [roots] = await query<{ n: string }>(target, "SELECT count(*) AS n FROM employee WHERE manager_id IS NULL");
    expect(roots.n).toBe("5");
    const [notes] = await query<{ n: string }>(
      target,
      "SELECT count(*) AS n FROM task_note n JOIN task t ON (t.project_id, t.seq) = (n.project_id, n.seq) JOIN project p ON p.id = t.project_id WHERE p.old_id = n.old_project_id",
    );
    expect(notes.n).toBe("3000");
  });

  it("gives every row a unique uuid key", async () => {
    for (const t of ["tenant", "employee", "project", "task_note"]) {
      const [r] = await query<{ rows: string; keys: string }>(target, `SELECT count(*) AS rows, count(DISTINCT id) AS keys FROM ${t}`);
      expect(r.keys).toBe(r.rows);
    }
  });

  it("retries batches that failed with 40001 in the next pass", () => {
    expect(faults.match(/ERROR: {2}injected write conflict/g)).toHaveLength(2);
    expect(
      faults
        .replace(/.*injected write conflict.*\n?/g, "")
        .replace(/^CONTEXT: .*\n?/gm, "")
        .trim(),
    ).toBe("");
    // The two failed batches were the first two of assignment.employee_id: pass 2 re-runs just those.
    const pass2 = firstRemap.slice(
      firstRemap.indexOf("public.assignment.employee_id: pass 2"),
      firstRemap.indexOf("public.assignment.employee_id: pass 3"),
    );
    expect(updateCounts(pass2)).toEqual([BATCH, BATCH]);
  });

  it(`remaps in batches of at most ${BATCH} rows, and a second run is a no-op`, async () => {
    const first = updateCounts(firstRemap);
    expect(Math.max(...first)).toBe(BATCH);
    // employee.manager_id: 3,995 non-null references, so 6 batches in the first pass.
    expect(first.reduce((a, b) => a + b, 0)).toBe(3995 + 4000 + 1500 + 8000 * 2 + 4500 + 3000);
    const state =
      "SELECT md5(string_agg(concat_ws('|', employee_id, project_id), ',' ORDER BY old_employee_id, old_project_id)) AS h FROM assignment";
    const before = await query(target, state);
    const again = psqlFile(target, "remap/all.sql", pgDir);
    expect(again.status, again.stderr).toBe(0);
    expect(updateCounts(again.stdout)).toEqual([]);
    expect(await query(target, state)).toEqual(before);
  });
});
