/**
 * The plan page of a uuid-key assessment: the key-remapping phase shows its steps with copyable SQL and
 * offers remap/ as a zip holding exactly the scripts the report carries.
 */
import { unzipSync, strFromU8 } from "fflate";
import { readFileSync } from "node:fs";
import { expect, screenshot, test } from "./helpers";

const SQL = `CREATE TABLE artist (artist_id serial PRIMARY KEY, name text);
CREATE TABLE album (album_id serial PRIMARY KEY, title text NOT NULL, artist_id integer NOT NULL REFERENCES artist (artist_id));
CREATE TABLE employee (employee_id serial PRIMARY KEY, reports_to integer REFERENCES employee (employee_id));`;

test("plan: key remapping steps and the remap/ download", async ({ page, request }) => {
  const r = await request.post("/api/assessments", { data: { name: "remap e2e", sql: SQL, keyStrategy: "uuid" } });
  expect(r.status()).toBe(202);
  const { id } = await r.json();
  await expect.poll(async () => (await (await request.get(`/api/assessments/${id}`)).json()).status, { timeout: 60_000 }).toBe("done");
  const report = await (await request.get(`/api/assessments/${id}/report`)).json();
  const files: Array<{ name: string; content: string }> = report.plan.remap.files;
  expect(files.map((f) => f.name)).toContain("20_remap_public.album.sql");

  await page.goto(`/assessments/${id}/plan`);
  const phase = page.locator("#remap");
  await expect(phase.getByRole("heading", { level: 2 })).toContainText("Key remapping");
  await expect(phase.getByText("Remap public.album (remap/20_remap_public.album.sql)")).toBeVisible();
  await expect(phase.getByRole("button", { name: "Copy SQL" }).first()).toBeVisible();
  await expect(page.getByTestId("remap-scripts")).toBeVisible();
  await screenshot(page, "remap-plan", false);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("remap-zip").click()]);
  expect(download.suggestedFilename()).toBe("remap.zip");
  const entries = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  expect(Object.keys(entries).sort()).toEqual(files.map((f) => `remap/${f.name}`).sort());
  expect(strFromU8(entries["remap/all.sql"])).toBe(files.find((f) => f.name === "all.sql")!.content);
});
