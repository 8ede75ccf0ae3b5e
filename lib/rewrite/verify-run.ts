/**
 * `rewrite --verify`: a throwaway embedded PostgreSQL (deleted afterwards) with one database for the
 * original inputs and one for the rewritten script, then the comparison of verify.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../db/embedded";
import type { InputFile } from "../ingest/input";
import type { RewriteResult } from "./types";
import { verifyRewrite, type VerifyResult } from "./verify";

export async function verifyOnEmbeddedPostgres(inputs: InputFile[], rw: RewriteResult): Promise<VerifyResult> {
  const dir = mkdtempSync(join(tmpdir(), "dsql-preflight-verify-"));
  const server = await startEmbeddedPostgres({
    dir,
    persistent: false,
    settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off" },
  });
  const clients: pg.Client[] = [];
  try {
    const connect = async (db: string) => {
      await server.createDatabase(db);
      const c = new pg.Client({ connectionString: server.urlFor(db) });
      c.on("error", () => {});
      await c.connect();
      clients.push(c);
      return c;
    };
    const original = await connect("verify_original");
    const rewritten = await connect("verify_rewritten");
    return await verifyRewrite(inputs, rw, { original, rewritten, serverVersion: server.version });
  } finally {
    for (const c of clients) await c.end().catch(() => {});
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Lines for the terminal and plan.md. */
export function verifySummary(v: VerifyResult): string[] {
  const lines = [
    `schema verification on ${v.server}: ${v.ok ? "passed" : "FAILED"} — ${v.tables.original} tables in the inputs, ${v.tables.rewritten} in the script; ${v.explained.length} intended difference(s), ${v.unexplained.length} unexplained, ${v.failures.length} script statement(s) failed${v.failingInInputsToo?.length ? ` (${v.failingInInputsToo.length} more fail in the inputs too)` : ""}`,
  ];
  for (const d of v.unexplained)
    lines.push(
      `  unexplained: ${d.change} ${d.object} (${d.detail})${d.statement ? ` — script statement #${d.statement.seq}${d.statement.line ? ` (input line ${d.statement.line})` : ""}` : ""}`,
    );
  for (const f of v.failures) lines.push(`  failed: statement ${f.where} ${f.object ?? ""}: ${f.error}`);
  for (const f of v.failingInInputsToo ?? []) lines.push(`  fails in the inputs too: statement ${f.where} ${f.object ?? ""}: ${f.error}`);
  return lines;
}
