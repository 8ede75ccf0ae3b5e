/**
 * Constraints and ALTER TABLE: primary/unique keys and constrained columns folded into CREATE TABLE,
 * constraints on existing tables added NOT VALID and validated asynchronously, sub-commands DSQL lacks.
 * Fixes: primary-key-added-later, unique-added-later, add-column-with-constraint, foreign-key-added-later,
 * check-added-later, deferrable-constraint, unsupported-alter-table-action.
 */
import { indexNodes, notEnforced, strings } from "../../ingest/ast";
import { nodeOffset } from "../../ingest/parse";
import type { AstNode, ParsedStatement } from "../../ingest/parse";
import { key, primaryKey } from "../../model/schema";
import { Splicer } from "../splice";
import { matchingClose, qualifiedIdent, quoteIdent, tokenAt, tokenize, typeNameEnd } from "../tokens";
import type { Token } from "../tokens";
import type { RuleId } from "../../rules/ids";
import type { Rewriter, Piece } from "../context";
import { SUGGESTIONS } from "../suggestions";
import { fixIdentityClause, remappedColumns } from "./keys";
import { rewriteColumn, replaceExtensionCalls, columnClauses, unenforcedNote } from "./columns";

/** pg_dump's ALTER TABLE … ADD CONSTRAINT PRIMARY KEY/UNIQUE after CREATE TABLE folds into the CREATE. */
export function findFolds(rw: Rewriter) {
  // Columns the CREATE TABLE has, with the ADD COLUMNs folded into it so far: a key folds in only when it
  // names these (a plain ADD COLUMN stays an ALTER after the CREATE, so a key on it cannot move before it).
  const columnsAtCreate = new Map<string, Set<string>>();
  for (const s of rw.statements) {
    if (s.kind === "CreateStmt") {
      const created = rw.tableKey(s, s.node.relation);
      rw.createdTables.set(created, s);
      columnsAtCreate.set(created, new Set((s.node.tableElts ?? []).map((e: AstNode) => e.ColumnDef?.colname).filter(Boolean)));
    }
    if (s.kind !== "AlterTableStmt" || s.node.objtype !== "OBJECT_TABLE") continue;
    const tk = rw.tableKey(s, s.node.relation);
    if (!rw.createdTables.has(tk) || rw.merged.has(tk)) continue;
    const cmds = (s.node.cmds ?? []).map((c: AstNode) => c.AlterTableCmd);
    const { spans } = alterSpans(s);
    const known = columnsAtCreate.get(tk) ?? new Set<string>();
    cmds.forEach((cmd: AstNode, i: number) => {
      const con = cmd?.def?.Constraint;
      let text: string | undefined;
      let rule: RuleId = "add-column-with-constraint";
      const keyCols: string[] = con ? strings(con.keys) : [];
      if (
        cmd?.subtype === "AT_AddConstraint" &&
        con &&
        (con.contype === "CONSTR_PRIMARY" || con.contype === "CONSTR_UNIQUE") &&
        !con.indexname &&
        keyCols.every((c) => known.has(c))
      ) {
        const sp = new Splicer(s.text);
        const [a, b] = spans[i] ?? [0, 0];
        const toks = tokenize(s.text, a, b);
        // Skip "ADD".
        const first = toks[0]?.value === "ADD" ? 1 : 0;
        constraintCleanup(sp, toks, first, toks.length - 1);
        text = sp.apply(toks[first].start, toks[toks.length - 1].end);
        rule = con.contype === "CONSTR_PRIMARY" ? "primary-key-added-later" : "unique-added-later";
      } else if (cmd?.subtype === "AT_AddColumn" && cmd.def?.ColumnDef) {
        const cd = cmd.def.ColumnDef;
        const hasConstraint = (cd.constraints ?? []).length > 0 || rw.keyDecisions.has(`${tk}.${cd.colname}`);
        if (!hasConstraint) return;
        const [a, b] = spans[i] ?? [0, 0];
        const toks = tokenize(s.text, a, b);
        let first = toks[0]?.value === "ADD" ? 1 : 0;
        if (toks[first]?.value === "COLUMN") first++;
        if (toks[first]?.value === "IF" && toks[first + 1]?.value === "NOT") first += 3;
        const sp = new Splicer(s.text);
        rewriteColumn(rw, s, sp, toks, first, toks.length - 1, cd, tk);
        // An inline REFERENCES may point at a table created later: it becomes a NOT VALID foreign key.
        const tEnd = typeNameEnd(toks, first + 1);
        for (const c of columnClauses(toks, tEnd + 1, toks.length - 1)) {
          if (c.kw !== "REFERENCES") continue;
          if (remappedColumns(rw, tk, [cd.colname]).length) {
            sp.removeTokens(
              toks,
              c.first,
              c.last,
              "serial-type",
              `foreign key on ${cd.colname} added by remap/30_foreign_keys.sql once the key remap has filled the uuid column`,
            );
            continue;
          }
          const refText = s.text.slice(toks[c.first].start, toks[c.last].end);
          sp.removeTokens(
            toks,
            c.first,
            c.last,
            "add-column-with-constraint",
            "foreign key added separately (NOT VALID) once both tables exist",
          );
          const q = rw.qualify(s, s.node.relation);
          const cname = `${q.name}_${cd.colname}_fkey`;
          const extras = rw.foldExtras.get(s) ?? [];
          extras.push({
            phase: "constraints",
            object: { kind: "table", schema: q.schema, name: q.name },
            sql: `ALTER TABLE ${qualifiedIdent(q.schema, q.name)} ADD CONSTRAINT ${quoteIdent(cname)} FOREIGN KEY (${quoteIdent(cd.colname)}) ${refText.replace(/^CONSTRAINT\s+\S+\s+/i, "")} NOT VALID;`,
            rules: ["add-column-with-constraint"],
            notes: [],
          });
          extras.push({
            phase: "validation",
            object: { kind: "table", schema: q.schema, name: q.name },
            sql: `ALTER TABLE ASYNC ${qualifiedIdent(q.schema, q.name)} VALIDATE CONSTRAINT ${quoteIdent(cname)};`,
            rules: ["add-column-with-constraint"],
            notes: [],
            asyncJob: "validate",
          });
          rw.foldExtras.set(s, extras);
        }
        text = sp.apply(toks[first].start, toks[toks.length - 1].end);
        known.add(cd.colname);
        rule = "add-column-with-constraint";
      }
      if (text === undefined) return;
      const list = rw.folds.get(tk) ?? [];
      list.push({
        text: text.trim(),
        rule,
        reason: `${rule === "add-column-with-constraint" ? "ADD COLUMN" : "ADD CONSTRAINT"} folded into CREATE TABLE`,
      });
      rw.folds.set(tk, list);
      rw.foldedCmds.add(`${s.file}#${s.index}#${i}`);
    });
  }
}

