/**
 * Worker-thread entry (bundled to dist/analysis-thread.js): parsing and analysis are CPU-bound and
 * allocate a lot, so they run off the event loop that serves HTTP and polls the queue.
 */
import { parentPort, workerData } from "node:worker_threads";
import { AssessmentError, assessUploads, type AssessInput, type AssessOptions } from "../pipeline/uploads";
import { toStoredForm, transferList } from "./stored-form";

const { inputs, opts, enteredWorkload } = workerData as { inputs: AssessInput[]; opts: AssessOptions; enteredWorkload?: unknown };

assessUploads(inputs, opts, (p) => parentPort!.postMessage({ type: "progress", progress: p }))
  .then((assessed) => {
    // Serialized here, in chunks whose buffers move to the main thread without a copy.
    const stored = toStoredForm(assessed, enteredWorkload);
    parentPort!.postMessage({ type: "done", stored }, transferList(stored));
  })
  .catch((e: Error) =>
    parentPort!.postMessage({ type: "error", message: e.message, expected: e instanceof AssessmentError, stack: e.stack }),
  );
