/**
 * Human labels for the measured facts the report carries (hotspot and finding evidence, the source
 * section), so pages never show raw field names such as keyKind or serverVersionNum.
 */
const EVIDENCE_LABEL: Record<string, string> = {
  keyColumn: "Key column",
  keyKind: "Key",
  insertsPerSec: "Inserts/s",
  updatesPerSec: "Updates/s",
  liveRows: "Live rows",
  updatesPerRowPerSec: "Updates per row per second",
  counterUpdateCalls: "Counter updates",
  forUpdateCallsPerSec: "FOR UPDATE calls/s",
  calls: "Calls",
  rows: "Rows",
  meanMs: "Mean ms",
  maxMs: "Max ms",
};

const KEY_KIND: Record<string, string> = {
  identity: "identity column",
  sequence: "sequence default",
  serial: "serial column",
  timestamp: "timestamp",
  "time-ordered-uuid": "time-ordered UUID",
};

/** "keyKind" → "Key"; unknown keys are split into words ("rowsPerCall" → "Rows per call"). */
export function evidenceLabel(key: string): string {
  return (
    EVIDENCE_LABEL[key] ??
    key
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .replace(/^./, (c) => c.toUpperCase())
  );
}

export function evidenceValue(key: string, v: string | number): string {
  if (key === "keyKind" && typeof v === "string") return KEY_KIND[v] ?? v;
  return typeof v === "number" ? v.toLocaleString("en", { maximumFractionDigits: 2 }) : v;
}

/** An ISO timestamp as people read it: "24 Nov 2026, 12:17 UTC". */
export function readableTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })}, ${d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" })} UTC`;
}
