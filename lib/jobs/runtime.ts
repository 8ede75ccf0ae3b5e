/**
 * Process entry points shared by `npm start`/`npm run dev` (store + in-process worker + Next) and
 * `npm run worker` (store + worker only). Bundled to dist/server-runtime.js.
 */
import { openStore, type Store } from "../store/bootstrap";
import { startWorker, type WorkerHandle } from "./worker";

export { openStore, startWorker };

export async function startBackend(opts: {
  worker: boolean;
  concurrency?: number;
}): Promise<{ store: Store; worker?: WorkerHandle; stop(): Promise<void> }> {
  const store = await openStore();
  process.env.DATABASE_URL = store.url;
  const worker = opts.worker ? await startWorker(store.url, { concurrency: opts.concurrency }) : undefined;
  return {
    store,
    worker,
    async stop() {
      await worker?.stop().catch(() => {});
      await store.stop().catch(() => {});
    },
  };
}
