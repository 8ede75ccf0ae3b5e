import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./non-utf8-encoding";

describe("non-utf8-encoding", () => {
  it("flags CREATE DATABASE with another encoding, not a client encoding", async () => {
    const sql = "SET client_encoding = 'LATIN1';\nCREATE DATABASE legacy ENCODING 'LATIN9';";
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => f.line)).toEqual([2]);
    expect(found[0].message).toContain("database legacy");
  });

  it("accepts UTF-8 databases", async () => {
    expect(await findingsOf(rule, "CREATE DATABASE app ENCODING 'UTF8';\nCREATE DATABASE b ENCODING 'unicode';")).toEqual([]);
  });
});
