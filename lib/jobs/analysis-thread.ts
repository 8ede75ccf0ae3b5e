/**
 * Worker-thread entry (bundled to dist/analysis-thread.js): parsing and analysis are CPU-bound and
 * allocate a lot, so they run off the event loop that serves HTTP and polls the queue.
 */
import { parentPort, workerData } from "node:worker_threads";
import { AssessmentError, assessUploads, type AssessInput, type AssessOptions } from "../pipeline/uploads";

const { inputs, opts } = workerData as { inputs: AssessInput[]; opts: AssessOptions };

assessUploads(inputs, opts, (p) => parentPort!.postMessage({ type: "progress", progress: p }))
  .then((assessed) => parentPort!.postMessage({ type: "done", assessed }))
  .catch((e: Error) =>
    parentPort!.postMessage({ type: "error", message: e.message, expected: e instanceof AssessmentError, stack: e.stack }),
  );
