import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";
import { pageUser } from "./_lib/session";
import { QueryProvider } from "../components/query-provider";

export const metadata: Metadata = {
  title: { default: "DSQL Preflight", template: "%s · DSQL Preflight" },
  description: "Assess what it takes to move a PostgreSQL database to Amazon Aurora DSQL",
};

export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Signed-out visitors (sign-in, share links) see no navigation to other assessments.
  const user = await pageUser().catch(() => undefined);
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
            <Link href={user ? "/" : "/signin"} className="flex items-center gap-2 font-semibold text-slate-900">
              <span aria-hidden className="inline-block h-6 w-6 rounded bg-indigo-700 text-center text-sm leading-6 text-white">
                ✓
              </span>
              DSQL Preflight
            </Link>
            {user && (
              <>
                <nav aria-label="Main" className="flex gap-4 text-sm">
                  <Link href="/" className="text-slate-700 hover:text-indigo-700">
                    Assessments
                  </Link>
                  {user.role !== "viewer" && (
                    <Link href="/new" className="text-slate-700 hover:text-indigo-700">
                      New assessment
                    </Link>
                  )}
                  <Link href="/team" className="text-slate-700 hover:text-indigo-700">
                    Team
                  </Link>
                </nav>
                <form action="/api/auth/signout" method="post" className="ml-auto flex items-center gap-3 text-sm" data-testid="user-menu">
                  <span className="text-slate-700">
                    {user.name} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{user.role}</span>
                  </span>
                  <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-50">
                    Sign out
                  </button>
                </form>
              </>
            )}
          </div>
        </header>
        <main id="main" className="mx-auto max-w-screen-2xl px-4 py-6 sm:px-6">
          <QueryProvider>{children}</QueryProvider>
        </main>
      </body>
    </html>
  );
}
