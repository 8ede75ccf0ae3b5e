import { join, resolve } from "node:path";

/** Where the embedded PostgreSQL and local secrets live (DATA_DIR, default ./.data). Kept apart from
 * bootstrap.ts so request handlers can use it without loading the embedded server and migrations. */
export function dataDir(): string {
  // A runtime path, not a file of the app: the comment keeps Next's build from tracing the whole project.
  return resolve(/* turbopackIgnore: true */ process.env.DATA_DIR ?? join(process.cwd(), ".data"));
}
