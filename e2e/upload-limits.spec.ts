/**
 * The documented upload limit (UPLOAD_MAX_BYTES, 50 MB by default) holds end to end through the
 * built app: uploads, pasted SQL and zips up to it are accepted; anything larger gets 413 naming it.
 */
import { request as httpRequest } from "node:http";
import { zipSync } from "fflate";
import { expect, test } from "./helpers";

const limit = Number(process.env.UPLOAD_MAX_BYTES ?? 50 * 1024 * 1024);
const MB = 1024 * 1024;

/** SQL of about `bytes` bytes: one table and comment filler (cheap for the worker to analyse). */
function sqlOf(bytes: number): Buffer {
  const head = "CREATE TABLE big_upload (id bigint PRIMARY KEY, v text);\n";
  const line = "-- filler line of a very large schema file, as long dumps have\n";
  return Buffer.from(head + line.repeat(Math.floor((bytes - head.length) / line.length)));
}

test.describe("upload limit", () => {
  test.setTimeout(180_000);

  test("a file of most of the limit uploads (multipart)", async ({ request }) => {
    const body = sqlOf(limit - 2 * MB);
    const res = await request.post("/api/assessments", {
      multipart: { files: { name: "near-limit.sql", mimeType: "application/sql", buffer: body }, name: "near the upload limit" },
    });
    expect(res.status(), await res.text()).toBe(202);
  });

  test("pasted SQL of most of the limit is accepted", async ({ request }) => {
    const res = await request.post("/api/assessments", { data: { sql: sqlOf(limit - 2 * MB).toString(), name: "near the limit, pasted" } });
    expect(res.status(), await res.text()).toBe(202);
  });

  test("a zip expanding to most of the limit is accepted; one expanding past it is 413", async ({ request }) => {
    const ok = zipSync({ "dump/schema.sql": sqlOf(limit - 2 * MB) });
    const res = await request.post("/api/assessments", {
      multipart: { files: { name: "near-limit.zip", mimeType: "application/zip", buffer: Buffer.from(ok) } },
    });
    expect(res.status(), await res.text()).toBe(202);
    const bomb = zipSync({ "dump/schema.sql": sqlOf(limit + 2 * MB) });
    const over = await request.post("/api/assessments", {
      multipart: { files: { name: "too-big.zip", mimeType: "application/zip", buffer: Buffer.from(bomb) } },
    });
    expect(over.status()).toBe(413);
    expect(((await over.json()) as { error: { message: string } }).error.message).toMatch(
      /too-big\.zip\/dump\/schema\.sql: archive expands past the \d+(\.\d)? MB limit/,
    );
  });

  test("a body over the limit gets 413 naming the limit", async ({ request }) => {
    const res = await request.post("/api/assessments", {
      multipart: { files: { name: "too-big.sql", mimeType: "application/sql", buffer: sqlOf(limit + 2 * MB) } },
    });
    expect(res.status()).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/over the \d+(\.\d)? MB limit/);
  });

  test("a chunked body (no Content-Length) over the limit gets the same 413", async ({ request, baseURL }) => {
    const cookie = (await request.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const boundary = "preflight-chunked-upload";
    const url = new URL("/api/assessments", baseURL);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(url, {
        method: "POST",
        headers: {
          cookie,
          origin: url.origin,
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "transfer-encoding": "chunked",
        },
      });
      req.on("response", (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      // The server may answer and close before the whole body is sent: that is the point.
      req.on("error", (e) => (e.message.includes("EPIPE") || e.message.includes("ECONNRESET") ? undefined : reject(e)));
      req.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="chunked.sql"\r\nContent-Type: application/sql\r\n\r\n`,
      );
      const chunk = sqlOf(MB);
      let sent = 0;
      const pump = () => {
        while (sent < limit + 4 * MB) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end(`\r\n--${boundary}--\r\n`);
      };
      pump();
    });
    expect(answer.status, answer.body).toBe(413);
    expect((JSON.parse(answer.body) as { error: { message: string } }).error.message).toMatch(/over the \d+(\.\d)? MB limit/);
  });
});
