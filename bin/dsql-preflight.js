#!/usr/bin/env node
// Runs the bundled CLI; builds it first when running from a fresh checkout without dist/.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { setFlagsFromString } from "node:v8";

// A CLI run parses for well under a second: V8's optimising WASM tier would spend more CPU compiling
// the 1.7 MB parser in the background than it saves, so the baseline compiler's code is kept.
if (!process.env.DSQL_PREFLIGHT_WASM_TIERUP) setFlagsFromString("--liftoff-only");

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(root, "dist", "cli", "cli.js");
if (!existsSync(bundle)) execFileSync(process.execPath, [join(root, "scripts", "build-cli.mjs")], { stdio: "inherit" });
// Loading libpg-query starts reading and compiling its WASM off the main thread; doing it first lets
// that overlap with loading the CLI's own modules. The bundle imports the same (cached) module.
if (/^(analyze|rewrite)$/.test(process.argv[2] ?? "")) createRequire(import.meta.url)("libpg-query");
await import(bundle);