/** USING INDEX TABLESPACE, WITH (…), DEFERRABLE on PK/UNIQUE constraints. */
export function constraintCleanup(sp: Splicer, toks: Token[], first: number, last: number) {
  for (let k = first; k <= last; k++) {
    const t = toks[k];
    if (t.value === "USING" && toks[k + 1]?.value === "INDEX" && toks[k + 2]?.value === "TABLESPACE") {
      sp.removeTokens(toks, k, k + 3, "tablespace", "DSQL has no tablespaces");
      k += 3;
    } else if (t.value === "WITH" && toks[k + 1]?.kind === "open" && toks[k - 1]?.kind === "close") {
      const e = matchingClose(toks, k + 1);
      sp.removeTokens(toks, k, e, "storage-parameters", "index storage parameters are not available on DSQL");
      k = e;
    } else if (t.value === "DEFERRABLE" || (t.value === "INITIALLY" && toks[k + 1])) {
      const isNot = toks[k - 1]?.value === "NOT";
      if (t.value === "DEFERRABLE")
        sp.removeTokens(
          toks,
          isNot ? k - 1 : k,
          k,
          "deferrable-constraint",
          "DEFERRABLE applies to foreign keys only on DSQL: the constraint is checked immediately",
        );
      else {
        sp.removeTokens(toks, k, k + 1, "deferrable-constraint", "INITIALLY DEFERRED applies to foreign keys only on DSQL");
        k++;
      }
    }
  }
}

