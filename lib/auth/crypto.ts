/**
 * Secrets: argon2id password hashes (hash-wasm, WebAssembly: no native build, nothing downloaded) and
 * random tokens that are stored only as their SHA-256.
 */
import { createHash, randomBytes } from "node:crypto";
import { argon2id, argon2Verify } from "hash-wasm";

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane (~70 ms here). */
const ARGON = { memorySize: 19456, iterations: 2, parallelism: 1, hashLength: 32 } as const;

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 256;

export async function hashPassword(password: string): Promise<string> {
  return argon2id({ password, salt: randomBytes(16), ...ARGON, outputType: "encoded" });
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    // Same cost whether or not the account exists, so timing does not reveal it.
    await hashPassword(password);
    return false;
  }
  try {
    return await argon2Verify({ password, hash });
  } catch {
    return false;
  }
}

/** A URL-safe random token of `bytes` bytes (default 32 = 256 bits), with a readable prefix. */
export function newToken(prefix: string, bytes = 32): string {
  return `${prefix}_${randomBytes(bytes).toString("base64url")}`;
}

export function sha256(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}
