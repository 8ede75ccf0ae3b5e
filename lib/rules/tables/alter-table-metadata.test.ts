import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./alter-table-metadata";

const SQL = [
  "CREATE TABLE actor (actor_id integer NOT NULL, name text, CONSTRAINT actor_pkey PRIMARY KEY (actor_id), CONSTRAINT actor_name_check CHECK (name <> ''));",
  "ALTER TABLE ONLY actor ALTER COLUMN actor_id SET DEFAULT nextval('actor_actor_id_seq'::regclass);",
  "ALTER TABLE actor ALTER COLUMN name DROP NOT NULL, ALTER COLUMN name DROP DEFAULT;",
  "ALTER TABLE actor DROP CONSTRAINT actor_name_check;",
  "ALTER TABLE actor DROP CONSTRAINT actor_pkey;",
].join("\n");

describe("alter-table-metadata", () => {
  it("flags the metadata forms before 2026-07-06, but not dropping the primary key (primary-key-change)", async () => {
    const found = await findingsOf(rule, SQL, "2026-07-05");
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "actor.actor_id"],
      [3, "actor.name"],
      [3, "actor.name"],
      [4, "actor.actor_name_check"],
    ]);
    expect(found[0].message).toContain("ALTER COLUMN actor_id SET DEFAULT on public.actor is not supported before 2026-07-06");
    expect(found[2].message).toContain("DROP DEFAULT");
  });

  it("is silent from 2026-07-06", async () => {
    expect(await findingsOf(rule, SQL, "2026-07-06")).toEqual([]);
  });
});
