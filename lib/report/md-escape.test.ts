import { marked } from "marked";
import { describe, expect, test } from "vitest";
import { buildPlan } from "../plan/plan";
import { planMarkdown } from "../plan/markdown";
import { rewrite } from "../rewrite/engine";
import { withRewrites } from "../rewrite/report";
import { buildReport } from "./contract";
import { toMarkdown } from "./markdown";
import { mdCode, mdCodeBlock, mdParagraph, mdText } from "./md-escape";

const HOSTILE = [
  "<img src=x onerror=alert(1)>",
  "[x](javascript:alert(1))",
  "![i](http://x/)",
  "a`b``c",
  "p|q",
  "line1\nline2",
  "<script>alert(1)</script>",
  "# head",
  "**bold** _em_ ~~s~~",
];

/** Tags a GFM viewer produces from our own Markdown; anything else came from untrusted text. */
const OUR_TAGS = new Set([
  "h1",
  "h2",
  "h3",
  "p",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "code",
  "pre",
  "strong",
  "em",
  "ul",
  "ol",
  "li",
  "a",
  "sub",
  "input",
  "br",
  "hr",
]);

/** Renders like a Markdown viewer (GFM, raw HTML passed through) and checks nothing active came out. */
function renderInert(md: string): string {
  const html = marked.parse(md, { gfm: true, async: false });
  for (const [, name, attrs] of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    expect(OUR_TAGS.has(name!.toLowerCase()), `unexpected <${name}${attrs}> in ${html}`).toBe(true);
    expect(attrs, `active attribute in <${name}${attrs}>`).not.toMatch(/\son\w+=|javascript:|src=/i);
    if (name === "a") expect(attrs).toMatch(/^ href="https:\/\/[^"]+"$/);
  }
  return html;
}

/** The visible text of rendered HTML. */
function visible(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("Markdown escaping", () => {
  test.each(HOSTILE)("text %j renders as the same visible text and nothing active", (s) => {
    const html = renderInert(`${mdParagraph(s)}\n`);
    expect(visible(html).trim()).toBe(s.replace(/\n/g, " "));
    const code = renderInert(`x ${mdCode(s)} y\n`);
    expect(visible(code).trim()).toBe(`x ${s.replace(/\n/g, " ")} y`);
  });

  test("table cells keep their columns whatever the text holds", () => {
    const rows = HOSTILE.map((s) => `| ${mdText(s)} | ${mdCode(s, { inTable: true })} | end |`);
    const html = renderInert(["| a | b | c |", "|---|---|---|", ...rows, ""].join("\n"));
    expect(html.match(/<tr>/g)).toHaveLength(HOSTILE.length + 1);
    expect(html.match(/<td>end<\/td>/g)).toHaveLength(HOSTILE.length);
  });

  test("code spans and blocks fence past any backtick run", () => {
    expect(mdCode("a`b")).toBe("``a`b``");
    expect(mdCode("`x`")).toBe("`` `x` ``");
    const block = mdCodeBlock("select 1;\n```\n<img src=x onerror=alert(1)>\n```", "sql");
    const html = renderInert(`${block}\n\nafter\n`);
    expect(html).toMatch(/^<pre><code class="language-sql">[^]*<\/code><\/pre>\s*<p>after<\/p>\s*$/);
  });
});

describe("exports with hostile names, identifiers, comments and file names", () => {
  const name = "<img src=x onerror=alert(1)>";
  const sql = `CREATE TABLE "[x](javascript:alert(1))" (id serial PRIMARY KEY, "![i](http://x/)" text);
COMMENT ON TABLE "[x](javascript:alert(1))" IS '<img src=x onerror=alert(1)> ![i](http://x/)';
CREATE FUNCTION "a\`b|c"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER "<script>alert(1)</script>" BEFORE INSERT ON "[x](javascript:alert(1))" FOR EACH ROW EXECUTE FUNCTION "a\`b|c"();
CREATE TABLE "p|q" (v text);`;

  async function exports() {
    const files = [{ path: "![f](http://x/)`|\n<img src=x>.sql", text: sql, bytes: sql.length, encoding: "utf-8" as const }];
    const rw = await rewrite(files, { keyStrategy: "identity", targetDate: "2026-09-15" });
    const plan = buildPlan(rw);
    return { report: withRewrites(buildReport(rw.analysis), rw, plan), plan, rw };
  }

  test("report Markdown: title, source line and every table render as text", async () => {
    const { report } = await exports();
    const md = toMarkdown(report, {
      title: name,
      subtitle: "Source: [x](javascript:alert(1)) ![i](http://x/) · run 2",
      statusOf: () => "open",
      planChecks: {},
    });
    const html = renderInert(md);
    const text = visible(html);
    expect(text).toContain(name);
    expect(text).toContain("Source: [x](javascript:alert(1)) ![i](http://x/)");
    expect(text).toContain("[x](javascript:alert(1))");
    expect(text).toContain("![f](http://x/)`| <img src=x>.sql");
  });

  test("plan Markdown: inputs, steps, SQL blocks and type changes render as text", async () => {
    const { plan, rw } = await exports();
    const html = renderInert(planMarkdown(plan, rw));
    expect(visible(html)).toContain("![f](http://x/)`| <img src=x>.sql");
  });
});
