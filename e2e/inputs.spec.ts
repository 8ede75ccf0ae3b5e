/**
 * The Inputs card says what the engine did with the input beyond parsing it: a cluster dump's databases,
 * a migration's down section left out, placeholders read as names.
 */
import { assessSql, expect, test } from "./helpers";

const SQL = [
  "\\connect shop",
  "CREATE TABLE ${schema}.orders (id uuid PRIMARY KEY, total numeric);",
  "\\connect billing",
  "CREATE TABLE invoices (id uuid PRIMARY KEY);",
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
  // The down section's DROP is not assessed: the table it would drop is in the inventory.
  expect(json.inventory.tables).toBe(2);
  // Two databases are not merged into one DSQL script: the Rewrites page says why and what to do instead.
  await page.goto(`/assessments/${id}/rewrites`);
  await expect(page.getByTestId("rewrite-error")).toHaveText(
    `${file.file} holds 2 databases (shop from line 1, billing from line 3). A DSQL cluster has one database, so each is its own migration: upload each database's dump (pg_dump -d NAME) as its own assessment, or run the CLI's rewrite, which writes one folder per database.`,
  );
});
