import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./listen-notify";

const BAD =
  "LISTEN film_changed;\nNOTIFY film_changed, '42';\nUNLISTEN *;\nSELECT pg_notify('c', 'x');\nCREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NOTIFY c; RETURN NULL; END $$;";

describe("listen-notify", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "film_changed"],
      [2, "film_changed"],
      [3, "*"],
      [4, ""],
      [5, "f"],
    ]);
    expect(found[0].message).toContain("LISTEN film_changed");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(
      await findingsOf(
        rule,
        "SELECT 'NOTIFY x';\nCREATE TABLE notify (listen int);\nCREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ DECLARE notify_count int; BEGIN RETURN 1; END $$;",
      ),
    ).toEqual([]);
  });
});
