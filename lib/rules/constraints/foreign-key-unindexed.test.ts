import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./foreign-key-unindexed";

describe("foreign-key-unindexed", () => {
  it("flags foreign keys whose columns do not lead any index or key", async () => {
    const sql = [
      "CREATE TABLE customer (id int PRIMARY KEY);",
      "CREATE TABLE store (id int PRIMARY KEY);",
      "CREATE TABLE rental (id int PRIMARY KEY, customer_id int, store_id int, note text);",
      "CREATE INDEX ASYNC rental_note_customer ON rental (note, customer_id);",
      "ALTER TABLE rental ADD CONSTRAINT rental_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id) NOT VALID;",
      "ALTER TABLE rental ADD CONSTRAINT rental_store_fk FOREIGN KEY (store_id) REFERENCES store (id) NOT VALID;",
      "CREATE INDEX ASYNC rental_store ON rental (store_id, note);",
    ].join("\n");
    const found = await findingsOf(rule, sql);
    expect(found).toHaveLength(1);
    expect([found[0].line, found[0].object.name, found[0].severity]).toEqual([5, "rental.rental_customer_fk", "advice"]);
    expect(found[0].message).toContain("(customer_id) has no index");
  });

  it("counts primary keys, unique constraints, multi-column and partial indexes in any order; silent before foreign keys", async () => {
    const sql = [
      "CREATE TABLE film_actor (actor_id int REFERENCES actor, film_id int REFERENCES film, PRIMARY KEY (actor_id, film_id));",
      "CREATE TABLE x (a int, b int, c int REFERENCES c, UNIQUE (c), FOREIGN KEY (b, a) REFERENCES ab (b, a));",
      "CREATE INDEX ASYNC x_ab ON x (a, b);",
      "CREATE INDEX ASYNC film_actor_film ON film_actor (film_id);",
      "CREATE TABLE y (id int PRIMARY KEY, parent_id int REFERENCES y, kind int, FOREIGN KEY (kind, id) REFERENCES k (kind, id));",
      "CREATE INDEX ASYNC y_parent ON y (parent_id) WHERE parent_id IS NOT NULL;",
      "CREATE INDEX ASYNC y_kind ON y (kind, id, parent_id) WHERE kind > 0;",
    ].join("\n");
    expect(await findingsOf(rule, sql)).toEqual([]);
    expect(await findingsOf(rule, "CREATE TABLE r (id int PRIMARY KEY, c int REFERENCES c);", "2026-08-01")).toEqual([]);
  });
});
