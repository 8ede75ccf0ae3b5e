import { describe, expect, it } from "vitest";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

describe("job secrets", () => {
  it("seals a password so the queue row never holds it in clear, and opens it with the local key", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobkey-"));
    process.env.DATA_DIR = dir;
    delete process.env.DSQL_PREFLIGHT_SECRET_KEY;
    const { sealPassword, openPassword } = await import("./job-secret");
    const sealed = sealPassword("s3cret-pass")!;
    expect(sealed).not.toContain("s3cret");
    expect(JSON.stringify({ sealedPassword: sealed })).not.toContain("s3cret-pass");
    expect(openPassword(sealed)).toBe("s3cret-pass");
    expect(sealPassword(undefined)).toBeUndefined();
    expect(statSync(join(dir, "job-secret.key")).mode & 0o777).toBe(0o600);
    // A worker with another key cannot read it and says what to configure.
    expect(() => openPassword(sealed.replace(/\.[^.]+$/, ".AAAA"))).toThrow(/DSQL_PREFLIGHT_SECRET_KEY/);
  });
});
