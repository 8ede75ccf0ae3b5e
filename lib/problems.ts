/**
 * Root causes. Every finding carries a `problemId`; findings with the same root cause share it, so a
 * checklist shows one item per problem with its instances under it, and effort is counted per problem:
 * an index's missing ASYNC and its USING btree are one fix; an enum's CREATE TYPE, its column uses and
 * its DROP TYPE are one problem; a partitioned table's partitions group under it; CALLs of a procedure
 * DSQL cannot run group under the procedure; COMMENT ON / DROP EXTENSION group under the extension;
 * SQL inside a routine body groups by rule under the routine; a trigger function goes with its trigger.
 */
import type { SourceRef, SchemaModel } from "./model/schema";
import type { Finding, ObjectRef } from "./rules/core/rule";

/** Rule + object, or rule + position for findings about no named object. */
export function defaultProblemId(
  ruleId: string,
  object: ObjectRef,
  at: Pick<SourceRef, "file" | "line" | "column" | "statementIndex">,
): string {
  if (object.name) return `${ruleId}:${object.kind}:${object.schema ?? ""}.${object.name}`;
  return `${ruleId}@${at.file}:${at.line}:${at.column}`;
}

/** CREATE INDEX syntax DSQL wants differently: fixed together, in the one statement. */
const INDEX_SYNTAX = new Set(["index-not-async", "index-using-clause", "index-concurrently"]);
/** Rules about a user type and its uses. */
const TYPE_RULES = new Set(["enum-type", "composite-type", "alter-or-drop-type"]);

/** Re-key findings whose root cause is shared with other findings (the default key is rule + object). */
export function assignProblemIds(findings: Finding[], model: SchemaModel): void {
  for (const f of findings) {
    const id = sharedProblem(f, model);
    if (id) f.problemId = id;
  }
}

function sharedProblem(f: Finding, model: SchemaModel): string | undefined {
  const o = f.object;
  if (INDEX_SYNTAX.has(f.ruleId) && !f.message.startsWith("when ")) return `index-syntax@${f.file}#${f.statementIndex}`;
  if (TYPE_RULES.has(f.ruleId)) {
    if (o.kind === "type") return `type:${o.schema ?? ""}.${o.name}`;
    if (o.kind === "column") {
      const dot = o.name.lastIndexOf(".");
      const table = model.tables.get(`${o.schema}.${o.name.slice(0, dot)}`);
      const col = table?.columns.find((c) => c.name === o.name.slice(dot + 1));
      if (col) {
        const schema = col.type.schema ?? (model.types.has(`${o.schema}.${col.type.name}`) ? o.schema : "public");
        if (model.types.has(`${schema}.${col.type.name}`)) return `type:${schema}.${col.type.name}`;
      }
    }
    return undefined;
  }
  if (f.ruleId === "partitioned-table" && o.kind === "table") {
    let key = `${o.schema}.${o.name}`;
    // Climb to the root of the partition tree (partitions can be partitioned themselves).
    for (let depth = 0; depth < 16; depth++) {
      const parent = model.tables.get(key)?.partitionOf;
      if (!parent) break;
      key = `${parent.schema}.${parent.name}`;
    }
    return `partitioned-table:table:${key}`;
  }
  if (f.ruleId === "trigger-function") {
    const t = model.triggers.find((x) => x.function.name === o.name && (!x.function.schema || x.function.schema === o.schema));
    if (t) return `trigger:trigger:${t.table.schema}.${t.table.name}.${t.name}`;
  }
  return undefined;
}
