/**
 * Rollback migrations: SQL that undoes a migration rather than building the schema. Migration tools keep
 * it beside the forward SQL, either in the same file (goose's `-- +goose Down`, dbmate's
 * `-- migrate:down`) or in a paired file (golang-migrate / sqlx `N_x.down.sql` beside `N_x.up.sql`,
 * diesel's `down.sql` beside `up.sql`, Flyway's undo `U1__x.sql` beside `V1__x.sql`, sqitch's `revert/`
 * and `verify/` beside `deploy/`). Read in order with the rest, it would drop the tables just created, so
 * the assessment leaves it out and says so.
 */
import type { InputFile } from "./input";

export interface RollbackSection {
  /** Char offsets: from the down marker to the next up marker or the end of the file. */
  start: number;
  end: number;
  tool: "goose" | "dbmate";
  /** The marker line as written, e.g. `-- +goose Down`. */
  marker: string;
}

// Both tools read their markers at the start of a line, wherever they are; so does this.
const DOWN = /--[ \t]*(?:\+goose[ \t]+down|migrate:down)(?![\w-])/iy;
const UP = /^--[ \t]*(?:\+goose[ \t]+up|migrate:up)(?![\w-])/gim;

/** The tool whose down marker starts at `at` (a `--` at the start of a line), if any. */
export function downMarker(text: string, at: number, lineEnd: number): RollbackSection["tool"] | undefined {
  // Most comments are not markers: one look at the character after `--` and any blanks rules them out.
  let k = at + 2;
  while (k < lineEnd && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  const c = text.charCodeAt(k) | 0x20;
  if (c !== 0x2b /* + */ && c !== 0x6d /* m */) return undefined;
  DOWN.lastIndex = at;
  const m = DOWN.exec(text);
  if (!m || m.index + m[0].length > lineEnd) return undefined;
  return /goose/i.test(m[0]) ? "goose" : "dbmate";
}

/** Where the down section that starts before `from` ends: the next up marker's line, or the end of the text. */
export function upMarkerAfter(text: string, from: number): number {
  UP.lastIndex = from;
  const m = UP.exec(text);
  return m ? m.index : text.length;
}

/** How a migration tool names the file that undoes (or, for sqitch, verifies) a forward migration. */
const PAIRS: Array<{ down: RegExp; up: (m: RegExpExecArray) => RegExp; kind: "down" | "verify" }> = [
  // golang-migrate, sqlx, refinery-style: 0001_init.down.sql ↔ 0001_init.up.sql
  { down: /^(.*)\.down\.sql$/i, up: (m) => new RegExp(`^${escape(m[1])}\\.up\\.sql$`, "i"), kind: "down" },
  // diesel: 2024-01-01-000000_init/down.sql ↔ 2024-01-01-000000_init/up.sql
  { down: /^(.*\/)?down\.sql$/i, up: (m) => new RegExp(`^${escape(m[1] ?? "")}up\\.sql$`, "i"), kind: "down" },
  // Flyway undo: U3__add_index.sql ↔ V3__add_index.sql (same version)
  {
    down: /^(.*\/)?U(\d+(?:[._]\d+)*)__.*\.sql$/,
    up: (m) => new RegExp(`^${escape(m[1] ?? "")}V${escape(m[2])}__.*\\.sql$`),
    kind: "down",
  },
  // sqitch: revert/users.sql and verify/users.sql ↔ deploy/users.sql
  { down: /^(.*\/)?revert\/(.+\.sql)$/, up: (m) => new RegExp(`^${escape(m[1] ?? "")}deploy/${escape(m[2])}$`), kind: "down" },
  { down: /^(.*\/)?verify\/(.+\.sql)$/, up: (m) => new RegExp(`^${escape(m[1] ?? "")}deploy/${escape(m[2])}$`), kind: "verify" },
];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export interface RollbackFile {
  /** The forward migration's path. */
  of: string;
  /** `down` undoes it; `verify` (sqitch) checks it after it ran. */
  kind: "down" | "verify";
}

/**
 * Inputs that undo or verify another input: path → that input. A down file without its up file is
 * kept: on its own it is what the user asked to assess.
 */
export function rollbackFiles(inputs: InputFile[]): Map<string, RollbackFile> {
  const out = new Map<string, RollbackFile>();
  if (inputs.length < 2) return out;
  const paths = inputs.map((f) => f.path.replace(/\\/g, "/"));
  inputs.forEach((f, i) => {
    for (const p of PAIRS) {
      const m = p.down.exec(paths[i]);
      if (!m) continue;
      const up = p.up(m);
      const j = paths.findIndex((q, k) => k !== i && up.test(q));
      if (j >= 0) {
        out.set(f.path, { of: inputs[j].path, kind: p.kind });
        return;
      }
    }
  });
  return out;
}
