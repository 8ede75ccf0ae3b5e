/**
 * Read-only share links: a 256-bit random token shown once (the row keeps its SHA-256), optional
 * expiry, revocable, with who made it and when it was last opened. Short-lived "print" links let the
 * PDF renderer open the print view without a session.
 */
import { newToken, sha256 } from "../auth/crypto";
import { prisma } from "../store/prisma";

export async function createShareLink(
  assessmentId: string,
  byId: string | null,
  opts: { expiresAt?: Date | null; label?: string; purpose?: "share" | "print" } = {},
) {
  const token = newToken("dpsh", 32);
  const purpose = opts.purpose ?? "share";
  const db = prisma();
  const link = await db.shareLink.create({
    data: {
      tokenHash: sha256(token),
      assessmentId,
      createdById: byId,
      expiresAt: opts.expiresAt ?? null,
      label: opts.label?.trim().slice(0, 100) || null,
      purpose,
    },
  });
  if (purpose === "share")
    await db.auditEvent.create({
      data: {
        assessmentId,
        actorId: byId,
        action: "share-create",
        detail: { linkId: link.id, expiresAt: opts.expiresAt?.toISOString() ?? null },
      },
    });
  return { id: link.id, token, url: `/share/${token}`, expiresAt: link.expiresAt, createdAt: link.createdAt };
}

export async function listShareLinks(assessmentId: string) {
  const rows = await prisma().shareLink.findMany({
    where: { assessmentId, purpose: "share" },
    orderBy: { createdAt: "desc" },
    include: { createdBy: { select: { id: true, name: true, email: true } } },
  });
  const now = new Date();
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
    lastOpenedAt: r.lastOpenedAt,
    openCount: r.openCount,
    state: r.revokedAt ? "revoked" : r.expiresAt && r.expiresAt < now ? "expired" : "active",
  }));
}

export async function revokeShareLink(assessmentId: string, linkId: string, byId: string): Promise<boolean> {
  const db = prisma();
  const r = await db.shareLink.updateMany({ where: { id: linkId, assessmentId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (r.count) await db.auditEvent.create({ data: { assessmentId, actorId: byId, action: "share-revoke", detail: { linkId } } });
  return r.count > 0;
}

/** The assessment a token opens, or undefined when unknown, revoked or expired (callers answer 404). */
export async function resolveShareToken(
  token: string,
  opts: { touch?: boolean; purpose?: "share" | "print" | "any" } = {},
): Promise<string | undefined> {
  if (!/^dpsh_[A-Za-z0-9_-]{40,60}$/.test(token)) return undefined;
  const db = prisma();
  const link = await db.shareLink.findUnique({ where: { tokenHash: sha256(token) } });
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt < new Date())) return undefined;
  const purpose = opts.purpose ?? "share";
  if (purpose !== "any" && link.purpose !== purpose) return undefined;
  if (opts.touch !== false && link.purpose === "share")
    await db.shareLink.update({ where: { id: link.id }, data: { lastOpenedAt: new Date(), openCount: { increment: 1 } } }).catch(() => {});
  return link.assessmentId;
}
