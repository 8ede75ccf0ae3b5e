/**
 * Every response carries the frame and content policy and sends no Referer: a signed-in page cannot be
 * framed by another page, and an invitation token never leaves in a Referer header.
 */
import { expect, test } from "./helpers";

const PATHS = [
  "/",
  "/signin",
  "/setup",
  "/invite/dpi_not_a_real_token",
  "/share/not-a-token",
  "/assessments/new",
  "/api/auth/me",
  "/favicon.ico",
];

test("security headers on pages, API routes and static files", async ({ request }) => {
  for (const path of PATHS) {
    const res = await request.get(path, { maxRedirects: 0 });
    const h = res.headers();
    expect(h["content-security-policy"], path).toMatch(/frame-ancestors 'none'/);
    expect(h["content-security-policy"], path).toMatch(/default-src 'self'/);
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["referrer-policy"], path).toBe("no-referrer");
  }
});

test("a signed-in page does not render inside a frame", async ({ page, baseURL }) => {
  // The framing page is served from the app's own origin (same-site, the case that worked before).
  await page.route(`${baseURL}/framing-test`, (route) =>
    route.fulfill({ contentType: "text/html", body: `<!doctype html><iframe id="f" src="${baseURL}/" width="800" height="600"></iframe>` }),
  );
  const blocked = page
    .waitForEvent("console", {
      predicate: (m) => /frame-ancestors|X-Frame-Options|refused to (display|frame)/i.test(m.text()),
      timeout: 15_000,
    })
    .catch(() => undefined);
  await page.goto(`${baseURL}/framing-test`);
  await blocked;
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const text = frame ? await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "") : "";
  expect(text).not.toMatch(/Assessments|New assessment|Sign out/);
});

test("following a link from an invitation page sends no Referer", async ({ page, baseURL }) => {
  let referer: string | undefined = "unset";
  await page.route(`${baseURL}/referer-probe`, (route) => {
    referer = route.request().headers()["referer"];
    return route.fulfill({ contentType: "text/plain", body: "ok" });
  });
  await page.goto(`${baseURL}/invite/dpi_secret_token_value`);
  await page.evaluate(() => fetch("/referer-probe").then((r) => r.text()));
  expect(referer).toBeUndefined();
});
