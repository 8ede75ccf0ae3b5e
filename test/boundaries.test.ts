/**
 * Layering: the engine (lib/) never reaches into the UI (components/, app/), and the store never reaches
 * up into the queue (lib/jobs/). Checked on the import specifiers of every source file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes("generated/"))
    .map((f) => join(dir, f));
}

/** Repository-relative paths a file imports (relative and @/ specifiers; packages are left out). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+|export\s+\*\s+from\s+)["']([^"']+)["']/g)) {
    const spec = m[1];
    if (spec.startsWith("@/")) out.push(spec.slice(2));
    else if (spec.startsWith(".")) out.push(relative(root, resolve(root, dirname(file), spec)));
  }
  return out;
}

function violations(files: string[], forbidden: RegExp): string[] {
  return files.flatMap((f) =>
    importsOf(f)
      .filter((i) => forbidden.test(i))
      .map((i) => `${f} → ${i}`),
  );
}

describe("import boundaries", () => {
  it("finds the imports it checks", () => {
    expect(importsOf("lib/pipeline/assess.ts")).toContain("lib/analyze");
    expect(importsOf("components/charts.tsx")).toContain("lib/report/vocabulary");
  });

  it("lib/ imports nothing from components/ or app/", () => {
    expect(violations(sources("lib"), /^(components|app)(\/|$)/)).toEqual([]);
  });

  it("the store imports nothing from the queue (lib/jobs/)", () => {
    expect(violations(sources("lib/store"), /^lib\/jobs(\/|$)/)).toEqual([]);
  });
});
