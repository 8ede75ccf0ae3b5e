/**
 * The web app's source connections: SOURCE_HOSTS allow-list, link-local and the app's own database
 * refused by default, and one answer for every endpoint that is not a PostgreSQL server.
 */
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer, type Server } from "node:net";
import { existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "../../lib/db/embedded";
import { testConnection } from "../../lib/source/connection";
import { checkSourceHost, parseSourceHosts } from "../../lib/source/host-policy";

const dir = mkdtempSync(join(tmpdir(), "preflight-hosts-"));
let server: EmbeddedServer;
let http: HttpServer;
let silent: Server;
const ports = { http: 0, silent: 0, closed: 0 };
const saved = { SOURCE_HOSTS: process.env.SOURCE_HOSTS, DATABASE_URL: process.env.DATABASE_URL };

beforeAll(async () => {
  server = await startEmbeddedPostgres({ dir, persistent: false });
  http = createHttpServer((_, res) => res.end("HTTP/1.1 hello")).listen(0, "127.0.0.1");
  silent = createServer(() => {}).listen(0, "127.0.0.1"); // accepts, never answers
  await Promise.all([http, silent].map((s) => new Promise((r) => s.once("listening", r))));
  ports.http = (http.address() as { port: number }).port;
  ports.silent = (silent.address() as { port: number }).port;
  ports.closed = await freePort();
});

afterAll(async () => {
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  http?.close();
  silent?.close();
  await server?.stop();
  if (existsSync(dir)) rmSync(existsSync(dir) ? realpathSync(dir) : dir, { recursive: true, force: true });
});

const params = (port: number, password = "wrong-password") => ({
  host: "127.0.0.1",
  port,
  database: "postgres",
  user: "postgres",
  password,
  sslmode: "disable" as const,
});

describe("connection test from the web app", () => {
  test("refused, HTTP and silent endpoints all get the same answer; a PostgreSQL server is told apart", async () => {
    delete process.env.SOURCE_HOSTS;
    delete process.env.DATABASE_URL;
    const answers = [];
    for (const port of [ports.closed, ports.http, ports.silent]) {
      const r = await testConnection(params(port));
      expect(r.ok).toBe(false);
      answers.push(r.error!.replace(String(port), "PORT"));
    }
    expect(new Set(answers).size, answers.join("\n")).toBe(1);
    expect(answers[0]).toMatch(/^no PostgreSQL server answered at 127\.0\.0\.1:PORT/);
    const pgAnswer = await testConnection(params(server.port));
    expect(pgAnswer.error).toMatch(/authentication failed/);
  });

  test("link-local addresses (metadata services) are refused without a network attempt", async () => {
    delete process.env.SOURCE_HOSTS;
    const r = await testConnection({ ...params(80), host: "169.254.169.254" });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/169\.254\.169\.254:80 are not allowed: link-local/);
  });

  test("the app's own database is refused unless SOURCE_HOSTS lists it", async () => {
    delete process.env.SOURCE_HOSTS;
    process.env.DATABASE_URL = server.urlFor("preflight");
    const refused = await testConnection(params(server.port, server.password));
    expect(refused.error).toMatch(/this app's own database/);
    const viaLocalhost = await testConnection({ ...params(server.port, server.password), host: "localhost" });
    expect(viaLocalhost.error).toMatch(/this app's own database/);
    process.env.SOURCE_HOSTS = "127.0.0.1, db.example.com";
    const allowed = await testConnection(params(server.port, server.password));
    expect(allowed.error).toBeUndefined();
    expect(allowed.ok).toBe(true);
  });

  test("with SOURCE_HOSTS set, anything not listed is refused", async () => {
    process.env.SOURCE_HOSTS = "10.0.0.0/8 *.db.example.com";
    const r = await testConnection(params(ports.closed));
    expect(r.error).toMatch(/not in SOURCE_HOSTS/);
    await expect(checkSourceHost("10.1.2.3", 5432, { allow: process.env.SOURCE_HOSTS })).resolves.toBeUndefined();
    await expect(checkSourceHost("orders.db.example.com", 5432, { allow: process.env.SOURCE_HOSTS })).resolves.toBeUndefined();
    await expect(checkSourceHost("db.example.com.evil.test", 5432, { allow: process.env.SOURCE_HOSTS })).rejects.toThrow(
      /not in SOURCE_HOSTS/,
    );
    expect(() => parseSourceHosts("10.0.0.0/99")).toThrow(/invalid prefix/);
    expect(() => parseSourceHosts("http://x")).toThrow(/not a host name, address or CIDR/);
  });
});
