#!/usr/bin/env node
// Runs the bundled CLI; builds it first when running from a fresh checkout without dist/.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(root, "dist", "cli", "cli.js");
if (!existsSync(bundle)) execFileSync(process.execPath, [join(root, "scripts", "build-cli.mjs")], { stdio: "inherit" });
await import(bundle);
