import { key } from "@/lib/model/schema";
import { CAPABILITIES } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** Trigger functions can be created on DSQL once it runs PL/pgSQL, but DSQL has no triggers to fire them. */
export default defineRule({
  id: "trigger-function",
  title: "Trigger function nothing can fire",
  severity: "warning",
  category: "procedural-code",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.PLPGSQL,
  why: "DSQL accepts a PL/pgSQL function that RETURNS trigger, but it has no CREATE TRIGGER: the function is dead code and whatever it did on each write silently stops. The work is the trigger's (see the trigger finding); this marks the function that goes with it.",
  fix: "Move the function's logic into the application's write path (or a function the application calls explicitly), then drop the trigger function.",
  catalogRows: [64, 69],
  appliesFrom: CAPABILITIES.plpgsql,
  example: {
    bad: "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;",
    good: "CREATE FUNCTION touch(t timestamptz) RETURNS timestamptz LANGUAGE sql RETURN t;",
  },
  checkModel({ model, report }) {
    for (const r of model.routines) {
      if (!r.returnsTrigger || (r.language !== "plpgsql" && r.language !== "sql")) continue;
      const users = model.triggers
        .filter((t) => key(t.function) === key(r) || (t.function.name === r.name && !t.function.schema))
        .map((t) => `${t.table.name}.${t.name}`);
      const by = users.length
        ? `; used by ${users.length === 1 ? "trigger" : "triggers"} ${users.slice(0, 5).join(", ")}${users.length > 5 ? ", …" : ""}`
        : "";
      report({
        message: `trigger function ${r.schema}.${r.name} can be created, but DSQL has no triggers to fire it${by}`,
        origin: r.origin,
        object: { kind: "function", schema: r.schema, name: r.name },
      });
    }
  },
});
