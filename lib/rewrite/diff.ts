/**
 * Per-object diffs: the object's original statements against its rewritten ones, with each hunk tagged
 * by the rules whose edits fall inside it. Diffing per object keeps jsdiff fast on large dumps and makes
 * every hunk reviewable on its own.
 */
import { formatPatch, structuredPatch, type StructuredPatchHunk } from "diff";
import type { ParsedStatement } from "../ingest/parse";
import type { ObjectRef } from "../rules/core/rule";
import type { Splicer } from "./splice";
import type { Hunk, ObjectRewrite, ObjectStatus, OutStatement, Phase } from "./types";

export interface DiffPiece {
  stmt: ParsedStatement;
  sp: Splicer;
  object: ObjectRef;
  phase: Phase;
  dropped?: { reason: string; rules: string[] };
  manual?: { rules: string[]; reason: string };
  data?: unknown;
}

/**
 * Past this many changed lines in one object the exact diff costs time and memory that grow with the
 * square of its size (an input repeating the same objects thousands of times): such an object is shown
 * as replaced whole instead, which is still a correct diff. Objects of real schemas stay far below it.
 */
const MAX_EDIT_LINES = 2_000;

/** The diff of two texts with `context` lines around each hunk, or one whole-replacement hunk past MAX_EDIT_LINES. */
function diffHunks(original: string, rewritten: string, context: number): StructuredPatchHunk[] {
  const exact = structuredPatch("original", "rewritten", original, rewritten, "", "", { context, maxEditLength: MAX_EDIT_LINES });
  if (exact) return exact.hunks;
  const lines = (t: string) => (t ? t.replace(/\n$/, "").split("\n") : []);
  const removed = lines(original);
  const added = lines(rewritten);
  return [
    {
      oldStart: 1,
      oldLines: removed.length,
      newStart: 1,
      newLines: added.length,
      lines: [...removed.map((l) => `-${l}`), ...added.map((l) => `+${l}`)],
    },
  ];
}

export function objectKey(o: ObjectRef): string {
  return `${o.kind}:${o.schema ? `${o.schema}.` : ""}${o.name}`;
}

interface Mark {
  from: number;
  to: number;
  rules: string[];
  reason: string;
}

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

export function buildObjectRewrites(pieces: DiffPiece[], out: OutStatement[]): ObjectRewrite[] {
  const groups = new Map<string, { object: ObjectRef; pieces: DiffPiece[]; out: OutStatement[] }>();
  const group = (o: ObjectRef) => {
    const k = objectKey(o);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { object: o, pieces: [], out: [] }));
    return g;
  };
  for (const p of pieces) {
    if (p.data) continue;
    // Session noise (SET, transaction control, OWNER TO) has no object worth a diff.
    if (
      p.dropped &&
      (/^(session|transaction|owner)$/.test(p.object.kind) || (p.object.kind === "statement" && p.object.name === "set_config"))
    )
      continue;
    group(p.object).pieces.push(p);
  }
  for (const s of out) group(s.object).out.push(s);

  const result: ObjectRewrite[] = [];
  for (const g of groups.values()) {
    const oldParts: string[] = [];
    const oldMarks: Mark[] = [];
    let oldLine = 0;
    const rules = new Set<string>();
    const notes = new Set<string>();
    for (const p of g.pieces) {
      // A statement read in its corrected form (older PostgreSQL syntax) shows what the file says.
      const text = p.stmt.olderSyntax?.original ?? p.stmt.text;
      if (p.stmt.olderSyntax) {
        oldMarks.push({
          from: oldLine,
          to: oldLine + lineOf(text, text.length),
          rules: ["older-postgres-syntax"],
          reason: p.stmt.olderSyntax.hint,
        });
        rules.add("older-postgres-syntax");
      }
      if (p.dropped) {
        oldMarks.push({ from: oldLine, to: oldLine + lineOf(text, text.length), rules: p.dropped.rules, reason: p.dropped.reason });
        p.dropped.rules.forEach((r) => rules.add(r));
        notes.add(p.dropped.reason);
      } else if (p.manual) {
        oldMarks.push({ from: oldLine, to: oldLine + lineOf(text, text.length), rules: p.manual.rules, reason: p.manual.reason });
        p.manual.rules.forEach((r) => rules.add(r));
        notes.add(`manual: ${p.manual.reason}`);
      } else {
        for (const e of p.sp.edits) {
          oldMarks.push({ from: oldLine + lineOf(text, e.start), to: oldLine + lineOf(text, e.end), rules: [e.rule], reason: e.reason });
          rules.add(e.rule);
        }
      }
      oldParts.push(text.trimEnd());
      oldLine += lineOf(text.trimEnd(), Infinity) + 2;
    }
    const newParts: string[] = [];
    const newMarks: Mark[] = [];
    let newLine = 0;
    for (const s of g.out) {
      if (!s.source)
        newMarks.push({
          from: newLine,
          to: newLine + lineOf(s.sql, s.sql.length),
          rules: s.rules,
          reason: s.notes[0] ?? "statement added",
        });
      s.rules.forEach((r) => rules.add(r));
      s.notes.forEach((n) => notes.add(n));
      newParts.push(s.sql.trimEnd());
      newLine += lineOf(s.sql.trimEnd(), Infinity) + 2;
    }
    const original = oldParts.length ? `${oldParts.join("\n\n")}\n` : "";
    const rewritten = newParts.length ? `${newParts.join("\n\n")}\n` : "";
    const status: ObjectStatus =
      g.pieces.length && g.pieces.every((p) => p.manual)
        ? "manual"
        : !g.pieces.length
          ? "added"
          : !g.out.length
            ? "removed"
            : original === rewritten
              ? "unchanged"
              : "rewritten";
    const hunks: Hunk[] = [];
    if (original !== rewritten) {
      for (const h of diffHunks(original, rewritten, 2)) {
        const o0 = h.oldStart - 1;
        const o1 = o0 + Math.max(0, h.oldLines - 1);
        const n0 = h.newStart - 1;
        const n1 = n0 + Math.max(0, h.newLines - 1);
        const hit = [...oldMarks.filter((m) => m.from <= o1 && m.to >= o0), ...newMarks.filter((m) => m.from <= n1 && m.to >= n0)];
        const hr = [...new Set(hit.flatMap((m) => m.rules))];
        hunks.push({
          oldStart: h.oldStart,
          oldLines: h.oldLines,
          newStart: h.newStart,
          newLines: h.newLines,
          lines: h.lines,
          rules: hr.length ? hr : [...rules],
          reasons: [...new Set(hit.map((m) => m.reason))],
        });
      }
    }
    result.push({ object: g.object, status, original, rewritten, hunks, rules: [...rules], notes: [...notes] });
  }
  return result;
}

/** One unified diff for the whole input: the per-object diffs, one "file" per object. */
export function wholePatch(objects: ObjectRewrite[]): string {
  const parts: string[] = [];
  for (const o of objects) {
    if (o.status === "unchanged") continue;
    const name = `${o.object.kind.replace(/\s+/g, "_")}/${o.object.schema ? `${o.object.schema}.` : ""}${o.object.name || "statement"}.sql`;
    const header = o.rules.length ? `rules: ${o.rules.join(", ")}` : undefined;
    parts.push(
      formatPatch({
        oldFileName: `a/${name}`,
        newFileName: `b/${name}`,
        oldHeader: header,
        newHeader: undefined,
        hunks: diffHunks(o.original, o.rewritten, 3),
      }),
    );
  }
  return parts.join("");
}
