/**
 * Aurora DSQL's capability timeline (../shared/dsql-compat.md §0). Rules name the capability that
 * retires or enables them instead of hard-coding today's behaviour, so an assessment can target any date:
 * a feature supported by the target date makes its blocker disappear; an older date brings it back.
 */
import { SOURCES } from "./sources";

export interface Capability {
  id: string;
  /** First date (UTC, YYYY-MM-DD) on which DSQL supports it. */
  since: string;
  title: string;
  source: string;
  /**
   * The date is not a published launch date but the first day the capability was seen documented:
   * reports must say so (with `note`) instead of presenting the date as fact.
   */
  approximate?: boolean;
  /** How the date was established, shown next to an approximate date. */
  note?: string;
}

export const CAPABILITIES = {
  generalAvailability: {
    id: "general-availability",
    since: "2025-05-27",
    title: "General availability (PostgreSQL 16 compatible)",
    source: SOURCES.RN,
  },
  numericKeys: { id: "numeric-keys", since: "2026-02-03", title: "NUMERIC in primary keys and secondary indexes", source: SOURCES.RN },
  sequences: {
    id: "sequences",
    since: "2026-02-13",
    title: "CREATE/ALTER/DROP SEQUENCE, identity columns, nextval/currval/setval",
    source: SOURCES.RN,
  },
  startTransactionAliases: {
    id: "start-transaction",
    since: "2026-03-13",
    title: "START TRANSACTION, END/ABORT aliases; \\copy loading documented",
    source: SOURCES.DH,
  },
  uniqueUsingIndex: {
    id: "unique-using-index",
    since: "2026-04-20",
    title: "ALTER TABLE … ADD CONSTRAINT … UNIQUE USING INDEX",
    source: SOURCES.DH,
  },
  defaultPrivileges: {
    id: "default-privileges",
    since: "2026-04-24",
    title: "ALTER DEFAULT PRIVILEGES; ALTER ROLE/USER … RENAME; ALTER/DROP ROUTINE",
    source: SOURCES.RN,
  },
  json: { id: "json", since: "2026-05-04", title: "json column type", source: SOURCES.RN },
  jsonb: { id: "jsonb", since: "2026-06-08", title: "jsonb column type", source: SOURCES.RN },
  alterTableMetadata: {
    id: "alter-table-metadata",
    since: "2026-07-06",
    title: "ALTER TABLE SET/DROP DEFAULT, DROP NOT NULL, DROP EXPRESSION, ADD GENERATED AS IDENTITY, DROP CONSTRAINT",
    source: SOURCES.RN,
  },
  notValidChecks: {
    id: "not-valid-constraints",
    since: "2026-08-03",
    title: "ADD CONSTRAINT … NOT VALID + ALTER TABLE ASYNC … VALIDATE CONSTRAINT; DROP COLUMN",
    source: SOURCES.RN,
  },
  expressionIndexes: {
    id: "expression-indexes",
    since: "2026-08-13",
    title: "Expression indexes (immutable functions)",
    source: SOURCES.RN,
  },
  numericPrecision1000: {
    id: "numeric-precision-1000",
    since: "2026-08-25",
    title: "NUMERIC precision up to 1000; SELECT … FOR KEY SHARE",
    source: SOURCES.RN,
  },
  foreignKeys: {
    id: "foreign-keys",
    since: "2026-08-26",
    title: "FOREIGN KEY constraints (all referential actions)",
    source: SOURCES.WN_FK,
  },
  statistics: { id: "extended-statistics", since: "2026-08-27", title: "CREATE/ALTER/DROP STATISTICS (5 per table)", source: SOURCES.RN },
  partialIndexes: { id: "partial-indexes", since: "2026-09-15", title: "Partial indexes (CREATE INDEX ASYNC … WHERE)", source: SOURCES.RN },
  // The User Guide page is undated, release notes up to 2026-09-15 say nothing and live tests still
  // rejected plpgsql on 2026-09-23: the date is the day the page was seen, not a launch date.
  plpgsql: {
    id: "plpgsql",
    since: "2026-11-24",
    title: "PL/pgSQL functions and procedures, user CALL and DO blocks",
    source: SOURCES.PLPGSQL,
    approximate: true,
    note: "documented by 2026-11-24; AWS has not published a launch date",
  },
} satisfies Record<string, Capability>;

/** The newest capability date in the catalog: the default assessment target. */
export const LATEST_CAPABILITY_DATE: string = Object.values(CAPABILITIES)
  .map((c) => c.since)
  .sort()
  .at(-1)!;

/** The newest capability in the catalog on or before a target date (what the assessment is "as of"). */
export function newestCapability(targetDate: string): Capability {
  const all: Capability[] = Object.values(CAPABILITIES);
  return (
    all
      .filter((c) => c.since <= targetDate)
      .sort((a, b) => a.since.localeCompare(b.since))
      .at(-1) ?? CAPABILITIES.generalAvailability
  );
}

/** A capability's date as reports print it: exact dates plain, approximate ones with how they were established. */
export function capabilityDateText(cap: Capability): string {
  return cap.approximate ? `${cap.since} (approximate: ${cap.note ?? "no launch date published"})` : cap.since;
}

/** Whole days from a capability's date to `now` (its age when the report was made). */
export function capabilityAgeDays(cap: Capability, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(`${cap.since}T00:00:00Z`)) / 86_400_000));
}

export function isSupported(cap: Capability, targetDate: string): boolean {
  return targetDate >= cap.since;
}

export function isValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
