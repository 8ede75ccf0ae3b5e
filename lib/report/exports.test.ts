import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { buildPlan } from "../plan/plan";
import { rewrite } from "../rewrite/engine";
import { withRewrites } from "../rewrite/report";
import { buildReport } from "./contract";
import { reportHtml } from "./html";
import { planStepKey, toMarkdown } from "./markdown";
import { normaliseStatus } from "../review/status";
import { htmlToPdf, PdfUnavailableError } from "./pdf";

const SQL = `CREATE TABLE t (id serial PRIMARY KEY, v text);
CREATE INDEX t_v ON t (v);
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER "<script>x" BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();`;

async function fullReport() {
  const files = [{ path: "s|chema.sql", text: SQL, bytes: SQL.length, encoding: "utf-8" as const }];
  const rw = await rewrite(files, { keyStrategy: "identity", targetDate: "2026-09-15" });
  const plan = buildPlan(rw);
  return { report: withRewrites(buildReport(rw.analysis), rw, plan), plan };
}

describe("exports", () => {
  test("Markdown: statuses, manual work items, plan with check-offs, cost", async () => {
    const { report, plan } = await fullReport();
    report.cost = { status: "no-workload", message: "No workload was measured.", storageGbMonth: { low: 0.1, high: 0.2 } };
    const first = plan.phases[0]!;
    const md = toMarkdown(report, {
      title: "shop",
      statusOf: (f) => (f.ruleId === "trigger" ? "wontfix" : "open"),
      planChecks: { [planStepKey(first.id, 0)]: { by: "Ada", at: "2026-11-20T10:00:00Z" } },
    });
    expect(md).toContain("| Severity | Rule | Object | Location | Fix | Message | Status |");
    expect(md).toContain("won't fix");
    expect(md).toMatch(/\*\*Review:\*\* \d+ open, 1 won't fix/);
    expect(md).toContain("## Manual work items");
    expect(md).toContain("| Object | Rules | Why | Way forward | Location |");
    expect(md).toContain("`s\\|chema.sql:4`"); // pipes escaped inside table cells
    expect(md).toContain("## Migration plan");
    expect(md).toContain(`- [x] **${first.steps[0]!.title}**`);
    expect(md).toContain("checked off by Ada on 2026-11-20");
    expect(md).toContain("## Cost summary");
    expect(md).toContain("No workload was measured.");
  });

  test("print HTML escapes names and shows review state", async () => {
    const { report } = await fullReport();
    const html = reportHtml({
      report,
      assessment: { name: "<b>shop</b>", source: "upload", createdAt: "2026-11-20", targetDate: "2026-09-15" },
      reviewOf: () => ({ status: "done", assignee: "Max & Co" }),
    });
    expect(html).not.toContain("<b>shop</b>");
    expect(html).toContain("&lt;b&gt;shop&lt;/b&gt;");
    expect(html).not.toContain("<script>x");
    expect(html).toContain("Max &amp; Co");
    expect(html).toContain("Migration plan");
    expect(html).not.toMatch(/<script/i);
  });

  test("PDF without Chromium says what to install", async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    try {
      await expect(htmlToPdf("<p>x</p>")).rejects.toThrow(PdfUnavailableError);
      await expect(htmlToPdf("<p>x</p>")).rejects.toThrow(/apt-get install chromium.*CHROMIUM_PATH/);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });

  test("older review names map to the team vocabulary", () => {
    expect(normaliseStatus("waived")).toBe("wontfix");
    expect(normaliseStatus("fixed")).toBe("done");
    expect(normaliseStatus("accepted")).toBe("accepted");
    expect(normaliseStatus("maybe")).toBeUndefined();
  });
});
