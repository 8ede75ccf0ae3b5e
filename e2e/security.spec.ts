/**
 * Access control: every API route refuses anonymous callers except sign-in and share links; a share
 * token opens only its own assessment; a viewer cannot mutate; cross-site mutations are refused;
 * sign-in is rate-limited; personal API tokens work; the shell command creates an admin.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ADMIN, assessSql, expect, ROOT, signedIn, test } from "./helpers";

test.describe.configure({ mode: "serial" });

const PUBLIC = new Set([
  "/api/auth/signin",
  "/api/auth/setup",
  "/api/auth/invite",
  "/api/auth/signout",
  "/api/share/[token]",
  "/api/share/[token]/export",
]);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route handler under app/api with the methods it exports. */
function apiRoutes(): Array<{ path: string; methods: string[] }> {
  const out: Array<{ path: string; methods: string[] }> = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "route.ts") {
        const src = readFileSync(p, "utf8");
        const methods = METHODS.filter((m) => new RegExp(`export (const|async function) ${m}\\b`).test(src));
        out.push({ path: "/" + relative(join(ROOT, "app"), dir), methods });
      }
    }
  };
  walk(join(ROOT, "app", "api"));
  return out;
}

let a = "";
let b = "";

test.beforeAll(async ({ request }) => {
  a = await assessSql(request, "security A", "CREATE TABLE a (id serial PRIMARY KEY);\nCREATE INDEX ON a (id);");
  b = await assessSql(
    request,
    "security B",
    "CREATE TABLE b (id serial PRIMARY KEY);\nCREATE TRIGGER t AFTER INSERT ON b FOR EACH ROW EXECUTE FUNCTION f();",
  );
});

test("every API route rejects anonymous access except sign-in and share links", async ({ anonRequest }) => {
  const routes = apiRoutes();
  expect(routes.length).toBeGreaterThan(20);
  const fill = (p: string) =>
    p
      .replace("[id]", a)
      .replace("[idx]", "0")
      .replace("[linkId]", "00000000-0000-4000-8000-000000000000")
      .replace("[userId]", "00000000-0000-4000-8000-000000000000")
      .replace("[tokenId]", "00000000-0000-4000-8000-000000000000")
      .replace("[token]", "dpsh_not-a-real-token-000000000000000000000000000");
  const checked: string[] = [];
  for (const r of routes) {
    for (const m of r.methods) {
      const res = await anonRequest.fetch(fill(r.path), { method: m, data: m === "GET" || m === "DELETE" ? undefined : {} });
      if (PUBLIC.has(r.path)) {
        expect(res.status(), `${m} ${r.path}`).not.toBe(500);
        continue;
      }
      expect(res.status(), `${m} ${r.path}`).toBe(401);
      checked.push(`${m} ${r.path}`);
    }
  }
  expect(checked.length).toBeGreaterThan(25);
  // Pages redirect to sign-in; the print view too.
  for (const p of ["/", "/new", "/team", `/assessments/${a}`, `/assessments/${a}/checklist`, `/assessments/${a}/print`]) {
    const res = await anonRequest.get(p, { maxRedirects: 0 });
    expect([303, 307, 308], p).toContain(res.status());
    expect(res.headers()["location"], p).toMatch(/\/signin/);
  }
});

