/** The JSON API refuses malformed requests with a 4xx and a message, never a 500. */
import { gzipSync } from "node:zlib";
import { expect, test } from "./helpers";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
const limit = Number(process.env.UPLOAD_MAX_BYTES ?? 50 * 1024 * 1024);

async function expectError(res: { status(): number; json(): Promise<unknown> }, status: number, match: RegExp) {
  expect(res.status()).toBe(status);
  const body = (await res.json()) as { error: { message: string } };
  expect(body.error.message).toMatch(match);
}

test("non-SQL file", async ({ request }) => {
  await expectError(
    await request.post("/api/assessments", { multipart: { files: { name: "logo.png", mimeType: "image/png", buffer: PNG } } }),
    415,
    /not a \.sql, \.sql\.gz or \.zip file/,
  );
  // A pg_dump custom-format archive: refused with the pg_restore command that writes it out as SQL.
  const archive = Buffer.concat([Buffer.from("PGDMP"), Buffer.from("010e0004080101010000", "hex"), Buffer.alloc(64)]);
  await expectError(
    await request.post("/api/assessments", {
      multipart: { files: { name: "prod.dump", mimeType: "application/octet-stream", buffer: archive } },
    }),
    400,
    /^prod\.dump: a pg_dump custom-format \(pg_dump -Fc\) archive, not SQL text: write it out as SQL with `pg_restore --schema-only -f schema\.sql prod\.dump`/,
  );
  // Another database's dump: refused by its dump tool's header, saying which and what to do.
  await expectError(
    await request.post("/api/assessments", {
      multipart: {
        files: {
          name: "shop.sql",
          mimeType: "application/sql",
          buffer: Buffer.from(
            "-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\nCREATE TABLE `users` (`id` int NOT NULL AUTO_INCREMENT);\n",
          ),
        },
      },
    }),
    400,
    /^shop\.sql: a MySQL dump \(mysqldump's header `-- MySQL dump 10\.13`\), not PostgreSQL: .*convert it to PostgreSQL first/,
  );
  // Binary content under a .sql name is refused by content, with the file named.
  await expectError(
    await request.post("/api/assessments", { multipart: { files: { name: "schema.sql", mimeType: "application/sql", buffer: PNG } } }),
    400,
    /schema\.sql.*binary/,
  );
  // A corrupt zip.
  const zip = Buffer.concat([Buffer.from("504b0304", "hex"), Buffer.alloc(64, 7)]);
  await expectError(
    await request.post("/api/assessments", { multipart: { files: { name: "dump.zip", mimeType: "application/zip", buffer: zip } } }),
    400,
    /zip/,
  );
});

test("a gzipped dump is assessed as the SQL it holds", async ({ request }) => {
  const sql = "CREATE TABLE t (id serial PRIMARY KEY);\nCREATE INDEX t_id ON t (id);\n";
  const r = await request.post("/api/assessments", {
    multipart: { files: { name: "nightly.sql.gz", mimeType: "application/gzip", buffer: gzipSync(sql) } },
  });
  expect(r.status()).toBe(202);
  const { id } = await r.json();
  let a = { status: "queued" };
  for (let i = 0; i < 150 && a.status !== "done" && a.status !== "failed"; i++) {
    await new Promise((res) => setTimeout(res, 200));
    a = await (await request.get(`/api/assessments/${id}`)).json();
  }
  expect(a.status).toBe("done");
  const report = await (await request.get(`/api/assessments/${id}/export?format=json`)).json();
  expect(report.files.map((f: { file: string; statements: number }) => [f.file, f.statements])).toEqual([["nightly.sql", 2]]);
  expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(expect.arrayContaining(["serial-type", "index-not-async"]));
});

test("empty upload", async ({ request }) => {
  await expectError(await request.post("/api/assessments", { multipart: { name: "nothing" } }), 400, /Nothing to assess/);
  await expectError(
    await request.post("/api/assessments", {
      multipart: { files: { name: "empty.sql", mimeType: "application/sql", buffer: Buffer.alloc(0) } },
    }),
    400,
    /empty/,
  );
  await expectError(
    await request.post("/api/assessments", {
      multipart: { files: { name: "blank.sql", mimeType: "application/sql", buffer: Buffer.from("  \n\n ") } },
    }),
    400,
    /whitespace/,
  );
  await expectError(await request.post("/api/assessments", { data: { sql: "   " } }), 400, /sql is empty/);
});

test("oversize upload", async ({ request }) => {
  const big = Buffer.alloc(limit + 1024, "-- filler line of a very large schema file\n");
  await expectError(
    await request.post("/api/assessments", { multipart: { files: { name: "big.sql", mimeType: "application/sql", buffer: big } } }),
    413,
    /limit/,
  );
  await expectError(await request.post("/api/assessments", { data: { sql: big.toString() } }), 413, /limit/);
});

test("invalid options", async ({ request }) => {
  const sql = { name: "ok.sql", mimeType: "application/sql", buffer: Buffer.from("CREATE TABLE t (id int primary key);") };
  await expectError(
    await request.post("/api/assessments", { multipart: { files: sql, targetDate: "2026-13-45" } }),
    400,
    /targetDate: must be a date/,
  );
  await expectError(
    await request.post("/api/assessments", { multipart: { files: sql, targetDate: "2020-01-01" } }),
    400,
    /targetDate: must be on or after/,
  );
  await expectError(await request.post("/api/assessments", { multipart: { files: sql, keyStrategy: "bogus" } }), 400, /keyStrategy/);
  await expectError(await request.post("/api/assessments", { multipart: { files: sql, name: "x".repeat(201) } }), 400, /name/);
  await expectError(
    await request.post("/api/assessments", { data: { sql: "select 1", unexpected: true } }),
    400,
    /unexpected|Unrecognized/i,
  );
  await expectError(
    await request.post("/api/assessments", { data: { connection: { host: "", database: "d", user: "u" } } }),
    400,
    /connection\.host/,
  );
  await expectError(
    await request.post("/api/assessments", { data: { connection: { host: "h", port: 70000, database: "d", user: "u" } } }),
    400,
    /connection\.port/,
  );
});

test("malformed requests", async ({ request }) => {
  await expectError(
    await request.post("/api/assessments", { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") }),
    400,
    /not valid JSON/,
  );
  await expectError(
    await request.post("/api/assessments", { headers: { "content-type": "text/plain" }, data: Buffer.from("CREATE TABLE t ()") }),
    415,
    /multipart\/form-data/,
  );
  await expectError(
    await request.post("/api/assessments", {
      headers: { "content-type": "multipart/form-data; boundary=x" },
      data: Buffer.from("garbage"),
    }),
    400,
    /multipart/,
  );
  await expectError(await request.get("/api/assessments/not-an-id"), 404, /No such assessment/);
  await expectError(await request.get("/api/assessments/00000000-0000-4000-8000-000000000000/report"), 404, /No such assessment/);
  await expectError(await request.get("/api/assessments?limit=0"), 400, /limit/);
  await expectError(await request.get("/api/assessments?sort=bogus"), 400, /sort/);
  await expectError(await request.post("/api/connections/test", { data: { host: "h" } }), 400, /database/);
});

test("finding filters and review state are validated", async ({ request }) => {
  const created = await request.post("/api/assessments", {
    data: { sql: "CREATE TABLE t (id serial PRIMARY KEY);\nCREATE INDEX ON t (id);", name: "api state" },
  });
  expect(created.status()).toBe(202);
  const { id } = await created.json();
  await expect.poll(async () => (await (await request.get(`/api/assessments/${id}`)).json()).status, { timeout: 30_000 }).toBe("done");
  await expectError(await request.get(`/api/assessments/${id}/findings?severity=critical`), 400, /severity/);
  await expectError(await request.get(`/api/assessments/${id}/findings?group=planet`), 400, /group/);
  await expectError(await request.patch(`/api/assessments/${id}/findings/0`, { data: { version: 0, status: "wontfix" } }), 400, /reason/);
  await expectError(await request.patch(`/api/assessments/${id}/findings/0`, { data: { version: 0, status: "waived" } }), 400, /reason/);
  await expectError(
    await request.patch(`/api/assessments/${id}/findings/0`, { data: { version: 0, status: "finished" } }),
    400,
    /status must be one of/,
  );
  await expectError(await request.patch(`/api/assessments/${id}/findings/0`, { data: { status: "done" } }), 400, /version/);
  await expectError(
    await request.patch(`/api/assessments/${id}/findings/99999`, { data: { version: 0, status: "done" } }),
    404,
    /No such finding/,
  );
  await expectError(
    await request.patch(`/api/assessments/${id}/findings/abc`, { data: { version: 0, status: "done" } }),
    404,
    /No such finding/,
  );
  // The older vocabulary still works: waived is won't fix.
  const ok = await request.patch(`/api/assessments/${id}/findings/0`, {
    data: { version: 0, status: "waived", note: "covered by the app" },
  });
  expect(ok.status()).toBe(200);
  const report = await (await request.get(`/api/assessments/${id}/report`)).json();
  expect(report.findings[0].state).toMatchObject({ status: "wontfix", note: "covered by the app", version: 1 });
  await expectError(await request.get(`/api/assessments/${id}/findings?status=maybe`), 400, /status/);
  const waived = await (await request.get(`/api/assessments/${id}/findings?status=waived`)).json();
  expect(waived.total).toBe(1);
  const list = await (await request.get("/api/assessments?q=api%20state")).json();
  expect(list.items.map((a: { id: string }) => a.id)).toContain(id);
});
