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
    expect(script).not.toContain("public.o");
    const items = rw.manual.filter((m) => m.ruleIds.includes("parse-error"));
    expect(items.map((m) => [m.file, m.line, m.object])).toEqual([
      ["old.sql", 2, { kind: "statement", name: "old.sql:2" }],
      ["old.sql", 4, { kind: "statement", name: "old.sql:4" }],
    ]);
    expect(items[0].original).toBe("CREATE TABLE public.o (id integer, note text) WITH OIDS;");
    // The form the message gives, parsed here: the editor on the Rewrites page starts from it.
    expect(items[0].corrected).toBe("CREATE TABLE public.o (id integer, note text);");
    expect(items[1].corrected).toBeUndefined();
    expect(items[0].reason).toMatch(
      /^does not parse as PostgreSQL, so it is not in the DSQL script: syntax error at or near "OIDS" — WITH OIDS was removed/,
    );
    expect(items[1].reason).toContain('syntax error at or near "TABEL"');
  });

  it("the plan's schema phase asks for them before the schema is created, and the application phase does not", async () => {
    const rw = await rewrite([{ path: "old.sql", text: DUMP, bytes: DUMP.length, encoding: "utf-8" }]);
    const plan = buildPlan(rw);
    const schema = plan.phases.find((p) => p.id === "schema")!;
    const titles = schema.steps.map((s) => s.title);
    expect(titles.indexOf("Correct the 2 statement(s) that did not parse")).toBeLessThan(titles.indexOf("Create the schema"));
    const step = schema.steps.find((s) => s.title.startsWith("Correct the"))!;
    expect(step.purpose).toContain('old.sql:2: syntax error at or near "OIDS"');
    expect(step.sql).toContain("WITH OIDS");
    expect(
      plan.phases
        .find((p) => p.id === "application")!
        .steps.map((s) => s.title)
        .join("\n"),
    ).not.toContain("parse-error");
    expect(planMarkdown(plan, rw)).toContain("Correct the 2 statement(s) that did not parse");
  });
});