test("one assessment's share token cannot read another", async ({ request, anonRequest }) => {
  const link = await (await request.post(`/api/assessments/${a}/share`, { data: { expiresInDays: 1 } })).json();
  const token: string = link.token;
  const shared = await (await anonRequest.get(`/api/share/${token}`)).json();
  expect(shared.assessment.id).toBe(a);
  expect(JSON.stringify(shared)).not.toContain("security B");
  // The token is no session and no API token.
  expect((await anonRequest.get(`/api/assessments/${b}/report`, { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
  expect((await anonRequest.get(`/api/assessments/${b}/report`, { headers: { cookie: `dsqlp_session=${token}` } })).status()).toBe(401);
  expect((await anonRequest.get(`/share/${token}/../../assessments/${b}`, { maxRedirects: 0 })).status()).not.toBe(200);
  // Another assessment's share routes do not take this token.
  expect((await anonRequest.get(`/api/share/${token.slice(0, -2)}xx`)).status()).toBe(404);
  // Expired links are gone too.
  const expired = await (
    await request.post(`/api/assessments/${a}/share`, { data: { expiresAt: new Date(Date.now() + 1500).toISOString() } })
  ).json();
  await new Promise((r) => setTimeout(r, 2500));
  expect((await anonRequest.get(`/share/${expired.token}`)).status()).toBe(404);
});

test("a viewer can read but not mutate", async ({ request, baseURL }) => {
  const created = await request.post("/api/members", {
    data: { email: "viewer2@example.com", name: "Read Only", role: "viewer", password: "viewer-two-password" },
  });
  expect(created.status()).toBe(201);
  const viewer = await signedIn(baseURL!, "viewer2@example.com", "viewer-two-password");
  expect((await viewer.get(`/api/assessments/${a}/report`)).status()).toBe(200);
  expect((await viewer.get(`/api/assessments/${a}/findings`)).status()).toBe(200);
  const forbidden = [
    viewer.post("/api/assessments", { data: { sql: "select 1" } }),
    viewer.patch(`/api/assessments/${a}/findings/0`, { data: { version: 0, status: "done" } }),
    viewer.post(`/api/assessments/${a}/findings/0/comments`, { data: { body: "hi" } }),
    viewer.post(`/api/assessments/${a}/findings/bulk`, { data: { filter: {}, status: "done" } }),
    viewer.put(`/api/assessments/${a}/plan-checks`, { data: { stepKey: "schema:0", checked: true } }),
    viewer.post(`/api/assessments/${a}/share`, { data: {} }),
    viewer.post(`/api/assessments/${a}/rerun`, { data: {} }),
    viewer.delete(`/api/assessments/${a}`),
    viewer.post("/api/members", { data: { email: "x@example.com", role: "admin", password: "xxxxxxxxxxxx" } }),
  ];
  for (const r of await Promise.all(forbidden)) expect(r.status(), r.url()).toBe(403);
  await viewer.dispose();
});

test("cross-site mutations with a session cookie are refused", async ({ request }) => {
  const evil = await request.patch(`/api/assessments/${a}/findings/0`, {
    headers: { origin: "https://evil.example" },
    data: { version: 0, status: "done" },
  });
  expect(evil.status()).toBe(403);
  const site = await request.post(`/api/assessments/${a}/share`, { headers: { "sec-fetch-site": "cross-site" }, data: {} });
  expect(site.status()).toBe(403);
  const state = await (await request.get(`/api/assessments/${a}/findings/0`)).json();
  expect(state.state.version).toBe(0);
});

test("sign-in is rate-limited per email and address", async ({ anonRequest }) => {
  for (let i = 0; i < 5; i++)
    expect((await anonRequest.post("/api/auth/signin", { data: { email: "viewer2@example.com", password: `wrong-${i}` } })).status()).toBe(
      401,
    );
  // Even the right password is refused for a while now.
  const limited = await anonRequest.post("/api/auth/signin", { data: { email: "viewer2@example.com", password: "viewer-two-password" } });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  // Another account from the same address is unaffected.
  expect((await anonRequest.post("/api/auth/signin", { data: { email: ADMIN.email, password: ADMIN.password } })).status()).toBe(200);
  expect((await anonRequest.get("/api/auth/me")).status()).toBe(200);
  // Sign-out ends that session.
  expect((await anonRequest.post("/api/auth/signout")).status()).toBe(200);
  expect((await anonRequest.get("/api/auth/me")).status()).toBe(401);
});

test("personal API tokens authenticate scripts; revoked tokens stop working", async ({ request, anonRequest }) => {
  const t = await (await request.post("/api/tokens", { data: { name: "ci" } })).json();
  const auth = { authorization: `Bearer ${t.token}` };
  expect((await anonRequest.get("/api/assessments", { headers: auth })).status()).toBe(200);
  const md = await anonRequest.get(`/api/assessments/${a}/export?format=md`, { headers: auth });
  expect(await md.text()).toContain("security A");
  expect((await anonRequest.post(`/api/assessments/${a}/findings/0/comments`, { headers: auth, data: { body: "from CI" } })).status()).toBe(
    201,
  );
  expect((await request.delete(`/api/tokens/${t.id}`)).status()).toBe(204);
  expect((await anonRequest.get("/api/assessments", { headers: auth })).status()).toBe(401);
});

test("the shell command creates an admin for scripted installs", async ({ baseURL }) => {
  expect(process.env.E2E_DATA_DIR, "run through npm run test:e2e, which starts the suite's embedded database").toBeTruthy();
  execFileSync(
    process.execPath,
    [join(ROOT, "bin", "dsql-preflight.js"), "admin", "create", "--email", "ops@example.com", "--name", "Ops", "--password-stdin"],
    {
      input: "scripted-admin-password\n",
      env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: "" },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  const ops = await signedIn(baseURL!, "ops@example.com", "scripted-admin-password");
  const me = await (await ops.get("/api/auth/me")).json();
  expect(me.user.role).toBe("admin");
  await ops.dispose();
});
