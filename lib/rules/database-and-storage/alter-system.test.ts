import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./alter-system";

describe("alter-system", () => {
  it("flags ALTER SYSTEM, ALTER ROLE … SET and ALTER DATABASE … SET", async () => {
    const sql =
      "ALTER SYSTEM SET work_mem = '64MB';\nALTER ROLE app SET search_path = app, public;\nALTER DATABASE postgres SET timezone = 'UTC';\nALTER ROLE app IN DATABASE postgres RESET ALL;";
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.kind, f.object.name])).toEqual([
      [1, "setting", "work_mem"],
      [2, "role", "app"],
      [3, "database", "postgres"],
      [4, "role", "app"],
    ]);
    expect(found[1].message).toContain("ALTER ROLE app SET search_path");
  });

  it("accepts session SET and role renames", async () => {
    expect(await findingsOf(rule, "SET work_mem = '64MB';\nSET search_path = app, public;\nALTER ROLE app RENAME TO application;")).toEqual(
      [],
    );
  });
});
