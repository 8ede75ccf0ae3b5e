/**
 * The statement review loop on the Rewrites page: open a manual item, check it as it is (its findings,
 * at its lines), write a DSQL version, check again until it is clean. A viewer may check (nothing is
 * stored); bad requests are refused with a message naming the problem.
 */
import { assessSql, expect, screenshot, signedIn, test } from "./helpers";

const SCHEMA = `CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TABLE person (id serial PRIMARY KEY, name text, feeling mood, updated_at timestamptz);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$;
CREATE TRIGGER person_touch BEFORE UPDATE ON person FOR EACH ROW EXECUTE FUNCTION touch();
CREATE INDEX person_name ON person (name);
`;

test.describe.configure({ mode: "serial" });
let id = "";

test("edit a manual item, check it, fix it, check again", async ({ page, request }) => {
  id = await assessSql(request, "edit and check e2e", SCHEMA);
  const report = await (await request.get(`/api/assessments/${id}/report`)).json();
  const objects: Array<{ object: { kind: string; name: string }; status: string }> = report.rewrites;
  const trigger = objects.findIndex((o) => o.object.kind === "trigger");
  expect(objects[trigger].status).toBe("manual");

  await page.goto(`/assessments/${id}/rewrites?o=${trigger}`);
  const panel = page.getByTestId("edit-check");
  // A manual item opens the panel with its original SQL to start from.
  const editor = panel.getByLabel("Your version of this object");
  await expect(editor).toBeVisible();
  await expect(editor).toHaveValue(/CREATE TRIGGER person_touch/);
  await panel.getByRole("button", { name: "Check" }).click();
  const result = page.getByTestId("edit-check-result");
  await expect(result).toBeVisible();
  await expect(result).not.toHaveAttribute("data-blockers", "0");
  await expect(result.locator("li").filter({ hasText: "trigger" }).first()).toContainText("line 1:");

  // The team's version: no trigger; the application sets updated_at. The check is clean.
  await editor.fill("-- updated_at is set by the application on every UPDATE\nCREATE INDEX ASYNC person_feeling ON person (feeling);\n");
  await panel.getByRole("button", { name: "Check" }).click();
  await expect(result).toHaveAttribute("data-blockers", "0");
  await expect(result).toContainText("No findings in your version (1 statement");
  await screenshot(page, "edit-check-clean", false);

  // A version that brings a blocker back is caught at its line; Reset returns to the original.
  await editor.fill("CREATE INDEX person_updated ON person (updated_at);\nALTER TABLE person ADD COLUMN tags text[];\n");
  await panel.getByRole("button", { name: "Check" }).click();
  await expect(result).toHaveAttribute("data-blockers", "2");
  await expect(result).toContainText("index-not-async");
  await expect(result.locator("li").filter({ hasText: "array-column" })).toContainText("line 2:");
  await panel.getByRole("button", { name: "Reset" }).click();
  await expect(editor).toHaveValue(/CREATE TRIGGER person_touch/);
  await expect(result).toBeHidden();
});

test("a statement that did not parse is listed as manual work with its own editor; the corrected form checks clean", async ({
  page,
  request,
}) => {
  const sid = await assessSql(
    request,
    "broken statement e2e",
    "CREATE TABLE public.t (id bigint PRIMARY KEY, v text);\nCREATE TABEL public.o (id bigint PRIMARY KEY, note text);\n",
  );
  await page.goto(`/assessments/${sid}/rewrites`);
  // Open by default when a statement did not parse.
  await expect(page.getByText(/Manual work \(1\)/)).toBeVisible();
  const manual = page.locator("li").filter({ hasText: "pasted.sql:2" });
  await expect(manual).toContainText('syntax error at or near "TABEL"');
  const panel = manual.getByTestId("edit-check");
  await panel.getByText("Edit and check your own version").click();
  const editor = panel.getByLabel("Your version of this object");
  await expect(editor).toHaveValue("CREATE TABEL public.o (id bigint PRIMARY KEY, note text);");
  await panel.getByRole("button", { name: "Check" }).click();
  await expect(panel.getByTestId("edit-check-result")).toContainText("parse-error");
  await editor.fill("CREATE TABLE public.o (id bigint PRIMARY KEY, note text);");
  await panel.getByRole("button", { name: "Check" }).click();
  await expect(panel.getByTestId("edit-check-result")).toContainText("No findings in your version (1 statement");
  await screenshot(page, "edit-check-unparsed", false);
});

test("a viewer may check; bad requests say what is wrong", async ({ request, baseURL }) => {
  const api = `/api/assessments/${id}/check`;
  const created = await request.post("/api/members", {
    data: { email: "edit-viewer@example.com", name: "Edit Viewer", role: "viewer", password: "edit-viewer-password" },
  });
  expect(created.status()).toBe(201);
  const viewer = await signedIn(baseURL!, "edit-viewer@example.com", "edit-viewer-password");
  const ok = await viewer.post(api, { data: { object: 0, sql: "CREATE TABLE t (id bigint PRIMARY KEY, tags text[]);" } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).check.findings.map((f: { ruleId: string }) => f.ruleId)).toContain("array-column");
  await viewer.dispose();

  const empty = await request.post(api, { data: { object: 0, sql: "   " } });
  expect(empty.status()).toBe(400);
  expect(await empty.text()).toContain("the SQL to check is empty");
  const missing = await request.post(api, { data: { object: 9999, sql: "SELECT 1;" } });
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain("no object #9999");
  const shape = await request.post(api, { data: { object: "first", sql: "SELECT 1;" } });
  expect(shape.status()).toBe(400);
  expect(await shape.text()).toContain("object");
  const big = await request.post(api, { data: { object: 0, sql: "x".repeat(2_000_000) } });
  expect(big.status()).toBe(413);
  expect(await big.text()).toContain("limited to 262,144");
  const notJson = await request.post(api, { data: "CREATE TABLE t ();", headers: { "content-type": "text/plain" } });
  expect(notJson.status()).toBe(400);
  expect(await notJson.text()).toContain("not valid JSON");
});
