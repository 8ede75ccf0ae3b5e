/**
 * Commands on the dashboard's database (DATABASE_URL, or the embedded PostgreSQL under DATA_DIR the
 * way `npm run worker` finds it):
 *   dsql-preflight export <assessment-id> --format summary|md|pdf|json|sarif|html [--out FILE]
 *   dsql-preflight admin create --email E [--name N] --password-stdin
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { Option } from "commander";
import { EXPORT_FORMATS } from "../report/vocabulary";

type Helpers = { UsageError: new (m: string) => Error };

async function withStore<T>(fn: () => Promise<T>): Promise<T> {
  const { openStore } = await import("../store/bootstrap");
  const store = await openStore({ log: (s) => process.stderr.write(`dsql-preflight: ${s}\n`) });
  process.env.DATABASE_URL = store.url;
  try {
    return await fn();
  } finally {
    const g = globalThis as unknown as { __preflightPrisma?: { client: { $disconnect(): Promise<void> } } };
    await g.__preflightPrisma?.client.$disconnect().catch(() => {});
    const { closePdfBrowser } = await import("../report/pdf");
    await closePdfBrowser();
    await store.stop();
  }
}

export async function runExport(id: string, o: { format: string; out?: string }, h: Helpers): Promise<number> {
  if (!/^[0-9a-f-]{36}$/i.test(id))
    throw new h.UsageError(`export: "${id}" is not an assessment id (see the dashboard URL /assessments/<id>)`);
  if (o.format === "pdf" && !o.out) throw new h.UsageError("export: --format pdf needs --out FILE");
  return withStore(async () => {
    const { loadForExport, renderExport, ExportError } = await import("../review/export");
    const { PdfUnavailableError } = await import("../report/pdf");
    try {
      const t0 = Date.now();
      const out = await renderExport(await loadForExport(id), o.format as "md");
      if (o.out) writeFileSync(o.out, out.body);
      else await new Promise<void>((res) => process.stdout.write(out.body, () => res()));
      if (o.out) process.stderr.write(`dsql-preflight: wrote ${o.out} (${out.body.length} bytes, ${Date.now() - t0} ms)\n`);
      return 0;
    } catch (e) {
      if (e instanceof ExportError || e instanceof PdfUnavailableError) {
        process.stderr.write(`dsql-preflight: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  });
}

function readStdin(): string {
  try {
    return readFileSync(0, "utf8").replace(/\r?\n$/, "");
  } catch {
    return "";
  }
}

export async function runAdminCreate(o: { email: string; name?: string; passwordStdin?: boolean }, h: Helpers): Promise<number> {
  if (!o.passwordStdin)
    throw new h.UsageError("admin create: give the password on stdin with --password-stdin (it never goes on the command line)");
  const password = readStdin();
  if (!password) throw new h.UsageError("admin create: no password on stdin");
  return withStore(async () => {
    const { upsertAdmin, AuthError } = await import("../auth/accounts");
    try {
      const r = await upsertAdmin(o.email, password, o.name);
      process.stderr.write(
        `dsql-preflight: ${r.created ? "created admin" : "updated (now admin, password reset, sessions ended)"} ${r.user.email}\n`,
      );
      return 0;
    } catch (e) {
      if (e instanceof AuthError) {
        process.stderr.write(`dsql-preflight: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  });
}

/** Idle database pools (migration engine, Prisma) would hold the process for ~10 s; leave once done. */
function exitSoon() {
  setTimeout(() => process.exit(), 50).unref();
}

export function registerStoreCommands(program: Command, setExit: (code: number) => void, h: Helpers): void {
  program
    .command("export")
    .description(
      "Export a stored dashboard assessment (with review statuses) from the app's database: DATABASE_URL, or the embedded one under DATA_DIR (default ./.data).",
    )
    .argument("<assessment-id>", "the id in the dashboard URL /assessments/<id>")
    .addOption(new Option("-f, --format <format>", "output format").choices(EXPORT_FORMATS).default("md"))
    .option("-o, --out <file>", "write to a file instead of stdout (required for pdf)")
    .action(async (id: string, o: { format: string; out?: string }) => {
      setExit(await runExport(id, o, h));
      exitSoon();
    });

  const admin = program.command("admin").description("Accounts of the dashboard");
  admin
    .command("create")
    .description("Create an admin account (or make an existing account admin and reset its password), for scripted installs.")
    .requiredOption("--email <email>", "the admin's email (sign-in name)")
    .option("--name <name>", "display name")
    .option("--password-stdin", "read the password from standard input")
    .addHelpText(
      "after",
      "\nExample:\n  printf '%s' \"$ADMIN_PASSWORD\" | dsql-preflight admin create --email admin@example.com --password-stdin",
    )
    .action(async (o: { email: string; name?: string; passwordStdin?: boolean }) => {
      setExit(await runAdminCreate(o, h));
      exitSoon();
    });
}
