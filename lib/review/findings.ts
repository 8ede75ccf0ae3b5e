/**
 * Reviewing findings: status (with a version check so concurrent edits never silently overwrite),
 * assignee, comments, bulk changes on a filtered set, and the audit trail of all of it.
 */
import type { Prisma } from "../store/generated/client";
import { prisma } from "../store/prisma";
import type { ReviewStatus } from "./status";

export class ConflictError extends Error {
  constructor(readonly current: FindingState) {
    super(
      `Someone else changed this finding first (now ${current.status}${current.statusBy ? ` by ${current.statusBy.name}` : ""}, version ${current.version}); review the current state and apply your change again`,
    );
  }
}

export class ReviewError extends Error {
  constructor(
    readonly code: "not-found" | "invalid",
    message: string,
  ) {
    super(message);
  }
}

export interface FindingState {
  status: string;
  note: string | null;
  updatedAt: Date | null;
  version: number;
  statusBy: { id: string; name: string } | null;
  assignee: { id: string; name: string; email: string } | null;
}

const STATE_SELECT = {
  status: true,
  note: true,
  statusAt: true,
  version: true,
  statusById: true,
  assignee: { select: { id: true, name: true, email: true } },
} satisfies Prisma.FindingSelect;

async function names(ids: Array<string | null>): Promise<Map<string, string>> {
  const want = [...new Set(ids.filter((x): x is string => !!x))];
  if (!want.length) return new Map();
  const us = await prisma().user.findMany({ where: { id: { in: want } }, select: { id: true, name: true } });
  return new Map(us.map((u) => [u.id, u.name]));
}

export async function findingState(assessmentId: string, idx: number): Promise<FindingState | undefined> {
  const f = await prisma().finding.findUnique({ where: { assessmentId_idx: { assessmentId, idx } }, select: STATE_SELECT });
  if (!f) return undefined;
  const n = await names([f.statusById]);
  return {
    status: f.status,
    note: f.note,
    updatedAt: f.statusAt,
    version: f.version,
    statusBy: f.statusById ? { id: f.statusById, name: n.get(f.statusById) ?? "?" } : null,
    assignee: f.assignee,
  };
}

export interface ReviewChange {
  status?: ReviewStatus;
  /** The reason for won't fix, or a note for other statuses. */
  note?: string | null;
  /** User id, or null to unassign. */
  assigneeId?: string | null;
  /** Optional comment recorded with the change. */
  comment?: string;
}

async function checkAssignee(assigneeId: string | null | undefined) {
  if (!assigneeId) return;
  const u = await prisma().user.findUnique({ where: { id: assigneeId }, select: { disabledAt: true } });
  if (!u || u.disabledAt) throw new ReviewError("invalid", "assignee: no such member");
}

/**
 * Apply a change to one finding if its version is still `expectedVersion`. On a mismatch nothing
 * changes, the attempt is recorded in the audit trail, and ConflictError carries the current state.
 */
