import { listApiTokens, listMembers } from "@/lib/auth/accounts";
import { Team } from "@/components/team";
import { requirePageUser } from "../_lib/session";

export const dynamic = "force-dynamic";
export const metadata = { title: "Team" };

export default async function TeamPage() {
  const user = await requirePageUser();
  const isAdmin = user.role === "admin";
  const members = (await listMembers()).map((m) => ({
    id: m.id,
    email: m.email,
    name: m.name,
    role: m.role,
    pending: m.pending,
    lastLoginAt: m.lastLoginAt?.toISOString() ?? null,
  }));
  const tokens = (await listApiTokens(user.id)).map((t) => ({
    ...t,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  }));
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-2xl font-semibold">Team</h1>
      <Team me={user.id} isAdmin={isAdmin} initialMembers={members} initialTokens={tokens} />
    </div>
  );
}
