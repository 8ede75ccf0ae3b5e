/** GET /api/assessments/:id/findings — filtered, grouped, paged findings with their rule docs and review state. */
import { z } from "zod";
import { findingsPage, getAssessment, GROUPS } from "@/lib/store/assessments";
import { HttpError, json, parseId, route } from "@/app/api/_lib/http";
import { normaliseStatus } from "@/lib/review/status";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const list = (allowed?: readonly string[]) =>
  z
    .string()
    .optional()
    .transform((s) =>
      s
        ? s
            .split(",")
            .map((x) => x.trim())
            .filter(Boolean)
        : undefined,
    )
    .refine((xs) => !allowed || !xs || xs.every((x) => allowed.includes(x)), {
      message: `must be a comma-separated list of: ${allowed?.join(", ")}`,
    });

const query = z.object({
  severity: list(["blocker", "warning", "advice"]),
  category: list(),
  fix: list(["auto", "manual"]),
  status: list(["open", "accepted", "wontfix", "done", "waived", "fixed"]).transform((xs) => xs?.map((x) => normaliseStatus(x)!)),
  assignee: list(),
  rule: list(),
  q: z.string().trim().max(200).optional(),
  group: z.enum(GROUPS).default("category"),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const GET = route(async (req, params) => {
  const id = parseId(params);
  const q = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  const a = await getAssessment(id);
  if (!a) throw new HttpError(404, "not-found", "No such assessment");
  if (a.status !== "done") throw new HttpError(409, "not-ready", `Assessment is ${a.status}`);
  return json(
    await findingsPage(
      id,
      { severity: q.severity, category: q.category, fix: q.fix, status: q.status, rule: q.rule, assignee: q.assignee, q: q.q || undefined },
      q.group,
      q.offset,
      q.limit,
    ),
  );
});
