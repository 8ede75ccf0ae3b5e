import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./sequence-before-support";

const SQL = [
  "CREATE SEQUENCE public.actor_id_seq AS integer START WITH 1 CACHE 1;",
  "ALTER SEQUENCE public.actor_id_seq OWNED BY public.actor.actor_id;",
  "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY (CACHE 1), item text);",
  "SELECT nextval('public.actor_id_seq');",
].join("\n");

describe("sequence-before-support", () => {
  it("flags sequences, identity columns and sequence functions before 2026-02-13", async () => {
    const found = await findingsOf(rule, SQL, "2026-02-12");
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "actor_id_seq"],
      [3, "orders"],
      [4, ""],
    ]);
    expect(found[2].message).toContain("nextval()");
    expect(found[2].column).toBe(8);
  });

  it("is silent from 2026-02-13, and for OWNED BY or columns named like sequences", async () => {
    expect(await findingsOf(rule, SQL, "2026-02-13")).toEqual([]);
    expect(
      await findingsOf(rule, "ALTER SEQUENCE s OWNED BY t.id;\nCREATE TABLE t (nextval int, serial_number text);", "2025-06-01"),
    ).toEqual([]);
  });
});
