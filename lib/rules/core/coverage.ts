/**
 * Coverage of the DSQL compatibility catalog (../shared/dsql-compat.md): which rules detect each
 * numbered row of §1, and why the rows no rule detects cannot be seen in SQL text.
 */
import { EVERY_RULE } from "../all";
import type { RuleMeta } from "./rule";

export interface CatalogRow {
  row: string;
  section: string;
  feature: string;
  status: string;
}

/** Rows of the catalog's §1 tables (`| 12 | feature | status | …`) and §3 limits table. */
export function parseCatalog(markdown: string): CatalogRow[] {
  const rows: CatalogRow[] = [];
  let section = "";
  let inLimits = false;
  for (const line of markdown.split("\n")) {
    const h = /^#{2,3} (.*)/.exec(line);
    if (h) {
      section = h[1].trim();
      inLimits = /^3\. Numeric limits/.test(section);
      continue;
    }
    const numbered = /^\| (\d+) \| (.*?) \| (.*?) \|/.exec(line);
    if (numbered && /^1\./.test(section)) {
      rows.push({ row: numbered[1], section, feature: numbered[2], status: numbered[3] });
      continue;
    }
    if (inLimits) {
      const limit = /^\| ([^|]+?) \| ([^|]+?) \|/.exec(line);
      if (limit && limit[1] !== "Limit" && !/^-+$/.test(limit[1]))
        rows.push({ row: `Q:${slug(limit[1])}`, section, feature: limit[1], status: limit[2] });
    }
  }
  return rows;
}

export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function rulesByRow(rules: RuleMeta[] = EVERY_RULE): Map<string, RuleMeta[]> {
  const m = new Map<string, RuleMeta[]>();
  for (const r of rules)
    for (const row of r.catalogRows) {
      const k = String(row);
      m.set(k, [...(m.get(k) ?? []), r]);
    }
  return m;
}