export async function changeFinding(
  assessmentId: string,
  idx: number,
  expectedVersion: number,
  change: ReviewChange,
  actorId: string,
): Promise<FindingState> {
  await checkAssignee(change.assigneeId);
  const db = prisma();
  const result = await db.$transaction(async (tx) => {
    const cur = await tx.finding.findUnique({
      where: { assessmentId_idx: { assessmentId, idx } },
      select: { status: true, note: true, assigneeId: true, version: true },
    });
    if (!cur) throw new ReviewError("not-found", "No such finding");
    const status = change.status ?? (cur.status as ReviewStatus);
    const note = change.note !== undefined ? change.note : cur.note;
    if (status === "wontfix" && !(note ?? "").trim()) throw new ReviewError("invalid", "note: won't fix needs a reason");
    const data: Prisma.FindingUpdateManyMutationInput & { assigneeId?: string | null } = { version: { increment: 1 } };
    const detail: Record<string, unknown> = { fromVersion: expectedVersion };
    if (change.status !== undefined || change.note !== undefined) {
      Object.assign(data, { status, note, statusAt: new Date(), statusById: actorId });
      detail.status = { from: cur.status, to: status };
      if (note !== cur.note) detail.note = note;
    }
    if (change.assigneeId !== undefined && change.assigneeId !== cur.assigneeId) {
      data.assigneeId = change.assigneeId;
      detail.assignee = { from: cur.assigneeId, to: change.assigneeId };
    }
    // The version check and the write are one statement: two writers cannot both pass it.
    const n = await tx.finding.updateMany({ where: { assessmentId, idx, version: expectedVersion }, data });
    if (n.count === 0) return { conflict: true as const, detail };
    const action = detail.status ? "status" : detail.assignee ? "assign" : "status";
    await tx.auditEvent.create({ data: { assessmentId, findingIdx: idx, actorId, action, detail: detail as object } });
    if (change.comment?.trim()) {
      await tx.findingComment.create({ data: { assessmentId, findingIdx: idx, authorId: actorId, body: change.comment.trim() } });
      await tx.auditEvent.create({
        data: { assessmentId, findingIdx: idx, actorId, action: "comment", detail: { body: change.comment.trim().slice(0, 500) } },
      });
    }
    return { conflict: false as const };
  });
  if (result.conflict) {
    // Keep the refused attempt in the trail too, so both reviewers' intentions are visible.
    await db.auditEvent.create({
      data: {
        assessmentId,
        findingIdx: idx,
        actorId,
        action: "conflict",
        detail: {
          attempted: { status: change.status, note: change.note, assigneeId: change.assigneeId, comment: change.comment },
          fromVersion: expectedVersion,
        } as object,
      },
    });
    const now = await findingState(assessmentId, idx);
    throw new ConflictError(now!);
  }
  return (await findingState(assessmentId, idx))!;
}

export async function addComment(assessmentId: string, idx: number, body: string, actorId: string) {
  const db = prisma();
  const text = body.trim();
  if (!text) throw new ReviewError("invalid", "body: a comment cannot be empty");
  const exists = await db.finding.count({ where: { assessmentId, idx } });
  if (!exists) throw new ReviewError("not-found", "No such finding");
  const [c] = await db.$transaction([
    db.findingComment.create({
      data: { assessmentId, findingIdx: idx, authorId: actorId, body: text },
      include: { author: { select: { id: true, name: true } } },
    }),
    db.auditEvent.create({ data: { assessmentId, findingIdx: idx, actorId, action: "comment", detail: { body: text.slice(0, 500) } } }),
  ]);
  return { id: c.id, body: c.body, createdAt: c.createdAt, author: c.author };
}

export async function comments(assessmentId: string, idx: number) {
  const rows = await prisma().findingComment.findMany({
    where: { assessmentId, findingIdx: idx },
    orderBy: { createdAt: "asc" },
    include: { author: { select: { id: true, name: true } } },
  });
  return rows.map((c) => ({ id: c.id, body: c.body, createdAt: c.createdAt, author: c.author, carried: !!c.carriedFrom }));
}

