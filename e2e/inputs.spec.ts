/**
 * The Inputs card says what the engine did with the input beyond parsing it: a cluster dump's databases,
 * a migration's down section left out, placeholders and psql variables read as names.
 */
import type { APIRequestContext } from "@playwright/test";
import { assessSql, expect, screenshot, test } from "./helpers";

async function done(request: APIRequestContext, id: string) {
  for (let i = 0; i < 150; i++) {
    const a = await (await request.get(`/api/assessments/${id}`)).json();
    if (a.status === "done" || a.status === "failed") return a;
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error(`assessment ${id} did not finish`);
}

const SQL = [
  "\\connect shop",
  "CREATE TABLE ${schema}.orders (id uuid PRIMARY KEY, total numeric);",
  "\\connect billing",
  "CREATE TABLE :billing.invoices (id uuid PRIMARY KEY);",
  "-- +goose Down",
  "DROP TABLE invoices;",
  "",
].join("\n");

test("the Inputs card lists databases, rollback sections left out and placeholders; the Rewrites page says why it has none", async ({
  page,
  request,
}) => {
  const id = await assessSql(request, "inputs notes", SQL);
  const json = await (await request.get(`/api/assessments/${id}/export?format=json`)).json();
  const file = json.files[0];
  expect(file.databases.map((d: { name: string }) => d.name)).toEqual(["shop", "billing"]);
  await page.goto(`/assessments/${id}`);
  const notes = page.getByTestId("input-notes");
  await expect(notes).toContainText(`${file.file} holds 2 databases (shop from line 1, billing from line 3)`);
  await expect(notes).toContainText(`${file.file} lines 5–6 left out: -- +goose Down section (rollback).`);
  await expect(notes).toContainText(`${file.file}: placeholders \${schema} read as names standing in for their values.`);
  await expect(notes).toContainText(`${file.file}: psql variables :billing read as names standing in for their values.`);
  // The down section's DROP is not assessed: the table it would drop is in the inventory.
  expect(json.inventory.tables).toBe(2);
  // Two databases are not merged into one DSQL script: the Rewrites page says why and what to do instead.
  await page.goto(`/assessments/${id}/rewrites`);
  await expect(page.getByTestId("rewrite-error")).toHaveText(
    `${file.file} holds 2 databases (shop from line 1, billing from line 3). A DSQL cluster has one database, so each is its own migration, rewritten on its own: assess each database separately (one assessment per database, on these same inputs), or run the CLI's rewrite, which writes one folder per database.`,
  );
});

test("a cluster dump is split into one assessment per database, each rewritten on its own", async ({ page, request }) => {
  const id = await assessSql(request, "cluster dump", SQL);
  await page.goto(`/assessments/${id}/rewrites`);
  await screenshot(page, "rewrites-cluster-dump");
  await page.getByTestId("split-databases").click();
  const made = page.getByTestId("database-assessments");
  await expect(made).toHaveText("Assessed on their own: shop, billing.");
  // Asking again (another member, another tab) gives the same assessments, not new ones.
  const again = await request.post(`/api/assessments/${id}/databases`);
  expect(again.status()).toBe(200);
  const { assessments } = await again.json();
  expect(assessments.map((a: { database: string }) => a.database)).toEqual(["shop", "billing"]);
  const [shop, billing] = assessments as Array<{ id: string; url: string }>;
  expect((await done(request, shop.id)).status).toBe("done");
  expect((await done(request, billing.id)).status).toBe("done");

  // Each holds its own database only, and is rewritten.
  const shopReport = await (await request.get(`/api/assessments/${shop.id}/export?format=json`)).json();
  expect(shopReport.inventory.tables).toBe(1);
  expect(shopReport.rewriteError).toBeUndefined();
  expect(shopReport.rewrites.map((r: { object: { name: string } }) => r.object.name)).toContain("orders");
  const billingReport = await (await request.get(`/api/assessments/${billing.id}/export?format=json`)).json();
  expect(billingReport.inventory.tables).toBe(1);
  expect(billingReport.rewrites.map((r: { object: { name: string } }) => r.object.name)).toContain("invoices");

  await page.getByRole("link", { name: "shop" }).click();
  await expect(page).toHaveURL(new RegExp(`/assessments/${shop.id}$`));
  await expect(page.getByTestId("input-notes")).toContainText("Database shop of a cluster dump");
  await page.goto(`/assessments/${shop.id}/rewrites`);
  await expect(page.getByTestId("rewrite-error")).toHaveCount(0);
  // Its one table is already DSQL-ready: rewritten as is, nothing merged in from billing.
  await expect(page.getByText("1 source statements → 1 DSQL statements", { exact: false })).toBeVisible();

  // The parent's overview links to them; a split assessment cannot be split again.
  await page.goto(`/assessments/${id}`);
  await expect(page.getByTestId("database-assessments")).toHaveText("Assessed on their own: shop, billing.");
  await screenshot(page, "overview-cluster-dump");
  const refused = await request.post(`/api/assessments/${shop.id}/databases`);
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toBe("This assessment is already about one database (shop)");
});

test("an upload can name one database of a cluster dump; a name the dump does not hold is refused before any job", async ({ request }) => {
  const bad = await request.post("/api/assessments", { data: { name: "no such db", sql: SQL, database: "crm" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toBe("database crm: the inputs hold shop, billing");
  const r = await request.post("/api/assessments", {
    multipart: {
      name: "billing only",
      database: "billing",
      files: { name: "all.sql", mimeType: "application/sql", buffer: Buffer.from(SQL) },
    },
  });
  expect(r.status()).toBe(202);
  const { id } = await r.json();
  const a = await done(request, id);
  expect(a.status).toBe("done");
  const report = await (await request.get(`/api/assessments/${id}/export?format=json`)).json();
  expect(report.inventory.tables).toBe(1);
  expect(report.rewrites.map((x: { object: { name: string } }) => x.object.name)).toContain("invoices");
});

test("a dump in the legacy encoding it declares is read in it, and the Inputs card says so", async ({ page, request }) => {
  const latin1 = Buffer.from(
    "SET client_encoding = 'LATIN1';\nCREATE TABLE menu (id uuid PRIMARY KEY, dish text DEFAULT 'crème');\n",
    "latin1",
  );
  const r = await request.post("/api/assessments", {
    multipart: { name: "latin1 dump", files: { name: "menu.sql", mimeType: "application/sql", buffer: latin1 } },
  });
  expect(r.status()).toBe(202);
  const { id } = await r.json();
  expect((await done(request, id)).status).toBe("done");
  const report = await (await request.get(`/api/assessments/${id}/export?format=json`)).json();
  expect(report.files[0].encoding).toBe("declared LATIN1");
  await page.goto(`/assessments/${id}`);
  await expect(page.getByTestId("input-notes")).toContainText(
    "menu.sql decoded as LATIN1, the client_encoding it declares; the rewrite writes UTF-8.",
  );
  // The rewrite carries the accented default as UTF-8 text.
  expect(report.rewrites.map((o: { rewritten: string }) => o.rewritten).join("\n")).toContain("dish text DEFAULT 'crème'");
});
