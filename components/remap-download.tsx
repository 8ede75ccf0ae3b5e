"use client";
import { strToU8, zipSync } from "fflate";

export interface RemapFileView {
  name: string;
  content: string;
}

function save(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** remap/ as a zip (all.sql includes its siblings with \ir, so they belong together), or one file at a time. */
export function RemapDownload({ files }: { files: RemapFileView[] }) {
  const zip = () => {
    const entries = Object.fromEntries(files.map((f) => [`remap/${f.name}`, strToU8(f.content)]));
    const bytes = zipSync(entries);
    save("remap.zip", new Blob([bytes as BlobPart], { type: "application/zip" }));
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={zip}
        className="rounded-md border border-indigo-300 bg-indigo-50 px-2 py-1 text-xs font-medium text-indigo-900 hover:bg-indigo-100"
        data-testid="remap-zip"
      >
        Download remap.zip
      </button>
      {files.map((f) => (
        <button
          key={f.name}
          type="button"
          onClick={() => save(f.name, new Blob([f.content], { type: f.name.endsWith(".json") ? "application/json" : "application/sql" }))}
          className="rounded border border-slate-200 bg-white px-1.5 py-0.5 font-mono text-xs text-slate-800 hover:bg-slate-50"
        >
          {f.name}
        </button>
      ))}
    </div>
  );
}
