// Opens the app's store (as `npm start` does) and waits to be killed; prints its state as one JSON line.
import { openStore } from "../../lib/store/bootstrap";

const store = await openStore({ log: () => {} });
process.stdout.write(`${JSON.stringify({ url: store.url, mode: store.mode })}\n`);
setInterval(() => {}, 60_000);
