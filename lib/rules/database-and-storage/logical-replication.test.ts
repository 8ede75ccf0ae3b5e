import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./logical-replication";

const BAD =
  "CREATE PUBLICATION app_pub FOR ALL TABLES;\nALTER PUBLICATION app_pub ADD TABLE t;\nCREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION app_pub;\nSELECT pg_create_logical_replication_slot('s', 'pgoutput');";

describe("logical-replication", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "app_pub"],
      [2, "app_pub"],
      [3, "s"],
      [4, ""],
    ]);
    expect(found[0].message).toContain("CREATE PUBLICATION app_pub");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "CREATE TABLE publication (id int);\nSELECT 'CREATE PUBLICATION p';")).toEqual([]);
  });
});
