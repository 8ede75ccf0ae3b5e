import { redirect } from "next/navigation";
import { needsSetup } from "@/lib/auth/accounts";
import { SetupForm } from "@/components/auth-forms";

export const dynamic = "force-dynamic";
export const metadata = { title: "Set up" };

export default async function SetupPage() {
  if (!(await needsSetup())) redirect("/signin");
  return (
    <div className="mx-auto mt-10 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">Welcome to DSQL Preflight</h1>
      <p className="mb-4 mt-1 text-sm text-slate-600">Create the first account. It becomes the admin, who adds the rest of the team.</p>
      <SetupForm />
    </div>
  );
}
