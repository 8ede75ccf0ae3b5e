"use client";
/**
 * The PDF export link, with feedback while the server renders (several seconds for a large report):
 * the button says it is working and counts seconds, then hands the file to the browser. Without
 * JavaScript it stays a plain download link.
 */
import { useEffect, useState } from "react";

export function PdfExportButton({ href, className }: { href: string; className: string }) {
  const [started, setStarted] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (started === null) return;
    const t = setInterval(() => setElapsed(Math.round((Date.now() - started) / 1000)), 500);
    return () => clearInterval(t);
  }, [started]);

  const download = async (e: React.MouseEvent) => {
    e.preventDefault();
    if (started !== null) return;
    setError(null);
    setElapsed(0);
    setStarted(Date.now());
    try {
      const res = await fetch(href);
      if (!res.ok)
        throw new Error(
          res.status === 503 ? "PDF export is unavailable on this server: use the Print view" : `PDF export failed (${res.status})`,
        );
      const blob = await res.blob();
      const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "assessment.pdf";
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setStarted(null);
    }
  };

  return (
    <span className="inline-flex flex-col">
      <a className={className} href={href} onClick={download} aria-busy={started !== null} data-testid="export-pdf">
        {started !== null ? `Rendering PDF… ${elapsed} s` : "PDF"}
      </a>
      <span role="status" className="text-xs text-slate-700" data-testid="pdf-status">
        {started !== null ? "The server is rendering the report; the download starts when it is ready." : (error ?? "")}
      </span>
    </span>
  );
}
