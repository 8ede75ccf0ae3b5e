import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./newer-postgres-feature";

const summary = (found: Awaited<ReturnType<typeof findingsOf>>) => found.map((f) => [f.line, f.fix, f.message.split(" is PostgreSQL")[0]]);

describe("newer-postgres-feature", () => {
  it("flags the transaction_timeout setting pg_dump 17 and 18 write, as SET and as set_config", async () => {
    const header = [
      "SET statement_timeout = 0;",
      "SET lock_timeout = 0;",
      "SET idle_in_transaction_session_timeout = 0;",
      "SET transaction_timeout = 0;",
      "SELECT pg_catalog.set_config('transaction_timeout', '0', false);",
      "SELECT pg_catalog.set_config('search_path', '', false);",
      "RESET transaction_timeout;",
    ].join("\n");
    const found = await findingsOf(rule, header);
    expect(summary(found)).toEqual([
      [4, "auto", "setting transaction_timeout"],
      [5, "auto", "setting transaction_timeout"],
    ]);
    expect(found[0].message).toBe("setting transaction_timeout is PostgreSQL 17 (DSQL is PostgreSQL 16 compatible): drop the SET");
  });

  it("flags PostgreSQL 18 constraints: NOT ENFORCED, table-level NOT NULL, temporal keys", async () => {
    const sql = [
      "CREATE TABLE booking (",
      "  id bigint PRIMARY KEY, room int, during tstzrange, note text CHECK (note <> '') NOT ENFORCED,",
      "  CONSTRAINT room_known CHECK (room > 0) NOT ENFORCED,",
      "  CONSTRAINT room_required NOT NULL room,",
      "  CONSTRAINT no_double UNIQUE (room, during WITHOUT OVERLAPS));",
      "CREATE TABLE stay (id bigint PRIMARY KEY, room int NOT NULL, during tstzrange, guest int,",
      "  FOREIGN KEY (room, PERIOD during) REFERENCES booking (room, PERIOD during));",
      "ALTER TABLE stay ADD CONSTRAINT stay_booking FOREIGN KEY (guest) REFERENCES booking (id) NOT ENFORCED;",
      "ALTER TABLE stay ADD CONSTRAINT stay_room_nn NOT NULL room;",
      "ALTER TABLE stay ADD CONSTRAINT stay_guest_nn NOT NULL guest;",
    ].join("\n");
    expect(summary(await findingsOf(rule, sql))).toEqual([
      [2, "auto", "a column constraint NOT ENFORCED"],
      [3, "auto", "CHECK … NOT ENFORCED"],
      [4, "auto", "a table-level NOT NULL constraint (CONSTRAINT room_required NOT NULL room)"],
      [5, "manual", "a key WITHOUT OVERLAPS"],
      [7, "manual", "a FOREIGN KEY with PERIOD"],
      [8, "auto", "FOREIGN KEY … NOT ENFORCED"],
      // Already NOT NULL in CREATE TABLE: the statement can go. On a nullable column it is SET NOT NULL.
      [9, "auto", "a table-level NOT NULL constraint (CONSTRAINT stay_room_nn NOT NULL room)"],
      [10, "manual", "a table-level NOT NULL constraint (CONSTRAINT stay_guest_nn NOT NULL guest)"],
    ]);
  });

  it("flags PostgreSQL 17 and 18 functions, statements and ALTER forms; a call in a column default is the mechanical case", async () => {
    const sql = [
      "CREATE TABLE event (id uuid PRIMARY KEY DEFAULT uuidv7(), body jsonb, total int GENERATED ALWAYS AS (1) STORED);",
      "CREATE VIEW recent AS SELECT uuid_extract_timestamp(id) AS at, JSON_VALUE(body, '$.kind') AS kind FROM event;",
      "CREATE VIEW rows AS SELECT jt.* FROM event, JSON_TABLE(body, '$[*]' COLUMNS (k text PATH '$.k')) jt;",
      "ALTER TABLE event ALTER COLUMN total SET EXPRESSION AS (2);",
      "MERGE INTO event e USING event s ON e.id = s.id WHEN NOT MATCHED BY SOURCE THEN DELETE RETURNING e.id;",
      "INSERT INTO event (id) VALUES (uuidv7(interval '-1 hour'));",
    ].join("\n");
    expect(summary(await findingsOf(rule, sql))).toEqual([
      [1, "auto", "uuidv7()"],
      [2, "manual", "uuid_extract_timestamp()"],
      [2, "manual", "JSON_VALUE"],
      [3, "manual", "JSON_TABLE"],
      [4, "manual", "ALTER COLUMN total SET EXPRESSION"],
      [5, "manual", "MERGE … RETURNING"],
      [5, "manual", "MERGE … WHEN NOT MATCHED BY SOURCE"],
      [6, "manual", "uuidv7()"],
    ]);
  });

  it("leaves PostgreSQL 16 forms alone: NOT VALID, domain checks, named column NOT NULL, older settings, a schema's own uuidv7()", async () => {
    const sql = [
      "SET statement_timeout = 0;",
      "CREATE DOMAIN positive AS int CONSTRAINT positive_check CHECK (VALUE > 0);",
      "CREATE TABLE t (id bigint PRIMARY KEY, n int CONSTRAINT n_required NOT NULL, m int REFERENCES t ON DELETE CASCADE, CHECK (n > 0));",
      "ALTER TABLE t ADD CONSTRAINT t_m_check CHECK (m > 0) NOT VALID;",
      "ALTER TABLE ONLY t ADD CONSTRAINT t_m_fkey FOREIGN KEY (m) REFERENCES t (id) NOT VALID;",
      "CREATE FUNCTION uuidv7() RETURNS uuid LANGUAGE sql AS 'SELECT gen_random_uuid()';",
      "CREATE TABLE u (id uuid PRIMARY KEY DEFAULT uuidv7());",
      "SELECT jsonb_path_query_first('{}'::jsonb, '$.a');",
    ].join("\n");
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
