/**
 * Starting an assessment: store its inputs (or connection details without the password) and enqueue the
 * job that analyses or collects them; re-running one starts the next run of its lineage. Request
 * handlers call these after validating; the work itself happens in a worker.
 */
import { createHash } from "node:crypto";
import type { KeyStrategy } from "../rewrite/types";
import { describeSource, type ConnectionParams } from "../source/connection";
import { databaseAssessments, databaseOf, type DatabaseAssessment } from "../store/assessments";
import { databaseUrl, prisma } from "../store/prisma";
import { sealPassword } from "./job-secret";
import { enqueue, QUEUES } from "./queue";

export interface NewInput {
  name: string;
  bytes: Uint8Array;
}

export interface CreateOptions {
  name: string;
  targetDate: string;
  keyStrategy: KeyStrategy;
  /** The signed-in user who started it. */
  createdById?: string;
  /** Set for a re-run: the run it follows. */
  previous?: { id: string; lineageId: string; runNumber: number };
  /** Uploads only: assess this one database of a cluster dump (kept in sourceInfo, so re-runs keep it). */
  database?: string;
  /** With `database`: the cluster-dump assessment this one was split from (assessEachDatabase). */
  splitFrom?: string;
}

function runFields(o: CreateOptions) {
  return {
    createdById: o.createdById ?? null,
    previousId: o.previous?.id ?? null,
    lineageId: o.previous?.lineageId ?? null,
    runNumber: o.previous ? o.previous.runNumber + 1 : 1,
  };
}

export async function createFromInputs(kind: "upload" | "paste" | "snapshot", inputs: NewInput[], o: CreateOptions) {
  const db = prisma();
  const names = kind === "paste" ? "Pasted SQL" : inputs.map((i) => i.name).join(", ");
  const only = o.database === undefined ? "" : ` (database ${o.database})`;
  const label = names.length + only.length > 300 ? `${names.slice(0, 297 - only.length)}…${only}` : names + only;
  const a = await db.assessment.create({
    data: {
      name: o.name,
      sourceKind: kind,
      sourceLabel: label,
      ...(o.database !== undefined ? { sourceInfo: { database: o.database, ...(o.splitFrom ? { splitFrom: o.splitFrom } : {}) } } : {}),
      targetDate: o.targetDate,
      keyStrategy: o.keyStrategy,
      inputBytes: inputs.reduce((n, i) => n + i.bytes.length, 0),
      ...runFields(o),
      progress: { phase: "queued", percent: 0, message: "Waiting for a worker" },
      inputs: {
        create: inputs.map((i, position) => ({
          position,
          name: i.name,
          size: i.bytes.length,
          sha256: createHash("sha256").update(i.bytes).digest("hex"),
          content: Buffer.from(i.bytes),
        })),
      },
    },
  });
  const jobId = await enqueue(databaseUrl(), kind === "snapshot" ? QUEUES.collect : QUEUES.analyze, { assessmentId: a.id });
  await db.assessment.update({ where: { id: a.id }, data: { jobId, lineageId: a.lineageId ?? a.id } });
  return { id: a.id, jobId };
}

export async function createFromConnection(params: ConnectionParams, o: CreateOptions) {
  const db = prisma();
  const { password, ...info } = params;
  const a = await db.assessment.create({
    data: {
      name: o.name,
      sourceKind: "connection",
      sourceLabel: describeSource(params),
      sourceInfo: info as object,
      targetDate: o.targetDate,
      keyStrategy: o.keyStrategy,
      ...runFields(o),
      progress: { phase: "queued", percent: 0, message: "Waiting for a worker" },
    },
  });
  const jobId = await enqueue(databaseUrl(), QUEUES.collect, { assessmentId: a.id, sealedPassword: sealPassword(password) });
  await db.assessment.update({ where: { id: a.id }, data: { jobId, lineageId: a.lineageId ?? a.id } });
  return { id: a.id, jobId };
}

export interface RerunOptions {
  /** New inputs (a new upload); without them the stored inputs are analysed again. */
  inputs?: NewInput[];
  targetDate?: string;
  keyStrategy?: KeyStrategy;
  /** For a live source: the password for the fresh collection (never stored). */
  password?: string;
  createdById: string;
}

export class RerunError extends Error {}

