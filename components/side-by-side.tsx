/** Side-by-side diff of one object, hunk by hunk, each hunk labelled with the rules that caused it. */
import { structuredPatch } from "diff";
import type { DiffHunk } from "@/lib/report/sections";

interface Row {
  left?: { n: number; text: string; kind: "ctx" | "del" };
  right?: { n: number; text: string; kind: "ctx" | "add" };
}

function rowsOf(h: DiffHunk): Row[] {
  const rows: Row[] = [];
  let ln = h.oldStart;
  let rn = h.newStart;
  let dels: Row["left"][] = [];
  let adds: Row["right"][] = [];
  const flush = () => {
    const n = Math.max(dels.length, adds.length);
    for (let i = 0; i < n; i++) rows.push({ left: dels[i], right: adds[i] });
    dels = [];
    adds = [];
  };
  for (const line of h.lines) {
    const tag = line[0];
    const text = line.slice(1);
    if (tag === "-") dels.push({ n: ln++, text, kind: "del" });
    else if (tag === "+") adds.push({ n: rn++, text, kind: "add" });
    else if (tag === "\\") continue;
    else {
      flush();
      rows.push({ left: { n: ln++, text, kind: "ctx" }, right: { n: rn++, text, kind: "ctx" } });
    }
  }
  flush();
  return rows;
}

export function hunksFor(original: string, rewritten: string, given: DiffHunk[]): DiffHunk[] {
  if (given.length) return given;
  if (original === rewritten) return [];
  const p = structuredPatch(
    "a",
    "b",
    original.endsWith("\n") ? original : original + "\n",
    rewritten.endsWith("\n") ? rewritten : rewritten + "\n",
    undefined,
    undefined,
    { context: 3 },
  );
  return p.hunks.map((h) => ({ oldStart: h.oldStart, newStart: h.newStart, lines: h.lines, rules: [], reasons: [] }));
}

const CELL = { ctx: "", del: "bg-red-50 text-red-950", add: "bg-emerald-50 text-emerald-950" };

export function SideBySide({ hunks, ruleTitles }: { hunks: DiffHunk[]; ruleTitles: Record<string, string> }) {
  if (!hunks.length) return <p className="text-sm text-slate-600">No change: this object is already DSQL-compatible.</p>;
  return (
    <div className="space-y-4" data-testid="diff">
      {hunks.map((h, i) => (
        <div key={i} className="overflow-hidden rounded-md border border-slate-200" data-testid="hunk">
          <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs">
            <span className="font-mono text-slate-600">
              @@ −{h.oldStart} +{h.newStart} @@
            </span>
            {h.rules.map((r) => (
              <span
                key={r}
                className="rounded-full border border-indigo-200 bg-indigo-50 px-2 py-0.5 font-medium text-indigo-800"
                title={ruleTitles[r] ?? r}
                data-testid="rule-chip"
              >
                {r}
              </span>
            ))}
            {h.reasons.length > 0 && <span className="text-slate-700">{h.reasons.join("; ")}</span>}
          </div>
          <table className="w-full table-fixed font-mono text-xs leading-5">
            <colgroup>
              <col className="w-10" />
              <col />
              <col className="w-10" />
              <col />
            </colgroup>
            <tbody>
              {rowsOf(h).map((r, j) => (
                <tr key={j}>
                  <td className="select-none border-r border-slate-100 px-1 text-right text-slate-500">{r.left?.n ?? ""}</td>
                  <td
                    className={`whitespace-pre-wrap break-all border-r border-slate-200 px-2 ${r.left ? CELL[r.left.kind] : "bg-slate-50"}`}
                  >
                    {r.left ? (
                      r.left.kind === "del" ? (
                        <del className="no-underline">
                          <span className="sr-only">removed: </span>
                          {r.left.text}
                        </del>
                      ) : (
                        r.left.text
                      )
                    ) : (
                      ""
                    )}
                  </td>
                  <td className="select-none border-r border-slate-100 px-1 text-right text-slate-500">{r.right?.n ?? ""}</td>
                  <td className={`whitespace-pre-wrap break-all px-2 ${r.right ? CELL[r.right.kind] : "bg-slate-50"}`}>
                    {r.right ? (
                      r.right.kind === "add" ? (
                        <ins className="no-underline">
                          <span className="sr-only">added: </span>
                          {r.right.text}
                        </ins>
                      ) : (
                        r.right.text
                      )
                    ) : (
                      ""
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
