/** POST /api/connections/test — connect to a source and run the permission preflight; nothing is stored. */
import { testConnection } from "@/lib/source/connection";
import { connectionSchema, json, readJson, route } from "../../_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(async (req) => {
  const p = connectionSchema.parse(await readJson(req));
  return json(await testConnection(p));
});
