import { describe, expect, it } from "vitest";
import { freePort } from "../db/embedded";
import { openReadOnly, scrub, SourceError } from "./connect";

describe("credential redaction in connection errors", () => {
  it("a refused connection keeps host and port intact whatever the password is", async () => {
    const port = await freePort();
    for (const password of ["1", "0", "x", "e", "127"]) {
      const e = await openReadOnly({ host: "127.0.0.1", port, database: "shop", user: "app", password, sslMode: "disable" }).catch(
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(SourceError);
      expect((e as SourceError).message).toBe(`nothing is listening at 127.0.0.1:${port} (connection refused)`);
    }
  });

  it("redacts credential fields, not substrings of words", () => {
    expect(scrub("timeout expired", ["x"])).toBe("timeout expired");
    expect(scrub("could not connect to postgresql://app:hunter2@db:5432/shop", ["hunter2"])).toBe(
      "could not connect to postgresql://app:***@db:5432/shop",
    );
    expect(scrub("bad conninfo: host=db password=s3cret user=app", ["s3cret"])).toBe("bad conninfo: host=db password=*** user=app");
    expect(scrub("role said 'correct-horse-battery' is wrong", ["correct-horse-battery"])).toBe("role said '***' is wrong");
    expect(scrub("password1234 is not password12345", ["password1234"])).toBe("*** is not password12345");
  });
});
