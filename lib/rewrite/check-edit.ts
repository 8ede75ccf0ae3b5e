/**
 * Checking a person's own version of one object's DSQL DDL, the review loop MOLT's schema conversion
 * offers: edit a statement, check it again, repeat. The edit is analysed with the same rules and DSQL date
 * as the assessment, between the other objects' rewritten DDL (those before it in the script come first,
 * those after it follow), so the types, keys and tables it names resolve as they will on the cluster.
 * Only the findings inside the edit are returned, with lines counted from the edit's first line.
 */
import { analyze } from "@/lib/analyze";
import type { Finding, Severity } from "@/lib/rules/core/rule";

/** The file name findings in the edit carry; the context files around it are never reported. */
export const EDIT_FILE = "your version.sql";
/** Longest edit accepted: one object's DDL, with room for a long routine. */
export const MAX_EDIT_CHARS = 256 * 1024;

/**
 * Past this much DDL around it, an edit is checked among the objects it names only, so one check (which
 * runs in the web server) stays well under a second: rnacentral's 0.77 MB of DDL checks in 0.13–0.25 s.
 */
export const MAX_CONTEXT_CHARS = 2_000_000;

export interface RewrittenObject {
  index: number;
  status: string;
  rewritten: string;
  /** `schema.name`: matched against the names an edit mentions when the schema is too large to check whole. */
  label?: string;
}

export interface EditFinding {
  ruleId: string;
  title: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  fix: Finding["fix"];
  docsUrl: string;
}

export interface EditCheck {
  /** Statements in the edit, parse errors included. */
  statements: number;
  /** Findings in the edit, parse errors (rule `parse-error`) included, in line order. */
  findings: EditFinding[];
  /** Other objects the edit was checked among. */
  contextObjects: number;
  /** `all` the other objects, or only those the edit `named` (a schema past MAX_CONTEXT_CHARS). */
  context: "all" | "named";
  targetDate: string;
}

/** An edit refused before any analysis; `code` says whether the object or the SQL is at fault. */
export class EditCheckError extends Error {
  constructor(
    message: string,
    readonly code: "no-object" | "invalid-sql" = "invalid-sql",
  ) {
    super(message);
  }
}

/**
 * `index` is the object the edit replaces; `undefined` checks SQL that belongs to no rewritten object (a
 * statement that did not parse, a new one), after all of them.
 */
export async function checkEditedObject(
  objects: RewrittenObject[],
  index: number | undefined,
  sql: string,
  targetDate: string,
  maxContextChars = MAX_CONTEXT_CHARS,
): Promise<EditCheck> {
  if (index !== undefined && !objects.some((o) => o.index === index))
    throw new EditCheckError(`no object #${index} in this assessment's rewrite`, "no-object");
  const at = index ?? Number.POSITIVE_INFINITY;
  if (!sql.trim()) throw new EditCheckError("the SQL to check is empty");
  if (sql.length > MAX_EDIT_CHARS)
    throw new EditCheckError(
      `the SQL to check is ${sql.length.toLocaleString("en")} characters; the limit is ${MAX_EDIT_CHARS.toLocaleString("en")}`,
    );
  if (sql.includes("\0")) throw new EditCheckError("the SQL to check contains a NUL character (binary data?)");
  // Removed and manual objects have no DSQL DDL in the script, so they are not context.
  const ddl = (o: RewrittenObject) => (o.status === "removed" || o.status === "manual" ? "" : o.rewritten.trim());
  let context = objects.filter((o) => o.index !== index && ddl(o));
  const whole = context.reduce((n, o) => n + o.rewritten.length, 0) <= maxContextChars;
  if (!whole) {
    const words = new Set(sql.toLowerCase().match(/[a-z_][a-z0-9_$]*/g) ?? []);
    context = context.filter((o) => words.has(nameOf(o.label ?? "")));
  }
  const before = context.filter((o) => o.index < at).map(ddl);
  const after = context.filter((o) => o.index > at).map(ddl);
  const file = (path: string, text: string) => ({ path, text, bytes: Buffer.byteLength(text), encoding: "utf-8" as const });
  const inputs = [
    ...(before.length ? [file("objects before it.sql", before.join("\n\n") + "\n")] : []),
    file(EDIT_FILE, sql),
    ...(after.length ? [file("objects after it.sql", after.join("\n\n") + "\n")] : []),
  ];
  const analysis = await analyze(inputs, { targetDate });
  const findings = analysis.findings
    .filter((f) => f.file === EDIT_FILE)
    .sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId))
    .map((f) => ({
      ruleId: f.ruleId,
      title: f.title,
      severity: f.severity,
      message: f.message,
      line: f.line,
      column: f.column,
      fix: f.fix,
      docsUrl: f.docsUrl,
    }));
  return {
    statements: analysis.files.find((s) => s.file === EDIT_FILE)?.statements ?? 0,
    findings,
    contextObjects: before.length + after.length,
    context: whole ? "all" : "named",
    targetDate: analysis.targetDate,
  };
}

/** An object label's own name (`public."Order"` → `order`), as the edit's words are compared. */
function nameOf(label: string): string {
  return (label.split(".").pop() ?? "").replace(/"/g, "").toLowerCase();
}
