"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function Tabs({ items }: { items: Array<{ href: string; label: string }> }) {
  const path = usePathname();
  return (
    <nav aria-label="Assessment sections" className="overflow-x-auto border-b border-slate-200">
      <ul className="flex gap-1 whitespace-nowrap">
        {items.map((t, i) => {
          const active = i === 0 ? path === t.href : path.startsWith(t.href);
          return (
            <li key={t.href}>
              <Link
                href={t.href}
                aria-current={active ? "page" : undefined}
                className={`-mb-px inline-block border-b-2 px-3 py-2.5 sm:px-4 text-sm font-medium ${active ? "border-indigo-700 text-indigo-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
