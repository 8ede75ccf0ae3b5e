import { main } from "./main";

// A reader that stops early (`| head`, `| grep -m1`) closes the pipe. Stop quietly, as Unix tools do
// when SIGPIPE ends them (exit 141), instead of dying on an unhandled EPIPE with a stack trace; the
// non-zero code keeps a `--fail-on` gate from passing on a report nobody read to the end.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(141);
  throw e;
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
