import { redirect } from "next/navigation";
import { needsSetup } from "@/lib/auth/accounts";
import { SignInForm } from "@/components/auth-forms";
import { pageUser } from "../_lib/session";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await needsSetup()) redirect("/setup");
  const { next } = await searchParams;
  if (await pageUser()) redirect(next && next.startsWith("/") && !next.startsWith("//") ? next : "/");
  return (
    <div className="mx-auto mt-10 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
      <SignInForm next={typeof next === "string" ? next : undefined} />
    </div>
  );
}
