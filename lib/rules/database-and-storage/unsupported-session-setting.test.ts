import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./unsupported-session-setting";

describe("unsupported-session-setting", () => {
  it("flags SET default_transaction_read_only and its set_config form", async () => {
    const found = await findingsOf(
      rule,
      "SET statement_timeout = 0;\nSET default_transaction_read_only = on;\nSELECT set_config('default_transaction_read_only', 'on', false);",
    );
    expect(found.map((f) => f.line)).toEqual([2, 3]);
    expect(found[0].message).toContain("SET SESSION CHARACTERISTICS");
    expect(found[0].object.name).toBe("default_transaction_read_only");
  });

  it("accepts the supported spelling, RESET and similar-looking settings", async () => {
    const sql =
      "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY;\nRESET default_transaction_read_only;\nSET transaction_read_only = off;\nSET default_transaction_isolation = 'repeatable read';";
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
