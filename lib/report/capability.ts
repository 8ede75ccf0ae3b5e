/**
 * What a report says about the DSQL capabilities it assessed against: the newest one on or before the
 * target date with its age, and every capability in force whose date is approximate (e.g. PL/pgSQL,
 * documented by 2026-11-24 without a published launch date), so no report presents a guess as a date.
 */
import { CAPABILITIES, capabilityAgeDays, newestCapability, type Capability } from "../rules/core/capabilities";

export interface CapabilityNote {
  id: string;
  title: string;
  since: string;
  approximate: boolean;
  note?: string;
  source: string;
  /** Days from `since` to the report's generation time. */
  ageDays: number;
}

export interface CapabilityStatus {
  newest: CapabilityNote;
  approximate: CapabilityNote[];
}

function noteOf(c: Capability, now: Date): CapabilityNote {
  return {
    id: c.id,
    title: c.title,
    since: c.since,
    approximate: c.approximate === true,
    ...(c.note ? { note: c.note } : {}),
    source: c.source,
    ageDays: capabilityAgeDays(c, now),
  };
}

export function capabilityStatus(targetDate: string, now: Date): CapabilityStatus {
  const all: Capability[] = Object.values(CAPABILITIES);
  return {
    newest: noteOf(newestCapability(targetDate), now),
    approximate: all.filter((c) => c.approximate && c.since <= targetDate).map((c) => noteOf(c, now)),
  };
}

/** One line per capability worth stating: the newest (with its age) and each approximate one. */
export function capabilityLines(s: CapabilityStatus): string[] {
  const date = (c: CapabilityNote) => (c.approximate ? `${c.since} (approximate: ${c.note ?? "no launch date published"})` : c.since);
  const lines = [`newest DSQL capability assessed: ${s.newest.title}, since ${date(s.newest)}, ${s.newest.ageDays} days old`];
  for (const c of s.approximate) if (c.id !== s.newest.id) lines.push(`capability with an approximate date: ${c.title}, since ${date(c)}`);
  return lines;
}
