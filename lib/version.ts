/** Kept equal to package.json's version (a test checks it); inlined so the CLI needs no JSON read at start. */
export const TOOL_VERSION = "0.1.0";
