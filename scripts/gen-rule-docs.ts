// Writes docs/rules.md and docs/coverage.md from the rule files (lib/rules/docs.ts renders them).
// Run: npm run docs:rules
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { EVERY_RULE } from "../lib/rules/all";
import { renderCoverageDoc, renderRulesDoc } from "../lib/rules/core/docs";

const root = join(import.meta.dirname, "..");
const catalogPath = process.env.DSQL_CATALOG ?? join(root, "..", "shared", "dsql-compat.md");
mkdirSync(join(root, "docs"), { recursive: true });
writeFileSync(join(root, "docs", "rules.md"), renderRulesDoc());
const cov = renderCoverageDoc(readFileSync(catalogPath, "utf8"));
writeFileSync(join(root, "docs", "coverage.md"), cov.text);
console.log(`docs/rules.md: ${EVERY_RULE.length} rules; docs/coverage.md: ${cov.covered}/${cov.rows} catalog rows detected`);
