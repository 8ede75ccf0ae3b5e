/**
 * package.json's engines.node must be true: every installed dependency that declares a Node range
 * accepts every Node version the project claims to run on, with no exceptions (pg-boss stays on 10.x and
 * the Prisma CLI's unused local-dev server is pinned through `overrides` for that reason).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
  packages: Record<
    string,
    { version?: string; engines?: { node?: string } | string[]; optional?: boolean; dev?: boolean; os?: string[]; cpu?: string[] }
  >;
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
    expect(refusing, `package.json says node ${pkg.engines.node}`).toEqual([]);
  });
});
