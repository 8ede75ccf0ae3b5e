import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./trigger";

describe("trigger", () => {
  it("flags triggers and constraint triggers with their table", async () => {
    const found = await findingsOf(
      rule,
      `CREATE TABLE public.film (id int PRIMARY KEY);
CREATE TRIGGER last_updated BEFORE UPDATE ON public.film FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE CONSTRAINT TRIGGER check_it AFTER INSERT ON film FOR EACH ROW EXECUTE FUNCTION f();`,
    );
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "film.last_updated"],
      [3, "film.check_it"],
    ]);
    expect(found[1].message).toMatch(/^constraint trigger check_it on public\.film/);
  });

  it("ignores trigger-like text in strings, comments and names", async () => {
    expect(
      await findingsOf(
        rule,
        "-- CREATE TRIGGER x\nCREATE TABLE trigger_log (id int PRIMARY KEY, note text DEFAULT 'CREATE TRIGGER t');\nSELECT 'CREATE TRIGGER';",
      ),
    ).toEqual([]);
  });
});
