import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EVERY_RULE } from "../../rules/all";
import { AUTO_FIX_RULE_IDS, RULE_IDS } from "../../rules/ids";
import { FIX_FAMILY_OF, UNTAGGED_FIXES, fixModuleOf } from "./index";

describe("fix registry", () => {
  it("the generated id lists match the rule registry", () => {
    expect([...RULE_IDS]).toEqual(EVERY_RULE.map((r) => r.id).sort());
    expect([...AUTO_FIX_RULE_IDS]).toEqual(
      EVERY_RULE.filter((r) => r.fixKind === "auto")
        .map((r) => r.id)
        .sort(),
    );
  });

  it("names, for every auto-fixable rule, a module that tags its edits with that rule", () => {
    for (const id of AUTO_FIX_RULE_IDS) {
      const module = fixModuleOf(id);
      expect(module, id).toBeDefined();
      expect(existsSync(module!), module).toBe(true);
      const tagged = readFileSync(module!, "utf8").includes(`"${id}"`);
      expect(tagged, `${id} in ${module}`).toBe(!UNTAGGED_FIXES.has(id));
    }
  });

  it("knows no rule the rewrite leaves to manual work", () => {
    for (const r of EVERY_RULE.filter((x) => x.fixKind !== "auto")) expect(fixModuleOf(r.id), r.id).toBeUndefined();
    expect(Object.keys(FIX_FAMILY_OF).length).toBe(AUTO_FIX_RULE_IDS.length);
  });
});
