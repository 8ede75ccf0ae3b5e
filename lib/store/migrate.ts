/**
 * Migrations through Prisma's WASM schema engine. The Prisma CLI downloads a native schema engine
 * before every command, which a machine that reaches only the npm registry cannot do; the same engine
 * compiled to WASM ships on npm and is driven here through the pg driver adapter.
 *
 * applyMigrations() behaves like `prisma migrate deploy` (fills `_prisma_migrations`);
 * diffMigration() writes the SQL `prisma migrate dev` would, from the migrations folder to the schema.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const NO_FILTER = { externalTables: [] as string[], externalEnums: [] as string[] };

export function projectRoot(): string {
  return process.env.PREFLIGHT_ROOT ?? process.cwd();
}

export function migrationsDir(root = projectRoot()): string {
  return join(root, "prisma", "migrations");
}

export function schemaPath(root = projectRoot()): string {
  return join(root, "prisma", "schema.prisma");
}

export function loadMigrationsList(dir = migrationsDir()) {
  const lock = join(dir, "migration_lock.toml");
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lock) ? readFileSync(lock, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const file = join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

function packageDir(name: string): string {
  try {
    return dirname(createRequire(join(projectRoot(), "package.json")).resolve(`${name}/package.json`));
  } catch {
    return join(projectRoot(), "node_modules", name);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Engine = any;

let wasmModule: Promise<{ SchemaEngine: { new: (o: unknown, cb: (m: unknown) => void, adapter: object) => Promise<Engine> } }> | undefined;

/** Instantiate the engine's WASM by hand, so Node needs no --experimental-wasm-modules flag. */
async function loadEngineModule() {
  wasmModule ??= (async () => {
    const dir = packageDir("@prisma/schema-engine-wasm");
    // The engine reports Rust panics through this global before throwing.
    const g = globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
    g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m: string) => console.error(`[schema-engine] panic: ${m}`) };
    const bg = await import(/* webpackIgnore: true */ pathToFileURL(join(dir, "schema_engine_bg.js")).href);
    const bytes = readFileSync(join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg;
  })();
  return wasmModule;
}

export async function withEngine<T>(url: string, fn: (engine: Engine) => Promise<T>, shadowUrl?: string): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const main = new PrismaPg({ connectionString: url, max: 2 });
  const shadow = shadowUrl && shadowUrl !== url ? new PrismaPg({ connectionString: shadowUrl, max: 2 }) : main;
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => withCharColumns(await main.connect()),
    connectToShadowDb: async () => withCharColumns(await shadow.connect()),
  } as never);
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: undefined },
    (m) => logs.push(typeof m === "string" ? m : JSON.stringify(m)),
    factory,
  );
  try {
    return await fn(engine);
  } catch (e) {
    const err = e as Error;
    err.message = `${err.message}${logs.length ? `\n${logs.slice(-5).join("\n")}` : ""}`;
    throw err;
  } finally {
    engine.free?.();
  }
}

const CHAR_MARK = "\u0000char";
const COLUMN_TYPE_CHARACTER = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

/**
 * PostgreSQL's internal one-byte `"char"` type (OID 18, e.g. pg_constraint.contype) has no mapping in
 * the pg driver adapter, so the schema engine fails whenever it describes a database (any diff from
 * existing migrations). The engine reads those columns as Character: mark them in the raw result and
 * report them as Character. Only the migration connections are wrapped; the app's client is untouched.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function withCharColumns(adapter: any): any {
  const perform = adapter.performIO.bind(adapter);
  adapter.performIO = async (...args: unknown[]) => {
    const r = await perform(...args);
    for (const f of r?.fields ?? []) {
      if (f.dataTypeID === 18) {
        f.dataTypeID = 25;
        f.name = f.name + CHAR_MARK;
      }
    }
    return r;
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (...args: unknown[]) => {
    const r = await queryRaw(...args);
    r.columnNames = r.columnNames.map((n: string, i: number) => {
      if (!n.endsWith(CHAR_MARK)) return n;
      r.columnTypes[i] = COLUMN_TYPE_CHARACTER;
      return n.slice(0, -CHAR_MARK.length);
    });
    return r;
  };
  if (typeof adapter.startTransaction === "function") {
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args: unknown[]) => withCharColumns(await start(...args));
  }
  return adapter;
}

/** Apply pending migrations (like `prisma migrate deploy`); returns the names applied. */
export async function applyMigrations(url: string, dir = migrationsDir()): Promise<string[]> {
  return withEngine(url, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: loadMigrationsList(dir), filters: NO_FILTER });
    return out.appliedMigrationNames as string[];
  });
}

/** SQL that takes a database from the committed migrations to the current schema ("" when in sync). */
export async function diffMigration(url: string, shadowUrl: string, root = projectRoot()): Promise<string> {
  const list = loadMigrationsList(migrationsDir(root));
  return withEngine(
    url,
    async (engine) => {
      const res = await engine.diff({
        from: list.migrationDirectories.length ? { tag: "migrations", ...list } : { tag: "empty" },
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath(root), content: readFileSync(schemaPath(root), "utf8") }] },
        script: true,
        exitCode: null,
        filters: NO_FILTER,
      });
      const sql = String(res.stdout ?? "").trim();
      // "-- This is an empty migration." when nothing differs.
      return sql.split("\n").some((l) => l.trim() && !l.trim().startsWith("--")) ? sql : "";
    },
    shadowUrl,
  );
}
