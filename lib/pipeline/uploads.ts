/**
 * An assessment of uploaded inputs, wherever it runs (a worker thread of the queue worker, or inline):
 * decode → the file pipeline (assess.ts), reporting progress as it goes.
 */
import { InputError, type InputFile } from "../ingest/input";
import { checkHasStatements, checkStatementCount } from "../ingest/limits";
import { selectDatabase } from "../ingest/databases";
import { inSectionOrder } from "../ingest/sections";
import { inputsFromBytes } from "../ingest/sources";
import type { KeyStrategy } from "../rewrite/types";
import type { Assessed } from "./artifacts";
import { assessFiles, type AnalyzeHooks } from "./assess";

export interface AssessInput {
  name: string;
  bytes: Uint8Array;
}

export interface AssessOptions {
  targetDate: string;
  keyStrategy: string;
  maxBytes?: number;
  /** One database of a cluster dump: the globals and that database's sections are assessed, the rest left out. */
  database?: string;
}

export interface Progress {
  phase: "queued" | "decoding" | "analyzing" | "reporting" | "saving" | "collecting" | "done";
  percent: number;
  message: string;
  statements?: number;
}

/** A problem with the inputs themselves: shown to the user as is. */
export class AssessmentError extends Error {}

export function decodeInputs(inputs: AssessInput[], maxBytes?: number, database?: string): InputFile[] {
  const out: InputFile[] = [];
  for (const i of inputs) out.push(...inputsFromBytes(i.name, i.bytes, { maxBytes }));
  const files = inSectionOrder(out).files;
  if (database === undefined) return files;
  const where = files.map((f) => f.path).join(", ");
  return selectDatabase(files, database, (m) => new InputError("no-such-database", where, m), `no database ${database} to assess`);
}

export async function assessUploads(inputs: AssessInput[], opts: AssessOptions, onProgress: (p: Progress) => void): Promise<Assessed> {
  onProgress({ phase: "decoding", percent: 2, message: `Reading ${inputs.length} input${inputs.length === 1 ? "" : "s"}` });
  let files: InputFile[];
  try {
    files = decodeInputs(inputs, opts.maxBytes, opts.database);
    // Too many statements is refused here, before any parsing (the count comes from the lexer pass
    // the parser reuses).
    checkStatementCount(files);
    checkHasStatements(files);
  } catch (e) {
    if (e instanceof InputError) throw new AssessmentError(e.message);
    throw e;
  }
  const totalChars = files.reduce((a, f) => a + f.text.length, 0) || 1;
  let doneChars = 0;
  let statements = 0;
  let lastSent = 0;
  const fileStart = new Map<string, number>();
  {
    let acc = 0;
    for (const f of files) {
      fileStart.set(f.path, acc);
      acc += f.text.length;
    }
  }
  const hooks: AnalyzeHooks = {
    onStatement: (stmt) => {
      statements++;
      doneChars = (fileStart.get(stmt.file) ?? 0) + stmt.end;
      const now = Date.now();
      if (now - lastSent > 150) {
        lastSent = now;
        onProgress({
          phase: "analyzing",
          percent: 5 + Math.round((85 * doneChars) / totalChars),
          message: `Analysing ${stmt.file}`,
          statements,
        });
      }
    },
    onProgress: (p) =>
      onProgress({
        phase: "analyzing",
        percent: 5 + Math.round((85 * doneChars) / totalChars),
        message: `Analysed ${p.filesDone} of ${p.filesTotal} files`,
        statements,
      }),
  };
  try {
    const { report, artifacts, timings } = await assessFiles(files, {
      targetDate: opts.targetDate,
      rewrite: { targetDate: opts.targetDate, keyStrategy: opts.keyStrategy as KeyStrategy },
      hooks,
      beforeReport: () =>
        onProgress({ phase: "reporting", percent: 94, message: "Building the report and the migration plan", statements }),
    });
    return { report, artifacts, timings };
  } catch (e) {
    // Input limits hit during the analysis are the input's fault, the same on every attempt.
    if (e instanceof InputError) throw new AssessmentError(e.message);
    throw e;
  }
}
