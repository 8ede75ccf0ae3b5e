"use client";
/**
 * TanStack Query for the data the browser fetches after the server render: job status polling, the
 * checklist's filtered pages, share links. One client per browser tab; server components render the
 * first state and the hooks take over from there.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";

export function QueryProvider({ children }: { children: React.ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // Assessments change only through this UI or a job; refetch on focus would re-page the checklist.
          queries: { refetchOnWindowFocus: false, retry: 1, staleTime: 5_000 },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** Fetch JSON and turn an API error body into an Error with its message. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { cache: "no-store", ...init });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `Request failed (${res.status})`);
  return body as T;
}
