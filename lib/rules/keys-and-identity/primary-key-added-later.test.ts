import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./primary-key-added-later";

describe("primary-key-added-later", () => {
  it("flags pg_dump's ALTER TABLE ONLY … ADD CONSTRAINT … PRIMARY KEY, at the constraint", async () => {
    const sql =
      "CREATE TABLE public.actor (actor_id integer NOT NULL);\n\nALTER TABLE ONLY public.actor\n    ADD CONSTRAINT actor_pkey PRIMARY KEY (actor_id);\nALTER TABLE t2 ADD PRIMARY KEY (a, b);";
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.column, f.object.name])).toEqual([
      [4, 9, "actor.actor_pkey"],
      [5, 20, "t2.primary key"],
    ]);
    expect(found[0].message).toContain("primary key actor_pkey (actor_id) is added to public.actor after CREATE TABLE");
    expect(found[0].fix).toBe("auto");
  });

  it("accepts primary keys inside CREATE TABLE and other added constraints", async () => {
    const sql =
      "CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int, CONSTRAINT b_pkey PRIMARY KEY (id));\nALTER TABLE b ADD CONSTRAINT b_chk CHECK (id > 0) NOT VALID;\nALTER TABLE b ADD PRIMARY KEY USING INDEX b_idx;";
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
