import { describe, expect, it } from "vitest";
import { buildPlan } from "../plan/plan";
import { planMarkdown } from "../plan/markdown";
import { rewrite } from "./engine";
import { renderPsqlScript } from "./render";

const DUMP = `CREATE TABLE public.t (id integer NOT NULL, v text);
CREATE TABLE public.o (id integer, note text) WITH OIDS;
ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);
CREATE TABEL public.typo (id int);
`;

describe("statements that do not parse, in the rewrite", () => {
  it("each is a manual work item with its text and place, never silently left out of the script", async () => {
    const rw = await rewrite([{ path: "old.sql", text: DUMP, bytes: DUMP.length, encoding: "utf-8" }]);
    const script = renderPsqlScript(rw);
    // WITH OIDS is read in its corrected form (rule older-postgres-syntax); the typo is manual work.
    expect(script).toContain("CREATE TABLE public.o (id integer, note text);");
    expect(script).not.toContain("typo");
    const items = rw.manual.filter((m) => m.ruleIds.includes("parse-error"));
    expect(items.map((m) => [m.file, m.line, m.object])).toEqual([["old.sql", 4, { kind: "statement", name: "old.sql:4" }]]);
    expect(items[0].original).toBe("CREATE TABEL public.typo (id int);");
    expect(items[0].reason).toBe('syntax error at or near "TABEL"');
  });

  it("the plan's schema phase asks for them before the schema is created, and the application phase does not", async () => {
    const rw = await rewrite([{ path: "old.sql", text: DUMP, bytes: DUMP.length, encoding: "utf-8" }]);
    const plan = buildPlan(rw);
    const schema = plan.phases.find((p) => p.id === "schema")!;
    const titles = schema.steps.map((s) => s.title);
    expect(titles.indexOf("Correct the 1 statement(s) that did not parse")).toBeLessThan(titles.indexOf("Create the schema"));
    expect(titles.indexOf("Correct the 1 statement(s) that did not parse")).toBeGreaterThan(-1);
    const step = schema.steps.find((s) => s.title.startsWith("Correct the"))!;
    expect(step.purpose).toContain('old.sql:4: syntax error at or near "TABEL"');
    expect(step.sql).toBe("CREATE TABEL public.typo (id int);");
    expect(
      plan.phases
        .find((p) => p.id === "application")!
        .steps.map((s) => s.title)
        .join("\n"),
    ).not.toContain("parse-error");
    expect(planMarkdown(plan, rw)).toContain("Correct the 1 statement(s) that did not parse");
  });
});
