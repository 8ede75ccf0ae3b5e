/** POST /api/connections/test — connect to a source and run the permission preflight; nothing is stored. */
import { z } from "zod";
import { testConnection } from "../../../../lib/jobs/connection";
import { json, readJson, route } from "../../_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const body = z.object({
  host: z.string().trim().min(1, "must not be empty").max(255),
  port: z.coerce.number().int().min(1).max(65535).default(5432),
  database: z.string().trim().min(1, "must not be empty").max(63),
  user: z.string().trim().min(1, "must not be empty").max(63),
  password: z.string().max(1000).optional(),
  sslmode: z.enum(["disable", "require", "verify-full"]).default("require"),
});

export const POST = route(async (req) => {
  const p = body.parse(await readJson(req));
  return json(await testConnection(p));
});
