import { describe, expect, it } from "vitest";
import { parseConnectionUri } from "./connection-uri";

describe("parseConnectionUri", () => {
  it("fills host, port, database, user, password and sslmode", () => {
    expect(parseConnectionUri("postgresql://app%40corp:s%3Acret@db.example.internal:6432/shop?sslmode=verify-full")).toEqual({
      fields: { host: "db.example.internal", port: "6432", database: "shop", user: "app@corp", password: "s:cret", sslmode: "verify-full" },
    });
    expect(parseConnectionUri("postgres://u@[::1]/d?sslmode=allow")).toEqual({
      fields: { host: "::1", database: "d", user: "u", sslmode: "prefer" },
    });
  });
  it("says what is wrong instead of guessing", () => {
    expect(parseConnectionUri("mysql://u@h/d")).toEqual({ error: expect.stringContaining("starts with postgresql://") });
    expect(parseConnectionUri("postgresql://u@h/d?sslmode=sometimes")).toEqual({
      error: expect.stringContaining('Unknown sslmode "sometimes"'),
    });
    expect(parseConnectionUri("postgresql://u@h:99999/d")).toEqual({ error: expect.stringContaining("could not be read") });
  });
});
