/**
 * Output: pieces ordered by phase, then by input order; data statements kept apart; every emitted
 * statement re-parsed as PostgreSQL.
 */
import { parseSync } from "libpg-query";
import { scanScript } from "../ingest/lex";
import { PHASES } from "./types";
import type { OutStatement, Phase } from "./types";
import type { Rewriter } from "./context";

export function emit(rw: Rewriter): OutStatement[] {
  type Item = { order: number[]; s: Omit<OutStatement, "seq"> };
  const items: Item[] = [];
  const phaseIndex = (ph: Phase) => PHASES.indexOf(ph);
  for (const p of rw.pieces) {
    const base = [p.fileIndex, p.stmt.index];
    if (p.data) {
      const sql = p.sp.apply();
      rw.data.push({
        sql,
        table: p.data.table,
        rows: p.data.rows,
        source: { file: p.stmt.file, line: p.stmt.line, statementIndex: p.stmt.index },
        note: p.data.note,
        ...(p.data.copyData !== undefined ? { copyData: p.data.copyData } : {}),
        ...(p.data.position ? { position: true } : {}),
      });
    } else if (!p.dropped && !p.manual) {
      items.push({
        order: [phaseIndex(p.phase), ...base, 0],
        s: {
          phase: p.phase,
          object: p.object,
          sql: ensureSemicolon(p.sp.apply()),
          source: { file: p.stmt.file, line: p.stmt.line, statementIndex: p.stmt.index },
          // A statement read in its corrected form names the rule that corrected it.
          rules: p.stmt.olderSyntax ? ["older-postgres-syntax", ...p.sp.rules()] : p.sp.rules(),
          notes: p.notes,
          asyncJob: p.asyncJob,
          searchPath: p.searchPath,
          ...(rw.outsideInputs(p) ? { outsideInputs: true } : {}),
        },
      });
    }
    if (p.manual) continue;
    p.extra.forEach((x, i) => {
      items.push({
        order: [phaseIndex(x.phase), ...base, i + 1],
        s: { phase: x.phase, object: x.object, sql: x.sql, rules: x.rules, notes: x.notes, asyncJob: x.asyncJob, searchPath: p.searchPath },
      });
    });
  }
  items.sort((a, b) => {
    for (let i = 0; i < a.order.length; i++) if (a.order[i] !== b.order[i]) return a.order[i] - b.order[i];
    return 0;
  });
  return items.map((it, i) => ({ seq: i + 1, ...it.s }));
}

function ensureSemicolon(s: string): string {
  const t = s.replace(/\s+$/, "");
  return /;$/.test(t) ? t : `${t};`;
}

/** Every emitted statement must parse as PostgreSQL once DSQL's ASYNC is blanked. */
export function guardReparse(out: OutStatement[]): void {
  const failures: string[] = [];
  for (const s of out) {
    const err = reparseError(s.sql);
    if (err) failures.push(`#${s.seq} ${s.object.kind} ${s.object.name}: ${err}\n${s.sql.slice(0, 300)}`);
  }
  if (failures.length) throw new Error(`rewrite produced statements that do not parse:\n${failures.slice(0, 5).join("\n---\n")}`);
}

export function reparseError(sql: string): string | undefined {
  try {
    const r = parseSync(scanScript(sql).parseable);
    if ((r.stmts ?? []).length === 0 && sql.replace(/--[^\n]*|\s/g, "") !== "") return "no statement";
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** SQL of a statement with DSQL-only keywords blanked, for running on PostgreSQL. */
export function postgresForm(sql: string): string {
  return scanScript(sql).parseable;
}
