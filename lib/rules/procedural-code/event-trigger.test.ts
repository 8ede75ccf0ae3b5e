import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./event-trigger";

const BAD = "CREATE EVENT TRIGGER audit ON ddl_command_end EXECUTE FUNCTION audit();\nALTER EVENT TRIGGER audit DISABLE;";

describe("event-trigger", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "audit"],
      [2, "audit"],
    ]);
    expect(found[0].message).toContain("event trigger audit");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "CREATE TRIGGER event_trigger AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();")).toEqual([]);
  });
});
