/**
 * `CREATE SCHEMA s CREATE TABLE … CREATE VIEW … GRANT …` holds whole statements as elements. Each
 * element becomes a statement of its own (its own line, findings, inventory entry and rewrite), its
 * unqualified name placed in the new schema as PostgreSQL does; the CREATE SCHEMA keeps only its head.
 */
import type { AstNode, ParsedStatement } from "./parse";

/** The node fields naming what an element creates (or grants on): unqualified ones belong to the schema. */
function qualifyElement(kind: string, node: AstNode, schema: string): void {
  const set = (rv: AstNode | undefined) => {
    if (rv && !rv.schemaname) rv.schemaname = schema;
  };
  if (kind === "CreateStmt" || kind === "IndexStmt" || kind === "CreateTrigStmt") set(node.relation);
  else if (kind === "ViewStmt") set(node.view);
  else if (kind === "CreateSeqStmt") set(node.sequence);
  else if (kind === "GrantStmt") for (const o of node.objects ?? []) set(o.RangeVar);
}

/** Smallest `location` anywhere below a node: just after the element's leading keyword. */
function firstLocation(node: unknown): number {
  let min = Infinity;
  const visit = (v: unknown) => {
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
    } else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (k === "location" && typeof x === "number" && x >= 0) min = Math.min(min, x);
        else if (x && typeof x === "object") visit(x);
      }
    }
  };
  visit(node);
  return min;
}

const ELEMENT_START = /\b(create|grant)\b/gi;

/**
 * Splits a CREATE SCHEMA statement with elements into its head and one statement per element.
 * `charOf` turns a parser location into a file char offset; `byteLength` measures file text in bytes.
 */
export function splitSchemaElements(
  stmt: ParsedStatement,
  fileText: string,
  charOf: (location: number) => number,
  byteLength: (from: number, to: number) => number,
): ParsedStatement[] {
  const elements: AstNode[] = stmt.node.schemaElts ?? [];
  const schema: string | undefined = stmt.node.schemaname ?? stmt.node.authrole?.rolename;
  if (!elements.length || !schema) return [stmt];
  // Each element starts at the last CREATE/GRANT keyword before its first located token.
  const starts: number[] = [];
  let from = stmt.start + 6;
  for (const el of elements) {
    const kind = Object.keys(el)[0];
    const at = charOf(firstLocation(el[kind]));
    ELEMENT_START.lastIndex = from;
    let start = -1;
    for (let m = ELEMENT_START.exec(fileText); m && m.index < at; m = ELEMENT_START.exec(fileText)) start = m.index;
    if (start < 0) return [stmt];
    starts.push(start);
    from = at;
  }
  const out: ParsedStatement[] = [];
  const headEnd = trimEnd(fileText, stmt.start, starts[0]);
  out.push({
    ...stmt,
    end: headEnd,
    text: fileText.slice(stmt.start, headEnd),
    node: { ...stmt.node, schemaElts: undefined },
    fullEnd: stmt.end,
  });
  elements.forEach((el, i) => {
    const kind = Object.keys(el)[0];
    const node = el[kind];
    qualifyElement(kind, node, schema);
    const start = starts[i];
    const end = i + 1 < starts.length ? trimEnd(fileText, start, starts[i + 1]) : stmt.end;
    out.push({
      ...stmt,
      start,
      end,
      text: fileText.slice(start, end),
      kind,
      node,
      parserByteStart: stmt.parserByteStart + byteLength(stmt.start, start),
      schemaElementOf: schema,
      async: false,
    });
  });
  return out;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}
