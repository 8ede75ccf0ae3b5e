// Preloaded by the benchmark into the CLI process (`node --import`): reports the process's peak RSS at exit.
process.on("exit", () => process.stderr.write(`\nbench-maxrss-kb=${process.resourceUsage().maxRSS}\n`));
