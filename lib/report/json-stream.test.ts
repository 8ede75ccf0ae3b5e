import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assessUploads } from "../pipeline/uploads";
import { withFigures } from "./figures";
import { jsonUtf8Chunks, streamJson, writeJsonFile } from "./json-stream";
import type { Assessed } from "../pipeline/artifacts";

const corpus = join(__dirname, "..", "..", "..", "shared", "corpus");

function streamed(value: unknown, space = 0): string | undefined {
  const pieces: string[] = [];
  return streamJson(value, (p) => pieces.push(p), space) ? pieces.join("") : undefined;
}

function decoded(chunks: Uint8Array[]): string {
  return Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))).toString("utf8");
}

describe("streamJson writes exactly what JSON.stringify returns", () => {
  let assessed: Assessed;
  beforeAll(async () => {
    // A real report with rewrites, findings and non-ASCII text (→, ×, …) in its messages.
    const bytes = new Uint8Array(readFileSync(join(corpus, "pagila-schema.sql")));
    assessed = await assessUploads([{ name: "pagila-schema.sql", bytes }], { targetDate: "2026-09-15", keyStrategy: "uuid" }, () => {});
  });

  it("for a whole corpus report, compact and indented (the stored form and the CLI's report.json)", () => {
    const full = withFigures(assessed.report);
    expect(full.findings.length).toBeGreaterThan(10);
    expect(streamed(full)).toBe(JSON.stringify(full));
    expect(streamed(full, 2)).toBe(JSON.stringify(full, null, 2));
    expect(decoded(jsonUtf8Chunks(full))).toBe(JSON.stringify(full));
    expect(decoded(jsonUtf8Chunks(assessed.artifacts))).toBe(JSON.stringify(assessed.artifacts));
    const dir = mkdtempSync(join(tmpdir(), "json-stream-"));
    try {
      writeJsonFile(join(dir, "report.json"), full, 2, "\n");
      expect(readFileSync(join(dir, "report.json"), "utf8")).toBe(JSON.stringify(full, null, 2) + "\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("for the values JSON.stringify treats specially", () => {
    const values: unknown[] = [
      { a: undefined, b: () => 1, c: Symbol("s"), d: null, e: [undefined, () => 1, , 3], f: {} },
      [[], {}, [[[[1, { deep: [2] }]]]], 'é→\n"q"'],
      { when: new Date(0), map: new Map([[1, 2]]), boxed: Object.assign(Object.create(null), { x: 1 }) },
      { toJSON: () => ({ replaced: true }) },
      "text",
      42,
      null,
    ];
    for (const v of values) {
      expect(streamed(v)).toBe(JSON.stringify(v));
      expect(streamed(v, 2)).toBe(JSON.stringify(v, null, 2));
    }
    expect(streamed(undefined)).toBeUndefined();
    expect(decoded(jsonUtf8Chunks(undefined))).toBe("null");
  });

  it("splits a large value into several chunks that decode to the same text", () => {
    const big = { rows: Array.from({ length: 60_000 }, (_, i) => ({ i, text: `row ${i} → ${"x".repeat(20)}` })) };
    const chunks = jsonUtf8Chunks(big);
    expect(chunks.length).toBeGreaterThan(1);
    // Each chunk owns its buffer, so it can be transferred to another thread.
    for (const c of chunks) expect(c.byteOffset === 0 && c.byteLength === c.buffer.byteLength).toBe(true);
    expect(decoded(chunks)).toBe(JSON.stringify(big));
  });
});
