import { inviteFor } from "@/lib/auth/accounts";
import { InviteForm } from "@/components/auth-forms";

export const dynamic = "force-dynamic";
export const metadata = { title: "Join" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await inviteFor(token);
  return (
    <div className="mx-auto mt-10 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-xl font-semibold">Join DSQL Preflight</h1>
      {invite ? (
        <InviteForm token={token} email={invite.email} />
      ) : (
        <p role="alert">This invitation link is invalid, used or expired. Ask an admin for a new one.</p>
      )}
    </div>
  );
}