/** Start the next run of an assessment: a new upload, a fresh live collection, or a newer DSQL capability date. */
export async function rerunAssessment(previousId: string, o: RerunOptions) {
  const db = prisma();
  const prev = await db.assessment.findUnique({ where: { id: previousId }, include: { inputs: { orderBy: { position: "asc" } } } });
  if (!prev) return undefined;
  const latest = await db.assessment.findFirst({
    where: { lineageId: prev.lineageId ?? prev.id },
    orderBy: { runNumber: "desc" },
    select: { runNumber: true },
  });
  const options: CreateOptions = {
    name: prev.name,
    targetDate: o.targetDate ?? prev.targetDate,
    keyStrategy: o.keyStrategy ?? (prev.keyStrategy as KeyStrategy),
    createdById: o.createdById,
    previous: { id: prev.id, lineageId: prev.lineageId ?? prev.id, runNumber: Math.max(prev.runNumber, latest?.runNumber ?? 0) },
    // The next run of one database of a cluster dump is about the same database, new upload or not.
    database: databaseOf(prev),
  };
  const reason = o.inputs?.length
    ? "new upload"
    : prev.sourceKind === "connection"
      ? "fresh live collection"
      : `DSQL capabilities as of ${options.targetDate}`;
  let created: { id: string; jobId: string | null };
  if (prev.sourceKind === "connection" && !o.inputs?.length) {
    const info = (prev.sourceInfo ?? {}) as unknown as ConnectionParams;
    created = await createFromConnection({ ...info, password: o.password }, options);
  } else {
    const inputs = o.inputs?.length ? o.inputs : prev.inputs.map((i) => ({ name: i.name, bytes: new Uint8Array(i.content) }));
    if (!inputs.length) throw new RerunError("This assessment has no stored inputs; upload files to re-run it");
    const kind = prev.sourceKind === "snapshot" ? "snapshot" : o.inputs?.length ? "upload" : (prev.sourceKind as "upload" | "paste");
    created = await createFromInputs(kind, inputs, options);
  }
  const run = options.previous!.runNumber + 1;
  await db.auditEvent.createMany({
    data: [
      { assessmentId: prev.id, actorId: o.createdById, action: "rerun", detail: { runNumber: run, assessmentId: created.id, reason } },
      { assessmentId: created.id, actorId: o.createdById, action: "rerun", detail: { runNumber: run, previousId: prev.id, reason } },
    ],
  });
  return { ...created, runNumber: run, reason };
}

export class SplitError extends Error {}

/**
 * A cluster dump holds several databases, and a DSQL cluster has one: one new assessment per database,
 * each on the same stored inputs narrowed to its database (the globals before the first \connect go
 * with each), as the CLI's `--database NAME` does. Asking again returns the ones already made.
 */
export async function assessEachDatabase(
  parentId: string,
  databases: string[],
  createdById: string,
): Promise<{ created: boolean; assessments: DatabaseAssessment[] }> {
  const db = prisma();
  const a = await db.assessment.findUnique({ where: { id: parentId }, include: { inputs: { orderBy: { position: "asc" } } } });
  if (!a) throw new SplitError("No such assessment");
  if (a.sourceKind !== "upload" && a.sourceKind !== "paste") throw new SplitError("Only uploaded SQL can be split by database");
  if (databaseOf(a) !== undefined) throw new SplitError(`This assessment is already about one database (${databaseOf(a)})`);
  if (databases.length < 2) throw new SplitError("The inputs hold fewer than two databases: there is nothing to split");
  const existing = await databaseAssessments(parentId);
  if (existing.length) return { created: false, assessments: existing };
  const inputs = a.inputs.map((i) => ({ name: i.name, bytes: new Uint8Array(i.content) }));
  const out: DatabaseAssessment[] = [];
  for (const name of databases) {
    const created = await createFromInputs(a.sourceKind, inputs, {
      name: `${a.name} · ${name}`,
      targetDate: a.targetDate,
      keyStrategy: a.keyStrategy as KeyStrategy,
      createdById,
      database: name,
      splitFrom: parentId,
    });
    out.push({ database: name, id: created.id });
  }
  await db.auditEvent.create({
    data: { assessmentId: parentId, actorId: createdById, action: "split-databases", detail: { databases: out.map((d) => d.database) } },
  });
  return { created: true, assessments: out };
}
