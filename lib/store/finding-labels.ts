/** What a finding is, in words (rule title and object), for lists that only hold its position. */
import { prisma } from "./prisma";

export interface FindingLabel {
  idx: number;
  title: string;
  ruleId: string;
  object: string;
}

export async function findingLabels(assessmentId: string, idxs: number[]): Promise<Map<number, FindingLabel>> {
  const wanted = [...new Set(idxs)];
  if (!wanted.length) return new Map();
  const rows = await prisma().finding.findMany({
    where: { assessmentId, idx: { in: wanted } },
    select: { idx: true, title: true, ruleId: true, objectKind: true, objectKey: true, objectName: true },
  });
  return new Map(
    rows.map((r) => [
      r.idx,
      { idx: r.idx, title: r.title, ruleId: r.ruleId, object: r.objectName ? `${r.objectKind} ${r.objectKey}` : r.objectKind },
    ]),
  );
}
