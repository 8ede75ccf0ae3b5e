/**
 * Accounts, sessions, personal API tokens, invitations and the sign-in rate limit, on the app's
 * database (Prisma). Nothing here knows about HTTP: route handlers and the CLI call these.
 */
import { prisma } from "../store/prisma";
import { hashPassword, MAX_PASSWORD, MIN_PASSWORD, newToken, sha256, verifyPassword } from "./crypto";
import { ROLES, type AuthUser, type Role } from "./roles";

export const SESSION_DAYS = Number(process.env.SESSION_DAYS ?? 14);
export const INVITE_DAYS = 7;
/** Failed sign-ins allowed per email and client address in the window before sign-in is refused. */
export const SIGNIN_MAX_FAILURES = Number(process.env.SIGNIN_MAX_FAILURES ?? 5);
export const SIGNIN_WINDOW_MS = 15 * 60 * 1000;
/** Failed sign-ins allowed from one client address across all emails in the window (password spraying). */
export const SIGNIN_MAX_FAILURES_PER_ADDRESS = Number(process.env.SIGNIN_MAX_FAILURES_PER_ADDRESS ?? 20);

export class AuthError extends Error {
  constructor(
    readonly code:
      | "invalid-credentials"
      | "rate-limited"
      | "exists"
      | "weak-password"
      | "invalid-email"
      | "not-found"
      | "setup-done"
      | "invalid-invite"
      | "last-admin",
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (!EMAIL.test(e) || e.length > 254) throw new AuthError("invalid-email", "Enter a valid email address");
  return e;
}

export function checkPassword(pw: string) {
  if (pw.length < MIN_PASSWORD) throw new AuthError("weak-password", `Password must be at least ${MIN_PASSWORD} characters`);
  if (pw.length > MAX_PASSWORD) throw new AuthError("weak-password", `Password must be at most ${MAX_PASSWORD} characters`);
}

function toAuthUser(u: { id: string; email: string; name: string; role: string }): AuthUser {
  return { id: u.id, email: u.email, name: u.name, role: (ROLES as readonly string[]).includes(u.role) ? (u.role as Role) : "viewer" };
}

export async function needsSetup(): Promise<boolean> {
  return (await prisma().user.count()) === 0;
}

/**
 * Create a user. `firstAdmin` succeeds only while no account exists (first-run signup, or the shell
 * command on a fresh install); an advisory lock makes two simultaneous first signups impossible.
 */
export async function createUser(input: {
  email: string;
  name?: string;
  password?: string;
  role: Role;
  firstAdmin?: boolean;
}): Promise<AuthUser> {
  const email = normaliseEmail(input.email);
  if (input.password !== undefined) checkPassword(input.password);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  const name = (input.name ?? "").trim() || email.split("@")[0]!;
  return prisma().$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(482_113)`;
    if (input.firstAdmin && (await tx.user.count()) > 0)
      throw new AuthError("setup-done", "This install already has an admin; sign in instead");
    const existing = await tx.user.findUnique({ where: { email } });
    if (existing && !existing.disabledAt) throw new AuthError("exists", `${email} already has an account`);
    const data = { email, name: name.slice(0, 100), passwordHash, role: input.firstAdmin ? "admin" : input.role, disabledAt: null };
    const u = existing ? await tx.user.update({ where: { id: existing.id }, data }) : await tx.user.create({ data });
    return toAuthUser(u);
  });
}

/** Admin from the shell: creates the account, or resets the password and role of an existing one. */
export async function upsertAdmin(emailIn: string, password: string, name?: string): Promise<{ user: AuthUser; created: boolean }> {
  const email = normaliseEmail(emailIn);
  checkPassword(password);
  const db = prisma();
  const existing = await db.user.findUnique({ where: { email } });
  const passwordHash = await hashPassword(password);
  if (existing) {
    const u = await db.user.update({
      where: { id: existing.id },
      data: { passwordHash, role: "admin", disabledAt: null, ...(name ? { name } : {}) },
    });
    await db.session.deleteMany({ where: { userId: u.id } });
    return { user: toAuthUser(u), created: false };
  }
  const u = await db.user.create({ data: { email, name: (name ?? email.split("@")[0]!).slice(0, 100), passwordHash, role: "admin" } });
  return { user: toAuthUser(u), created: true };
}

/** Failed attempts from this address (for this email, when given) within the window. */
async function recentFailures(email: string | undefined, ip: string, limit: number): Promise<{ count: number; retryAfter: number }> {
  const since = new Date(Date.now() - SIGNIN_WINDOW_MS);
  // Newest first: once `limit` failures are in the window, the limit-th newest one decides when it reopens.
  const rows = await prisma().loginAttempt.findMany({
    where: { ...(email === undefined ? {} : { email }), ip, ok: false, createdAt: { gte: since } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  const decisive = rows[limit - 1]?.createdAt ?? rows[rows.length - 1]?.createdAt;
  return {
    count: rows.length,
    retryAfter: Math.max(1, Math.ceil(((decisive?.getTime() ?? Date.now()) + SIGNIN_WINDOW_MS - Date.now()) / 1000)),
  };
}

/**
 * Check the password; refuses for a while after SIGNIN_MAX_FAILURES failures from one address for one
 * email, and after SIGNIN_MAX_FAILURES_PER_ADDRESS failures from one address whatever the emails.
 */
export async function signIn(emailIn: string, password: string, ip: string): Promise<AuthUser> {
  const email = emailIn.trim().toLowerCase().slice(0, 254);
  const db = prisma();
  const fromAddress = await recentFailures(undefined, ip, SIGNIN_MAX_FAILURES_PER_ADDRESS);
  if (fromAddress.count >= SIGNIN_MAX_FAILURES_PER_ADDRESS) {
    throw new AuthError(
      "rate-limited",
      `Too many failed sign-ins from your address; try again in ${Math.ceil(fromAddress.retryAfter / 60)} min`,
      fromAddress.retryAfter,
    );
  }
  const f = await recentFailures(email, ip, SIGNIN_MAX_FAILURES);
  if (f.count >= SIGNIN_MAX_FAILURES) {
    throw new AuthError(
      "rate-limited",
      `Too many failed sign-ins for this account from your address; try again in ${Math.ceil(f.retryAfter / 60)} min`,
      f.retryAfter,
    );
  }
  const u = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(password, u && !u.disabledAt ? u.passwordHash : null);
  await db.loginAttempt.create({ data: { email, ip, ok } });
  if (!ok || !u) throw new AuthError("invalid-credentials", "Email or password is not correct");
  // A successful sign-in clears this address's failures; old rows are pruned now and then.
  await db.loginAttempt.deleteMany({
    where: { OR: [{ email, ip, ok: false }, { createdAt: { lt: new Date(Date.now() - 24 * 3600_000) } }] },
  });
  await db.user.update({ where: { id: u.id }, data: { lastLoginAt: new Date() } });
  return toAuthUser(u);
}

export async function createSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken("dps", 32);
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86400_000);
  await prisma().session.create({ data: { tokenHash: sha256(token), userId, expiresAt } });
  return { token, expiresAt };
}

export async function userForSession(token: string | undefined): Promise<AuthUser | undefined> {
  if (!token || token.length > 200) return undefined;
  const db = prisma();
  const s = await db.session.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  if (!s || s.expiresAt < new Date() || s.user.disabledAt) return undefined;
  // Touch at most every 10 minutes.
  if (Date.now() - s.lastSeenAt.getTime() > 600_000)
    await db.session.update({ where: { id: s.id }, data: { lastSeenAt: new Date() } }).catch(() => {});
  return toAuthUser(s.user);
}

export async function deleteSession(token: string | undefined) {
  if (token) await prisma().session.deleteMany({ where: { tokenHash: sha256(token) } });
}

export async function createApiToken(userId: string, name: string): Promise<{ id: string; token: string; prefix: string }> {
  const token = newToken("dpt", 32);
  const prefix = token.slice(0, 10);
  const t = await prisma().apiToken.create({
    data: { tokenHash: sha256(token), prefix, name: name.trim().slice(0, 100) || "API token", userId },
  });
  return { id: t.id, token, prefix };
}

export async function userForApiToken(token: string): Promise<AuthUser | undefined> {
  if (!token || token.length > 200) return undefined;
  const db = prisma();
  const t = await db.apiToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  if (!t || t.revokedAt || t.user.disabledAt) return undefined;
  if (!t.lastUsedAt || Date.now() - t.lastUsedAt.getTime() > 60_000)
    await db.apiToken.update({ where: { id: t.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  return toAuthUser(t.user);
}

export async function listApiTokens(userId: string) {
  return prisma().apiToken.findMany({
    where: { userId, revokedAt: null },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiToken(userId: string, id: string): Promise<boolean> {
  const r = await prisma().apiToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return r.count > 0;
}

export async function listMembers() {
  return prisma()
    .user.findMany({
      where: { disabledAt: null },
      select: { id: true, email: true, name: true, role: true, createdAt: true, lastLoginAt: true, passwordHash: true },
      orderBy: { createdAt: "asc" },
    })
    .then((us) => us.map(({ passwordHash, ...u }) => ({ ...u, pending: !passwordHash })));
}

export async function createInvite(
  byId: string,
  emailIn: string,
  role: Role,
  name?: string,
): Promise<{ token: string; expiresAt: Date; userId: string }> {
  const email = normaliseEmail(emailIn);
  const user = await createUser({ email, role, name });
  const token = newToken("dpi", 32);
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 86400_000);
  await prisma().invite.create({ data: { tokenHash: sha256(token), email, role, createdById: byId, expiresAt } });
  return { token, expiresAt, userId: user.id };
}

export async function inviteFor(token: string) {
  const i = await prisma().invite.findUnique({ where: { tokenHash: sha256(token) } });
  if (!i || i.usedAt || i.expiresAt < new Date()) return undefined;
  return { email: i.email, role: i.role, expiresAt: i.expiresAt };
}

/** Set the invited member's password; the invitation works once. */
export async function acceptInvite(token: string, password: string, name?: string): Promise<AuthUser> {
  checkPassword(password);
  const db = prisma();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const i = await tx.invite.findUnique({ where: { tokenHash: sha256(token) } });
    if (!i || i.usedAt || i.expiresAt < new Date())
      throw new AuthError("invalid-invite", "This invitation link is invalid, used or expired; ask an admin for a new one");
    await tx.invite.update({ where: { id: i.id }, data: { usedAt: new Date() } });
    const u = await tx.user.findUnique({ where: { email: i.email } });
    if (!u || u.disabledAt) throw new AuthError("invalid-invite", "The invited account was removed");
    const updated = await tx.user.update({
      where: { id: u.id },
      data: { passwordHash, ...(name?.trim() ? { name: name.trim().slice(0, 100) } : {}) },
    });
    return toAuthUser(updated);
  });
}

async function otherAdmins(id: string): Promise<number> {
  return prisma().user.count({ where: { role: "admin", disabledAt: null, id: { not: id } } });
}

/** Remove a member: sessions and tokens go; the row stays (disabled) so the audit trail keeps its author. */
export async function removeMember(id: string): Promise<boolean> {
  const db = prisma();
  const u = await db.user.findUnique({ where: { id } });
  if (!u || u.disabledAt) return false;
  if (u.role === "admin" && (await otherAdmins(id)) === 0) throw new AuthError("last-admin", "The last admin cannot be removed");
  await db.$transaction([
    db.user.update({ where: { id }, data: { disabledAt: new Date(), passwordHash: null } }),
    db.session.deleteMany({ where: { userId: id } }),
    db.apiToken.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } }),
    db.invite.updateMany({ where: { email: u.email, usedAt: null }, data: { usedAt: new Date() } }),
  ]);
  return true;
}

export async function setRole(id: string, role: Role): Promise<boolean> {
  const db = prisma();
  const u = await db.user.findUnique({ where: { id } });
  if (!u || u.disabledAt) return false;
  if (u.role === "admin" && role !== "admin" && (await otherAdmins(id)) === 0)
    throw new AuthError("last-admin", "The last admin cannot lose the admin role");
  await db.user.update({ where: { id }, data: { role } });
  return true;
}