export async function auditTrail(assessmentId: string, opts: { idx?: number; limit?: number; before?: bigint } = {}) {
  const rows = await prisma().auditEvent.findMany({
    where: {
      assessmentId,
      ...(opts.idx !== undefined ? { findingIdx: opts.idx } : {}),
      ...(opts.before ? { id: { lt: opts.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: opts.limit ?? 100,
    include: { actor: { select: { id: true, name: true, email: true } } },
  });
  const n = await names(
    rows.flatMap((r) => {
      const d = r.detail as { assignee?: { from?: string | null; to?: string | null } };
      return [d.assignee?.from ?? null, d.assignee?.to ?? null];
    }),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    findingIdx: r.findingIdx,
    action: r.action,
    detail: r.detail as Record<string, unknown>,
    createdAt: r.createdAt,
    actor: r.actor,
    summary: describe(r.action, r.detail as Record<string, unknown>, n),
  }));
}

/** One line for the audit list. */
export function describe(action: string, d: Record<string, unknown>, userNames: Map<string, string> = new Map()): string {
  const st = d.status as { from?: string; to?: string } | undefined;
  const who = (id: unknown) => (typeof id === "string" ? (userNames.get(id) ?? "a member") : "nobody");
  switch (action) {
    case "status": {
      const parts: string[] = [];
      if (st) parts.push(st.from === st.to ? `kept status ${st.to}` : `status ${st.from} → ${st.to}`);
      if (typeof d.note === "string" && d.note) parts.push(`note “${d.note}”`);
      const a = d.assignee as { to?: string | null } | undefined;
      if (a) parts.push(`assigned to ${who(a.to)}`);
      return parts.join("; ") || "updated";
    }
    case "assign":
      return `assigned to ${who((d.assignee as { to?: string | null }).to)}`;
    case "comment":
      return `commented: “${String(d.body ?? "")}”`;
    case "conflict": {
      const at = (d.attempted ?? {}) as { status?: string; note?: string };
      return `change refused (conflict, had version ${String(d.fromVersion)})${at.status ? `: wanted ${at.status}` : ""}${at.note ? ` “${at.note}”` : ""}`;
    }
    case "bulk":
      return `bulk: ${Number(d.count ?? 0)} findings${st?.to ? ` → ${st.to}` : ""}${typeof d.note === "string" && d.note ? ` (“${d.note}”)` : ""}${d.assignee !== undefined ? `, assigned to ${who((d.assignee as { to?: string | null }).to)}` : ""}`;
    case "plan-step":
      return `${d.checked ? "checked off" : "unchecked"} plan step ${String(d.title ?? d.stepKey)}`;
    case "share-create":
      return `created a share link${d.expiresAt ? ` (expires ${String(d.expiresAt).slice(0, 10)})` : ""}`;
    case "share-revoke":
      return "revoked a share link";
    case "rerun":
      return `started run ${String(d.runNumber)} (${String(d.reason ?? "re-run")})`;
    case "split-databases":
      return `assessed each database of the cluster dump on its own: ${((d.databases ?? []) as string[]).join(", ")}`;
    case "carry-over":
      return `carried over ${Number(d.states ?? 0)} review states, ${Number(d.comments ?? 0)} comments and ${Number(d.planSteps ?? 0)} plan check-offs from run ${String(d.fromRun)}`;
    default:
      return action;
  }
}

/** Apply one change to every finding matching `where`, one audit event per finding plus a summary event. */
export async function bulkChange(
  assessmentId: string,
  where: Prisma.FindingWhereInput,
  change: ReviewChange,
  actorId: string,
): Promise<number> {
  if (change.status === undefined && change.assigneeId === undefined) throw new ReviewError("invalid", "give a status or an assignee");
  if (change.status === "wontfix" && !(change.note ?? "").trim()) throw new ReviewError("invalid", "note: won't fix needs a reason");
  await checkAssignee(change.assigneeId);
  const db = prisma();
  return db.$transaction(
    async (tx) => {
      const rows = await tx.finding.findMany({ where: { ...where, assessmentId }, select: { idx: true, status: true, assigneeId: true } });
      if (!rows.length) return 0;
      const data: Prisma.FindingUpdateManyMutationInput & { assigneeId?: string | null } = { version: { increment: 1 } };
      if (change.status !== undefined)
        Object.assign(data, { status: change.status, note: change.note ?? null, statusAt: new Date(), statusById: actorId });
      if (change.assigneeId !== undefined) data.assigneeId = change.assigneeId;
      const idxs = rows.map((r) => r.idx);
      await tx.finding.updateMany({ where: { assessmentId, idx: { in: idxs } }, data });
      const bulkId = crypto.randomUUID();
      const events = rows.map((r) => ({
        assessmentId,
        findingIdx: r.idx,
        actorId,
        action: "status",
        detail: {
          bulk: bulkId,
          ...(change.status !== undefined
            ? { status: { from: r.status, to: change.status }, ...(change.note ? { note: change.note } : {}) }
            : {}),
          ...(change.assigneeId !== undefined ? { assignee: { from: r.assigneeId, to: change.assigneeId } } : {}),
        } as object,
      }));
      for (let i = 0; i < events.length; i += 2000) await tx.auditEvent.createMany({ data: events.slice(i, i + 2000) });
      if (change.comment?.trim()) {
        const body = change.comment.trim();
        await tx.findingComment.createMany({ data: idxs.map((idx) => ({ assessmentId, findingIdx: idx, authorId: actorId, body })) });
      }
      await tx.auditEvent.create({
        data: {
          assessmentId,
          actorId,
          action: "bulk",
          detail: {
            bulk: bulkId,
            count: rows.length,
            ...(change.status ? { status: { to: change.status } } : {}),
            ...(change.note ? { note: change.note } : {}),
            ...(change.assigneeId !== undefined ? { assignee: { to: change.assigneeId } } : {}),
          } as object,
        },
      });
      return rows.length;
    },
    { timeout: 60_000 },
  );
}