/** Token spans (char offsets) of each ALTER TABLE sub-command. */
export function alterSpans(stmt: ParsedStatement): { toks: Token[]; spans: Array<[number, number]>; relEnd: number } {
  const text = stmt.text;
  const toks = tokenize(text);
  const relTok = tokenAt(toks, nodeOffset(stmt, stmt.node.relation?.location) - stmt.start);
  let k = relTok;
  while (toks[k + 1]?.value === ".") k += 2;
  const relEnd = k;
  const spans: Array<[number, number]> = [];
  let s = k + 1;
  for (let j = k + 1; j < toks.length; j++) {
    const t = toks[j];
    if ((t.kind === "comma" && t.depth === 0) || t.kind === "semi" || j === toks.length - 1) {
      const e = t.kind === "comma" || t.kind === "semi" ? j - 1 : j;
      if (e >= s) spans.push([toks[s].start, toks[e].end]);
      s = j + 1;
    }
  }
  return { toks, spans, relEnd };
}

export function alterTable(rw: Rewriter, stmt: ParsedStatement): Piece {
  const n = stmt.node;
  const q = rw.qualify(stmt, n.relation);
  const tk = key(q);
  const objtype = String(n.objtype).replace("OBJECT_", "").toLowerCase();
  const kind = objtype === "matview" ? "materialized view" : objtype;
  const p = rw.piece(stmt, "constraints", { kind, schema: q.schema, name: q.name });
  p.extra.push(...(rw.foldExtras.get(stmt) ?? []));
  const cmds: AstNode[] = (n.cmds ?? []).map((c: AstNode) => c.AlterTableCmd);
  if (objtype !== "table") {
    if (cmds.every((c) => c?.subtype === "AT_ChangeOwner"))
      return rw.drop(p, "ownership: objects belong to the role that runs the script", []);
    if (objtype === "index") {
      if (cmds.some((c) => c?.subtype === "AT_AttachPartition"))
        return rw.drop(p, "partition index attach: partitions are merged into one table", ["alter-index"]);
      return rw.toManual(p, ["alter-index"], "ALTER INDEX", "Drop and re-create the index with CREATE INDEX ASYNC.");
    }
    if (objtype === "sequence") p.phase = "sequences";
    if (objtype === "view" || objtype === "matview") p.phase = "views";
    if (rw.isRemoved("view", q.schema, q.name) || rw.isRemoved("sequence", q.schema, q.name))
      return rw.drop(p, "the object is not created on DSQL", []);
    return p;
  }
  if (rw.merged.has(tk)) {
    // Constraints of merged partitions: foreign keys move to the parent once.
    for (const cmd of cmds) {
      const con = cmd?.def?.Constraint;
      if (cmd?.subtype === "AT_AddConstraint" && con?.contype === "CONSTR_FOREIGN") transferFk(rw, stmt, p, con, rw.merged.get(tk)!);
    }
    return rw.drop(p, `partition merged into ${rw.merged.get(tk)}`, ["partitioned-table"]);
  }
  if (rw.isRemoved("table", q.schema, q.name)) return rw.drop(p, "the table is not created on DSQL", []);
  // pg_dump sets a view column's default with ALTER TABLE: it runs once the view exists, or not at all.
  const view = rw.model.views.has(tk);
  if (view && rw.isRemoved("view", q.schema, q.name)) return rw.drop(p, "the view is not created on DSQL", []);
  const { toks, spans } = alterSpans(stmt);
  const keep: boolean[] = cmds.map(() => true);
  let validate: string | undefined;
  let afterIndexes = false;
  const manualWhy: string[] = [];
  const manualRules: RuleId[] = [];
  /** Rules whose fix is leaving a sub-command out. */
  const droppedRules: RuleId[] = [];
  cmds.forEach((cmd, i) => {
    if (!cmd) return;
    const [a, b] = spans[i] ?? [0, 0];
    const ct = tokenize(stmt.text, a, b);
    if (rw.foldedCmds.has(`${stmt.file}#${stmt.index}#${i}`)) {
      keep[i] = false;
      return;
    }
    const con = cmd.def?.Constraint;
    switch (cmd.subtype) {
      case "AT_ChangeOwner":
      case "AT_DisableTrig":
      case "AT_EnableTrig":
      case "AT_EnableAlwaysTrig":
      case "AT_EnableReplicaTrig":
      case "AT_DisableTrigAll":
      case "AT_EnableTrigAll":
      case "AT_DisableTrigUser":
      case "AT_EnableTrigUser":
      case "AT_ClusterOn":
      case "AT_DropCluster":
      case "AT_ReplicaIdentity":
      case "AT_SetRelOptions":
      case "AT_ResetRelOptions":
      case "AT_SetTableSpace":
      case "AT_SetLogged":
      case "AT_SetUnLogged":
      case "AT_SetStatistics":
      case "AT_SetOptions":
      case "AT_ResetOptions":
      case "AT_AttachPartition":
      case "AT_DetachPartition":
      case "AT_DropOids":
      case "AT_SetAccessMethod":
        keep[i] = false;
        p.notes.push(`${cmd.subtype.replace("AT_", "")} removed: not applicable on DSQL`);
        break;
      case "AT_EnableRowSecurity":
      case "AT_ForceRowSecurity":
      case "AT_DisableRowSecurity":
      case "AT_NoForceRowSecurity":
        keep[i] = false;
        manualWhy.push("row-level security");
        manualRules.push("row-level-security");
        break;
      case "AT_AddConstraint": {
        if (!con) break;
        if (notEnforced(con)) {
          keep[i] = false;
          droppedRules.push("newer-postgres-feature");
          p.notes.push(unenforcedNote(stmt.text.slice(a, b).replace(/^ADD\s+/i, "")));
          break;
        }
        if (con.contype === "CONSTR_NOTNULL") {
          // PostgreSQL 18's `ADD CONSTRAINT n NOT NULL col`: nothing to do when CREATE TABLE declared it, else SET NOT NULL.
          const cols = strings(con.keys);
          keep[i] = false;
          if (!con.skip_validation && cols.every((c) => notNullAtCreate(rw, tk, c))) {
            droppedRules.push("newer-postgres-feature");
            p.notes.push(`NOT NULL ${cols.join(", ")}: already declared in CREATE TABLE`);
          } else {
            manualWhy.push(`NOT NULL on ${cols.join(", ")} of an existing table`);
            manualRules.push("newer-postgres-feature");
          }
          break;
        }
        if (con.contype === "CONSTR_FOREIGN" || con.contype === "CONSTR_CHECK") {
          const ref = con.contype === "CONSTR_FOREIGN" ? rw.qualify(stmt, con.pktable) : undefined;
          if (ref && (rw.isRemoved("table", ref.schema, ref.name) || rw.merged.has(key(ref)))) {
            if (rw.isRemoved("table", ref.schema, ref.name)) {
              keep[i] = false;
              p.notes.push(`foreign key ${con.conname ?? ""} dropped: ${ref.name} is not created on DSQL`);
              break;
            }
          }
          const remapped = con.contype === "CONSTR_FOREIGN" ? remappedColumns(rw, tk, strings(con.fk_attrs)) : [];
          if (remapped.length) {
            keep[i] = false;
            p.notes.push(
              `foreign key ${con.conname ?? ""} on ${remapped.join(", ")} (uuid, filled by the key remap): added NOT VALID and validated by remap/30_foreign_keys.sql after the remap`,
            );
            break;
          }
          if (con.contype === "CONSTR_CHECK") {
            const cols = (indexNodes(con).get("ColumnRef") ?? []).map((c) => strings(c.fields).pop());
            const hit = cols.find((c) => c && rw.changedColumns.has(`${tk}.${c}`));
            if (hit) {
              keep[i] = false;
              p.notes.push(`CHECK ${con.conname ?? ""} dropped: ${hit} changed type`);
              break;
            }
          }
          const rule = con.contype === "CONSTR_FOREIGN" ? "foreign-key-added-later" : "check-added-later";
          if (ref && !hasKeyConstraint(rw, ref, strings(con.pk_attrs))) {
            afterIndexes = true;
            p.notes.push(`foreign key ${con.conname ?? ""} references a unique index, not a constraint: added after the indexes are built`);
          }
          if (!con.skip_validation)
            p.sp.insert(
              b,
              " NOT VALID",
              rule,
              "DSQL adds constraints to existing tables as NOT VALID; validated asynchronously after the data load",
            );
          if (con.conname) validate = con.conname;
          if (!con.conname) {
            // Name it so the validation step can refer to it.
            const name = `${q.name}_${(con.contype === "CONSTR_FOREIGN" ? strings(con.fk_attrs) : ["check"]).join("_")}_${con.contype === "CONSTR_FOREIGN" ? "fkey" : "check"}`;
            const k0 = ct.findIndex((t) => t.value === "FOREIGN" || t.value === "CHECK");
            if (k0 >= 0) p.sp.insert(ct[k0].start, `CONSTRAINT ${quoteIdent(name)} `, rule, "named so it can be validated");
            validate = name;
          }
          if (validate) {
            p.extra.push({
              phase: "validation",
              object: p.object,
              sql: `ALTER TABLE ASYNC ${qualifiedIdent(q.schema, q.name)} VALIDATE CONSTRAINT ${quoteIdent(validate)};`,
              rules: [rule],
              notes: ["validates rows loaded before the constraint existed"],
              asyncJob: "validate",
            });
          }
          constraintCleanup(p.sp, ct, 0, ct.length - 1);
        } else if (con.contype === "CONSTR_PRIMARY") {
          keep[i] = false;
          manualWhy.push(`primary key on ${q.name}, which is not created by these inputs`);
          manualRules.push("primary-key-added-later");
        } else if (con.contype === "CONSTR_UNIQUE") {
          if (con.indexname) break;
          // Existing table: build the unique index asynchronously, then attach it.
          keep[i] = false;
          const cols = strings(con.keys);
          const idx = con.conname ?? `${q.name}_${cols.join("_")}_key`;
          p.extra.push({
            phase: "indexes",
            object: { kind: "index", schema: q.schema, name: idx },
            sql: `CREATE UNIQUE INDEX ASYNC ${quoteIdent(idx)} ON ${qualifiedIdent(q.schema, q.name)} (${cols.map(quoteIdent).join(", ")});`,
            rules: ["unique-added-later"],
            notes: [],
            asyncJob: "index",
          });
          p.extra.push({
            phase: "validation",
            object: p.object,
            sql: `ALTER TABLE ${qualifiedIdent(q.schema, q.name)} ADD CONSTRAINT ${quoteIdent(idx)} UNIQUE USING INDEX ${quoteIdent(idx)};`,
            rules: ["unique-added-later"],
            notes: ["attaches the asynchronously built index as the constraint"],
          });
        } else if (con.contype === "CONSTR_EXCLUSION") {
          keep[i] = false;
          manualWhy.push("exclusion constraint");
          manualRules.push("exclusion-constraint");
        }
        break;
      }
      case "AT_ColumnDefault": {
        // A child of INHERITS gets its parent's key column (and decision) when the inheritance is flattened.
        const d =
          rw.keyDecisions.get(`${tk}.${cmd.name}`) ??
          (rw.inherits.get(tk) ?? []).map((parent) => rw.keyDecisions.get(`${parent}.${cmd.name}`)).find(Boolean);
        if (d?.dropDefault || (d && d.strategy === "uuid")) {
          keep[i] = false;
          p.notes.push(`default on ${cmd.name} replaced by ${d.strategy === "uuid" ? "gen_random_uuid()" : "the identity column"}`);
        } else replaceExtensionCalls(rw, p.sp, ct, 0, ct.length - 1);
        break;
      }
      case "AT_AddIdentity": {
        const g = ct.findIndex((t) => t.value === "GENERATED");
        if (g >= 0) fixIdentityClause(p.sp, ct, g, ct.length - 1);
        break;
      }
      case "AT_AddColumn":
        if (cmd.def?.ColumnDef)
          rewriteColumn(
            rw,
            stmt,
            p.sp,
            ct,
            ct.findIndex(
              (t) =>
                t.kind === "word" &&
                t.value !== "ADD" &&
                t.value !== "COLUMN" &&
                t.value !== "IF" &&
                t.value !== "NOT" &&
                t.value !== "EXISTS",
            ),
            ct.length - 1,
            cmd.def.ColumnDef,
            tk,
            p,
          );
        break;
      case "AT_SetExpression":
        keep[i] = false;
        manualWhy.push(`SET EXPRESSION on ${cmd.name} (PostgreSQL 17)`);
        manualRules.push("newer-postgres-feature");
        break;
      case "AT_AlterConstraint":
        if (!cmd.def?.ATAlterConstraint?.alterEnforceability) break;
        keep[i] = false;
        manualWhy.push(`ALTER CONSTRAINT ${cmd.def.ATAlterConstraint.conname} [NOT] ENFORCED (PostgreSQL 18)`);
        manualRules.push("newer-postgres-feature");
        break;
      case "AT_SetNotNull":
        keep[i] = false;
        manualWhy.push(`SET NOT NULL on ${cmd.name}`);
        manualRules.push("set-not-null");
        break;
      case "AT_AlterColumnType":
        keep[i] = false;
        manualWhy.push(`type change of ${cmd.name}`);
        manualRules.push("alter-column-type");
        break;
    }
  });
  const kept = keep.filter(Boolean).length;
  if (manualWhy.length) {
    const original = cmds
      .map((_, i) => (keep[i] ? "" : stmt.text.slice(spans[i]?.[0] ?? 0, spans[i]?.[1] ?? 0)))
      .filter(Boolean)
      .join(", ");
    rw.manual.push({
      object: p.object,
      ruleIds: [...new Set(manualRules)],
      reason: manualWhy.join("; "),
      suggestion: SUGGESTIONS[manualRules[0]] ?? SUGGESTIONS["unsupported-alter-table-action"],
      original: original || stmt.text,
      file: stmt.file,
      line: stmt.line,
    });
  }
  if (kept === 0) {
    const folded = cmds.some((_, i) => rw.foldedCmds.has(`${stmt.file}#${stmt.index}#${i}`));
    return rw.drop(
      p,
      folded
        ? "folded into CREATE TABLE"
        : manualWhy.length
          ? "moved to manual work items"
          : droppedRules.length
            ? p.notes.join("; ")
            : "not applicable on DSQL",
      folded
        ? [
            ...new Set(
              cmds.map((c): RuleId =>
                c?.def?.Constraint?.contype === "CONSTR_PRIMARY"
                  ? "primary-key-added-later"
                  : c?.def?.Constraint
                    ? "unique-added-later"
                    : "add-column-with-constraint",
              ),
            ),
          ]
        : [...new Set([...manualRules, ...droppedRules])],
    );
  }
  if (kept < cmds.length) {
    // Remove the dropped sub-commands with their separating commas.
    const parts: string[] = [];
    cmds.forEach((_, i) => {
      if (keep[i]) parts.push(p.sp.apply(spans[i][0], spans[i][1]));
    });
    const relEndChar = spans[0][0];
    const endChar = spans[spans.length - 1][1];
    const edits = p.sp.edits.splice(0);
    void edits;
    p.sp.replace(
      relEndChar,
      endChar,
      parts.join(",\n    "),
      "unsupported-alter-table-action",
      "sub-commands DSQL does not need were removed",
    );
  }
  if (view) p.phase = "views";
  else if (afterIndexes) p.phase = "validation";
  else if (validate || cmds.some((c) => c?.subtype === "AT_AddConstraint")) p.phase = "constraints";
  else if (cmds.every((c) => c?.subtype === "AT_AddColumn" || c?.subtype === "AT_ColumnDefault" || c?.subtype === "AT_AddIdentity"))
    p.phase = "constraints";
  void toks;
  return p;
}

