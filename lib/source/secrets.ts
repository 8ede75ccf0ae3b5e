/**
 * Optional credential storage: AES-256-GCM with a key from DSQL_PREFLIGHT_SECRET_KEY (64 hex chars or
 * base64 of 32 bytes; any other string is stretched with scrypt). Nothing is stored unless the user
 * asks; without the variable, storing is refused rather than falling back to plaintext.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";

export const SECRET_KEY_ENV = "DSQL_PREFLIGHT_SECRET_KEY";

export class SecretKeyError extends Error {}

export function secretKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const raw = env[SECRET_KEY_ENV];
  if (!raw) throw new SecretKeyError(`${SECRET_KEY_ENV} is not set, so credentials cannot be stored (they are used for this run only)`);
  if (/^[0-9a-f]{64}$/i.test(raw)) return Buffer.from(raw, "hex");
  const b = Buffer.from(raw, "base64");
  if (b.length === 32 && /^[A-Za-z0-9+/]+=*$/.test(raw)) return b;
  return scryptSync(raw, "dsql-preflight-secret-v1", 32);
}

/** `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encryptSecret(plaintext: string, key: Buffer = secretKey()): string {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", key, iv);
  const ct = Buffer.concat([c.update(plaintext, "utf8"), c.final()]);
  return ["v1", iv.toString("base64url"), c.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
}

export function decryptSecret(token: string, key: Buffer = secretKey()): string {
  const [v, iv, tag, ct] = token.split(".");
  if (v !== "v1" || !iv || !tag || ct === undefined) throw new SecretKeyError("not an encrypted credential");
  const d = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  d.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([d.update(Buffer.from(ct, "base64url")), d.final()]).toString("utf8");
  } catch {
    throw new SecretKeyError("the stored credential cannot be decrypted with the current key");
  }
}
