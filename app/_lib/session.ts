/** The signed-in user for server components; pages that need one redirect to /signin. */
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { needsSetup, userForSession } from "@/lib/auth/accounts";
import { atLeast, type AuthUser, type Role } from "@/lib/auth/roles";
import { SESSION_COOKIE } from "../api/_lib/auth";

export async function pageUser(): Promise<AuthUser | undefined> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return userForSession(token);
}

export async function requirePageUser(role: Role = "viewer"): Promise<AuthUser> {
  const user = await pageUser();
  if (!user) {
    if (await needsSetup()) redirect("/setup");
    const path = (await headers()).get("x-preflight-path") ?? "/";
    redirect(`/signin?next=${encodeURIComponent(path)}`);
  }
  if (!atLeast(user.role, role)) redirect("/?forbidden=1");
  return user;
}
