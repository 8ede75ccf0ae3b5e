/**
 * pg_dump --section=pre-data / data / post-data writes one dump in three files that only work in that order:
 * tables, then their rows, then the keys, indexes and triggers on them. Named by the section
 * (`app-pre-data.sql`, `app-post-data.sql`) they sort the wrong way round, and the keys would be read before
 * the tables they belong to. Each file says what it holds in pg_dump's entry headers
 * (`-- Name: actor actor_pkey; Type: CONSTRAINT; …`), so the inputs are put in section order from those.
 */
import type { InputFile } from "./input";

/** Entry types pg_dump writes in the post-data section (src/bin/pg_dump: SECTION_POST_DATA). */
const POST_DATA = new Set([
  "CONSTRAINT",
  "FK CONSTRAINT",
  "CHECK CONSTRAINT",
  "INDEX",
  "INDEX ATTACH",
  "TRIGGER",
  "EVENT TRIGGER",
  "RULE",
  "POLICY",
  "ROW SECURITY",
  "PUBLICATION",
  "PUBLICATION TABLE",
  "PUBLICATION TABLES IN SCHEMA",
  "SUBSCRIPTION",
  "STATISTICS",
  "MATERIALIZED VIEW DATA",
]);
const DATA = new Set(["TABLE DATA", "SEQUENCE SET", "BLOB DATA", "LARGE OBJECT", "BLOBS"]);
/** Entries that follow their object into whichever section it is in. */
const EITHER = new Set(["ACL", "COMMENT", "SECURITY LABEL", "DEFAULT ACL"]);

const ENTRY = /^-- (?:Data for )?Name: [^\n]*?; Type: ([A-Z][A-Z ]*?); Schema:/gm;

export type DumpSection = "pre-data" | "data" | "post-data";

/** The section a pg_dump file holds when it holds one section only; undefined for anything else. */
export function dumpSection(text: string): DumpSection | undefined {
  let post = false;
  let data = false;
  let other = false;
  for (const m of text.matchAll(ENTRY)) {
    const t = m[1];
    if (POST_DATA.has(t)) post = true;
    else if (DATA.has(t)) data = true;
    else if (!EITHER.has(t)) other = true;
    if (Number(post) + Number(data) + Number(other) > 1) return undefined;
  }
  return post ? "post-data" : data ? "data" : other ? "pre-data" : undefined;
}

const RANK: Record<DumpSection, number> = { "pre-data": 0, data: 1, "post-data": 2 };

/**
 * The inputs with pg_dump's data and post-data section files after the others (stable otherwise), and
 * a note naming what moved; the inputs unchanged when no section file comes too early.
 */
export function inSectionOrder(files: InputFile[]): { files: InputFile[]; note?: string } {
  if (files.length < 2) return { files };
  const ranked = files.map((f, i) => {
    const section = dumpSection(f.text);
    return { f, i, section, rank: section ? RANK[section] : 0 };
  });
  const sorted = [...ranked].sort((a, b) => a.rank - b.rank || a.i - b.i);
  if (sorted.every((x, k) => x.i === k)) return { files };
  const moved = sorted.filter((x, k) => x.i !== k && x.section && x.rank > 0);
  return {
    files: sorted.map((x) => x.f),
    note: `read ${moved.map((x) => `${x.f.path} (pg_dump --section=${x.section})`).join(", ")} after the other inputs: a later section needs the tables of the earlier ones`,
  };
}