/** The referenced columns are a primary key or UNIQUE constraint (not just a unique index). */
export function hasKeyConstraint(rw: Rewriter, ref: { schema: string; name: string }, cols: string[]): boolean {
  const t = rw.model.tables.get(rw.merged.get(key(ref)) ?? key(ref));
  if (!t) return true;
  if (cols.length === 0) return !!primaryKey(t);
  return t.constraints.some(
    (c) =>
      (c.kind === "primary-key" || c.kind === "unique") && c.columns.length === cols.length && c.columns.every((x) => cols.includes(x)),
  );
}

/** A foreign key declared on a partition moves to the merged table (once per column set and target). */
export function transferFk(rw: Rewriter, stmt: ParsedStatement, p: Piece, con: AstNode, parentKey: string) {
  const ref = rw.qualify(stmt, con.pktable);
  const cols = strings(con.fk_attrs);
  const sig = `${parentKey}|${cols.join(",")}|${key(ref)}`;
  const parent = rw.model.tables.get(parentKey);
  const exists = parent?.constraints.some(
    (c) => c.kind === "foreign-key" && c.columns.join(",") === cols.join(",") && c.references && key(c.references.table) === key(ref),
  );
  if (exists || rw.transferredFks.has(sig)) return;
  rw.transferredFks.add(sig);
  // On a column that follows a uuid key, the foreign key is added after the remap (remap/30_foreign_keys.sql).
  if (remappedColumns(rw, parentKey, cols).length) return;
  const [schema, name] = [parentKey.split(".")[0], parentKey.split(".").slice(1).join(".")];
  const cname = `${name}_${cols.join("_")}_fkey`;
  const start = nodeOffset(stmt, con.location) - stmt.start;
  const body = stmt.text.slice(start).replace(/;\s*$/, "");
  const fkBody = body.replace(/^CONSTRAINT\s+("(?:[^"]|"")*"|\S+)\s+/i, "");
  const sql = `ALTER TABLE ${qualifiedIdent(schema, name)}\n    ADD CONSTRAINT ${quoteIdent(cname)} ${fkBody} NOT VALID;`;
  p.extra.push({
    phase: "constraints",
    object: { kind: "table", schema, name },
    sql,
    rules: ["partitioned-table", "foreign-key-added-later"],
    notes: [`foreign key moved from partition ${p.object.name} to the merged table`],
  });
  p.extra.push({
    phase: "validation",
    object: { kind: "table", schema, name },
    sql: `ALTER TABLE ASYNC ${qualifiedIdent(schema, name)} VALIDATE CONSTRAINT ${quoteIdent(cname)};`,
    rules: ["foreign-key-added-later"],
    notes: [],
    asyncJob: "validate",
  });
}

/** Whether CREATE TABLE made this column NOT NULL (on the column, by a table-level NOT NULL, or as part of a primary key). */
function notNullAtCreate(rw: Rewriter, tk: string, column: string): boolean {
  const create = rw.createdTables.get(tk);
  if (!create) return false;
  for (const el of create.node.tableElts ?? []) {
    const cd = el.ColumnDef;
    if (cd?.colname === column)
      for (const c of cd.constraints ?? [])
        if (c.Constraint?.contype === "CONSTR_NOTNULL" || c.Constraint?.contype === "CONSTR_PRIMARY") return true;
    const con = el.Constraint;
    if ((con?.contype === "CONSTR_NOTNULL" || con?.contype === "CONSTR_PRIMARY") && strings(con.keys).includes(column)) return true;
  }
  const t = rw.model.tables.get(tk);
  return !!t && (primaryKey(t)?.columns ?? []).includes(column);
}
