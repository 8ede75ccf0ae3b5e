/**
 * package.json's engines.node must be true: every installed dependency that declares a Node range
 * accepts every Node version the project claims to run on. The exceptions are listed with why they are
 * safe and which tests run them on the lowest declared Node; an exception that no longer fails is
 * reported too, so the list cannot go stale.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean; dev?: boolean; os?: string[]; cpu?: string[] }>;
};

const EXCEPTIONS: Record<string, string> = {
  // Heartbeats (a crashed worker's job is retried within a minute, not after the 30-minute expiry) exist
  // only from pg-boss 11, which declares Node >= 22. It uses no API missing from Node 20.19 (it is plain
  // ESM; AbortSignal.any is in Node 20.3); lib/jobs/*.test.ts and test/integration/crash-restart.test.ts
  // run it on Node 20.
  "pg-boss": "runtime: needs heartbeats; runs on Node 20.19 (see the comment above)",
  // Pulled in by the prisma CLI's local development server (@prisma/dev), which this project never
  // starts: migrations run through @prisma/schema-engine-wasm (scripts/db-migration.ts).
  "@prisma/streams-local": "dev-only, never loaded",
};

/** Installed packages (this platform's optional binaries only) with the Node range they declare. */
function declaredRanges(): Array<{ name: string; version: string; range: string }> {
  const out: Array<{ name: string; version: string; range: string }> = [];
  for (const [path, info] of Object.entries(lock.packages)) {
    if (!path || !existsSync(join(root, path, "package.json"))) continue;
    const range = !Array.isArray(info.engines) ? info.engines?.node : undefined;
    if (!range) continue;
    out.push({ name: path.replace(/^.*node_modules\//, ""), version: info.version ?? "?", range });
  }
  return out;
}

describe("declared Node engines", () => {
  it("package.json engines.node is a valid range that includes the Node running the suite", () => {
    expect(semver.validRange(pkg.engines.node)).toBeTruthy();
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });

  it("every installed dependency accepts every Node version package.json claims", () => {
    const refusing = declaredRanges()
      .filter((d) => !semver.subset(pkg.engines.node, d.range))
      .map((d) => `${d.name}@${d.version} requires node ${d.range}`);
    const unexplained = refusing.filter((r) => !Object.keys(EXCEPTIONS).some((name) => r.startsWith(`${name}@`)));
    expect(unexplained, `package.json says node ${pkg.engines.node}`).toEqual([]);
    const stale = Object.keys(EXCEPTIONS).filter((name) => !refusing.some((r) => r.startsWith(`${name}@`)));
    expect(stale, "exceptions that are no longer needed").toEqual([]);
  });
});
