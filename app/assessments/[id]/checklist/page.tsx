import { z } from "zod";
import { CATEGORIES } from "@/lib/rules/core/rule";
import { findingsPage, GROUPS } from "@/lib/store/assessments";
import { Checklist, type ChecklistFilters } from "@/components/checklist";
import { listMembers } from "@/lib/auth/accounts";
import { atLeast } from "@/lib/auth/roles";
import { normaliseStatus } from "@/lib/review/status";
import { requirePageUser } from "@/app/_lib/session";

export const dynamic = "force-dynamic";

const csv = z
  .string()
  .optional()
  .catch(undefined)
  .transform((s) => (s ? s.split(",").filter(Boolean) : []));

const sp = z.object({
  severity: csv,
  category: csv,
  fix: csv,
  status: csv,
  rule: csv,
  assignee: csv,
  q: z.string().max(200).optional().catch(undefined),
  group: z.enum(GROUPS).optional().catch(undefined),
});

export default async function ChecklistPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  const { id } = await params;
  const q = sp.parse(await searchParams);
  const status = q.status.map((s) => normaliseStatus(s)).filter((s): s is NonNullable<typeof s> => !!s);
  const filters: ChecklistFilters = {
    severity: q.severity,
    category: q.category,
    fix: q.fix,
    status,
    rule: q.rule,
    assignee: q.assignee,
    q: q.q ?? "",
  };
  const group = q.group ?? "rule";
  const initial = await findingsPage(id, { ...filters, q: filters.q || undefined }, group, 0, 50);
  const members = (await listMembers()).map((m) => ({ id: m.id, name: m.name, email: m.email }));
  return (
    <Checklist
      id={id}
      initial={JSON.parse(JSON.stringify(initial))}
      initialFilters={filters}
      initialGroup={group}
      categories={[...CATEGORIES]}
      canEdit={atLeast(user.role, "member")}
      members={members}
      me={user.id}
    />
  );
}
