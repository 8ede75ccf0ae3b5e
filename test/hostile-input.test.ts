/**
 * Archives that lie about their sizes and inputs without statements: refused with a message naming the
 * problem, never analysed into an empty "ready" verdict.
 */
import { spawnSync, execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { assessUploads } from "../lib/pipeline/uploads";
import { InputError } from "../lib/ingest/input";
import { inputsFromBytes } from "../lib/ingest/sources";
import { buildReport } from "../lib/report/contract";
import { emptyModel } from "../lib/model/schema";

const root = join(__dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "hostile-"));
const MB = 1024 * 1024;

/** A real zip of `size` bytes of SQL whitespace whose local and central headers both claim 100 bytes. */
function lyingZip(size: number): Uint8Array {
  const body = new Uint8Array(size).fill(0x20);
  body.set(new TextEncoder().encode("SELECT 1;\n"));
  const zip = zipSync({ "bomb.sql": body }, { level: 1 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, 100, true); // local header: uncompressed size
    if (sig === 0x02014b50) view.setUint32(i + 24, 100, true); // central directory: uncompressed size
  }
  return zip;
}

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("zip archives whose headers lie", () => {
  it("stops at the limit while inflating and says so", () => {
    const zip = lyingZip(60 * MB);
    expect(zip.length).toBeLessThan(MB);
    const e = errorOf(() => inputsFromBytes("upload.zip", zip));
    expect(e.code).toBe("too-large");
    expect(e.message).toContain("upload.zip/bomb.sql");
    expect(e.message).toMatch(/expands past the 50(\.0)? MB limit/);
  });

  it("an archive within the limit still expands whole, whatever its headers claim", () => {
    const files = inputsFromBytes("ok.zip", lyingZip(2 * MB));
    expect(files).toHaveLength(1);
    expect(files[0].bytes).toBe(2 * MB);
  });
});

describe("inputs that hold no statements", () => {
  it("a dashboard analysis job refuses them by name instead of scoring them", async () => {
    const bytes = new TextEncoder().encode("-- nothing here\n/* at all */\n\\set x 1\n");
    await expect(
      assessUploads([{ name: "only-comments.sql", bytes }], { keyStrategy: "identity", targetDate: "2026-09-15" } as never, () => {}),
    ).rejects.toThrow(/only-comments\.sql: no SQL statements found/);
  });

  it("one holding only a migration's down section is refused naming the section", async () => {
    const bytes = new TextEncoder().encode("-- +goose Down\nDROP TABLE users;\n");
    await expect(
      assessUploads([{ name: "down-only.sql", bytes }], { keyStrategy: "identity", targetDate: "2026-09-15" } as never, () => {}),
    ).rejects.toThrow(/down-only\.sql: no SQL statements found outside rollback sections \(-- \+goose Down …\)/);
  });

  it("a report with no statements and no objects is never 'ready'", () => {
    const report = buildReport({ files: [], findings: [], model: emptyModel(), targetDate: "2026-09-15" } as never);
    expect(report.summary.readiness.band).not.toBe("ready");
    expect(report.summary.readiness.score).toBe(0);
  });
});

describe("the CLI on hostile input", () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, "scripts", "build-cli.mjs")], { stdio: "inherit" });
    writeFileSync(join(dir, "bomb.zip"), lyingZip(60 * MB));
    writeFileSync(join(dir, "comments.sql"), "-- a header comment only\n");
  });

  const cli = (args: string[]) => spawnSync(process.execPath, [join(root, "bin", "dsql-preflight.js"), ...args], { encoding: "utf8" });

  it("exits 2 naming the archive entry and the limit", () => {
    const r = cli(["analyze", join(dir, "bomb.zip")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bomb\.zip\/bomb\.sql: archive expands past the 50(\.0)? MB limit/);
  });

  it("exits 2 for a file without statements instead of reporting it ready", () => {
    const r = cli(["analyze", join(dir, "comments.sql")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("comments.sql: no SQL statements found");
    expect(r.stdout).not.toMatch(/ready/);
  });
});

describe("UTF-16 without a byte-order mark", () => {
  const sql = "CREATE TABLE café (id int PRIMARY KEY, name text);\n";
  const le = Buffer.from(sql, "utf16le");
  const be = Buffer.from(le).swap16();

  it.each([
    ["utf-16le", le],
    ["utf-16be", be],
  ])("%s is named as such, with how to convert it", (label, bytes) => {
    const e = errorOf(() => inputsFromBytes("export.sql", bytes));
    expect(e.code).toBe("encoding");
    expect(e.message).toContain(`export.sql: looks like ${label.toUpperCase()} text without a byte-order mark`);
    expect(e.message).toContain(`iconv -f ${label.toUpperCase()} -t UTF-8`);
  });

  it("binary input is still called binary", () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0,
    ]);
    expect(errorOf(() => inputsFromBytes("logo.sql", png)).code).toBe("binary");
  });
});
