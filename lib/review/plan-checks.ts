/** Plan steps the team checks off, with who and when. A step's key is `<phase id>:<step position>`. */
import { prisma } from "../store/prisma";

export async function planChecks(assessmentId: string) {
  const rows = await prisma().planStepCheck.findMany({
    where: { assessmentId },
    include: { checkedBy: { select: { id: true, name: true } } },
  });
  return Object.fromEntries(rows.map((r) => [r.stepKey, { checkedAt: r.checkedAt, checkedBy: r.checkedBy }]));
}

export async function setPlanCheck(assessmentId: string, stepKey: string, checked: boolean, actorId: string, title?: string) {
  const db = prisma();
  if (checked) {
    await db.planStepCheck.upsert({
      where: { assessmentId_stepKey: { assessmentId, stepKey } },
      create: { assessmentId, stepKey, checkedById: actorId },
      update: {},
    });
  } else {
    await db.planStepCheck.deleteMany({ where: { assessmentId, stepKey } });
  }
  await db.auditEvent.create({
    data: { assessmentId, actorId, action: "plan-step", detail: { stepKey, checked, ...(title ? { title } : {}) } },
  });
  return (await planChecks(assessmentId))[stepKey] ?? null;
}
