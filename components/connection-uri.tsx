"use client";
/**
 * A connection-URI field for the live-source form: pasting `postgresql://user:pass@host:5432/db?sslmode=…`
 * fills the separate fields (which stay the source of truth), or says what is wrong with the URI.
 */
import { useState } from "react";
import { parseConnectionUri, type ConnFields } from "../lib/source/connection-uri";

export function ConnectionUriField({ onFields, inputClass }: { onFields: (f: Partial<ConnFields>) => void; inputClass: string }) {
  const [uri, setUri] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <label className="block text-sm font-medium text-slate-800 sm:col-span-6">
      Connection URI (optional: fills the fields below)
      <input
        className={`${inputClass} mt-1 font-mono`}
        value={uri}
        placeholder="postgresql://user@db.example.internal:5432/app?sslmode=require"
        autoComplete="off"
        spellCheck={false}
        data-testid="connection-uri"
        onChange={(e) => {
          setUri(e.target.value);
          if (!e.target.value.trim()) return setError(null);
          const r = parseConnectionUri(e.target.value);
          if ("error" in r) return setError(r.error);
          setError(null);
          onFields(r.fields);
        }}
      />
      {error && (
        <span role="alert" className="mt-1 block text-xs font-normal text-red-800">
          {error}
        </span>
      )}
    </label>
  );
}
