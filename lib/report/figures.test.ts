import { describe, expect, test } from "vitest";
import { n } from "./figures";

describe("n", () => {
  test("groups whole numbers exactly as en-US toLocaleString does, and falls back to it for fractions", () => {
    for (const x of [0, 7, 999, 1000, -1000, 12345, 999999, 1000000, -1234567, Number.MAX_SAFE_INTEGER, 1.5, 1234.5678, -0.25])
      expect(n(x)).toBe(x.toLocaleString("en-US"));
  });
});
