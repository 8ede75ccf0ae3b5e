/**
 * A live collection's password has to reach the worker through the job row. It is sealed with
 * AES-256-GCM so the queue table never holds it in clear, and the job is deleted once done.
 * Key: DSQL_PREFLIGHT_SECRET_KEY when set (needed when workers on other machines share DATABASE_URL);
 * otherwise a random key in DATA_DIR/job-secret.key (mode 0600), shared by the web process and the
 * workers on this machine.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { decryptSecret, encryptSecret, SECRET_KEY_ENV, secretKey } from "../source/secrets";
import { dataDir } from "../store/data-dir";

let cached: Buffer | undefined;

export function jobKey(): Buffer {
  if (cached) return cached;
  if (process.env[SECRET_KEY_ENV]) return (cached = secretKey());
  const dir = dataDir();
  const file = join(dir, "job-secret.key");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    // "wx" fails if another process created it first; then read theirs.
    try {
      writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    } catch {
      /* created concurrently */
    }
  }
  return (cached = Buffer.from(readFileSync(file, "utf8").trim(), "hex"));
}

export function sealPassword(password: string | undefined): string | undefined {
  return password === undefined ? undefined : encryptSecret(password, jobKey());
}

export function openPassword(sealed: string | undefined): string | undefined {
  if (sealed === undefined) return undefined;
  try {
    return decryptSecret(sealed, jobKey());
  } catch {
    throw new Error(
      `this worker cannot read the job's sealed password: set the same ${SECRET_KEY_ENV} on every process that shares the database`,
    );
  }
}
