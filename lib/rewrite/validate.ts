/**
 * Execution check: run the rewritten statements on a real PostgreSQL server. DSQL-only keywords are
 * blanked (`CREATE INDEX ASYNC` → `CREATE INDEX`) and waits are skipped; this proves syntax and internal
 * consistency of the script, not DSQL acceptance.
 */
import { postgresForm } from "./engine";
import type { OutStatement, RewriteResult } from "./types";

export interface SqlClient {
  query(sql: string): Promise<unknown>;
}

export interface ValidationSummary {
  server: string;
  statements: number;
  ok: number;
  /** Statements on tables the inputs do not create (migration fragments). */
  skipped: number;
  errors: Array<{ seq: number; object: string; error: string; sql: string }>;
}

/** Roles the script refers to must exist first (on DSQL: created in the prerequisites phase). */
export async function createRoles(client: SqlClient, roles: string[]): Promise<void> {
  for (const r of roles) {
    if (/^(public|current_user|session_user|current_role)$/i.test(r)) continue;
    await client.query(`DO $$ BEGIN CREATE ROLE "${r.replace(/"/g, '""')}"; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
  }
}

export async function validateOnPostgres(client: SqlClient, result: RewriteResult, serverVersion: number): Promise<ValidationSummary> {
  const server = `PostgreSQL ${serverVersion}`;
  await createRoles(client, result.roles);
  const summary: ValidationSummary = { server, statements: 0, ok: 0, skipped: 0, errors: [] };
  for (const set of result.session) await client.query(set);
  let path = "";
  for (const s of result.statements) {
    if (s.outsideInputs) {
      // It alters a table the inputs never create (a migration fragment): nothing to run it against.
      summary.skipped++;
      s.validation = { ok: true, server, skipped: true };
      continue;
    }
    if (s.searchPath !== path) {
      await client.query(`SET search_path TO ${s.searchPath ? `"${s.searchPath.replace(/"/g, '""')}", public` : "public"}`);
      path = s.searchPath;
    }
    summary.statements++;
    const sql = postgresForm(s.sql);
    try {
      await client.query(sql);
      summary.ok++;
      s.validation = { ok: true, server, adapted: sql !== s.sql || undefined };
    } catch (e) {
      // Roles belong to the server, not the database: the ones this script creates were made for its grants
      // above (and, when verifying, by the inputs loaded beside it). Creating them again proves nothing.
      if (s.object.kind === "role" && (e as { code?: string }).code === "42710") {
        summary.ok++;
        s.validation = { ok: true, server };
        continue;
      }
      const error = (e as Error).message;
      s.validation = { ok: false, server, error };
      summary.errors.push({
        seq: s.seq,
        object: `${s.object.kind} ${s.object.schema ? `${s.object.schema}.` : ""}${s.object.name}`,
        error,
        sql: s.sql.slice(0, 500),
      });
    }
  }
  attachObjectValidation(result);
  return summary;
}

/** Roll statement results up to the objects they belong to. */
export function attachObjectValidation(result: RewriteResult): void {
  const byObject = new Map<string, OutStatement[]>();
  for (const s of result.statements) {
    const k = `${s.object.kind}:${s.object.schema ?? ""}.${s.object.name}`;
    byObject.set(k, [...(byObject.get(k) ?? []), s]);
  }
  for (const o of result.objects) {
    const list = byObject.get(`${o.object.kind}:${o.object.schema ?? ""}.${o.object.name}`) ?? [];
    const ran = list.filter((s) => s.validation);
    if (!ran.length) continue;
    o.validation = {
      ok: ran.every((s) => s.validation!.ok),
      server: ran[0].validation!.server,
      statements: ran.length,
      errors: ran.filter((s) => !s.validation!.ok).map((s) => s.validation!.error ?? ""),
    };
  }
}
