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
}

export const CAPABILITIES = {
  generalAvailability: { id: "general-availability", since: "2025-05-27", title: "General availability (PostgreSQL 16 compatible)", source: SOURCES.RN },
  numericKeys: { id: "numeric-keys", since: "2026-02-03", title: "NUMERIC in primary keys and secondary indexes", source: SOURCES.RN },
  sequences: { id: "sequences", since: "2026-02-13", title: "CREATE/ALTER/DROP SEQUENCE, identity columns, nextval/currval/setval", source: SOURCES.RN },
  startTransactionAliases: { id: "start-transaction", since: "2026-03-13", title: "START TRANSACTION, END/ABORT aliases; \\copy loading documented", source: SOURCES.DH },
  uniqueUsingIndex: { id: "unique-using-index", since: "2026-04-20", title: "ALTER TABLE … ADD CONSTRAINT … UNIQUE USING INDEX", source: SOURCES.DH },
  defaultPrivileges: { id: "default-privileges", since: "2026-04-24", title: "ALTER DEFAULT PRIVILEGES; ALTER ROLE/USER … RENAME; ALTER/DROP ROUTINE", source: SOURCES.RN },
  json: { id: "json", since: "2026-05-04", title: "json column type", source: SOURCES.RN },
  jsonb: { id: "jsonb", since: "2026-06-08", title: "jsonb column type", source: SOURCES.RN },
  alterTableMetadata: { id: "alter-table-metadata", since: "2026-07-06", title: "ALTER TABLE SET/DROP DEFAULT, DROP NOT NULL, DROP EXPRESSION, ADD GENERATED AS IDENTITY, DROP CONSTRAINT", source: SOURCES.RN },
  notValidChecks: { id: "not-valid-constraints", since: "2026-08-03", title: "ADD CONSTRAINT … NOT VALID + ALTER TABLE ASYNC … VALIDATE CONSTRAINT; DROP COLUMN", source: SOURCES.RN },
  expressionIndexes: { id: "expression-indexes", since: "2026-08-13", title: "Expression indexes (immutable functions)", source: SOURCES.RN },
  numericPrecision1000: { id: "numeric-precision-1000", since: "2026-08-25", title: "NUMERIC precision up to 1000; SELECT … FOR KEY SHARE", source: SOURCES.RN },
  foreignKeys: { id: "foreign-keys", since: "2026-08-26", title: "FOREIGN KEY constraints (all referential actions)", source: SOURCES.WN_FK },
  statistics: { id: "extended-statistics", since: "2026-08-27", title: "CREATE/ALTER/DROP STATISTICS (5 per table)", source: SOURCES.RN },
  partialIndexes: { id: "partial-indexes", since: "2026-09-15", title: "Partial indexes (CREATE INDEX ASYNC … WHERE)", source: SOURCES.RN },
} satisfies Record<string, Capability>;

/** The newest capability date in the catalog: the default assessment target. */
export const LATEST_CAPABILITY_DATE: string = Object.values(CAPABILITIES)
  .map((c) => c.since)
  .sort()
  .at(-1)!;

export function isSupported(cap: Capability, targetDate: string): boolean {
  return targetDate >= cap.since;
}

export function isValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
