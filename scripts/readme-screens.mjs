// `npm run screens:readme`: refresh the README's screenshots from the real app. Runs the Overview and
// responsive e2e specs (which build the app and assess corpus files) and copies their screenshots of the
// new Overview, the checklist, the print view and the phone view into docs/screenshots/.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const r = spawnSync(process.execPath, [join(root, "scripts", "e2e.mjs"), "e2e/overview.spec.ts", "e2e/responsive.spec.ts"], {
  cwd: root,
  stdio: "inherit",
});
if (r.status !== 0) process.exit(r.status ?? 1);
const out = join(root, "docs", "screenshots");
mkdirSync(out, { recursive: true });
const shots = {
  "overview-1440": "overview.png",
  "checklist-1440": "checklist.png",
  "desktop-print": "print-view.png",
  "phone-overview-top": "overview-phone.png",
};
for (const [from, to] of Object.entries(shots)) {
  copyFileSync(join(root, "test-results", "screens", `${from}.png`), join(out, to));
  console.log(`docs/screenshots/${to}`);
}
