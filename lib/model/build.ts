/**
 * Fills the schema model from parsed statements, in order. Later statements update earlier objects:
 * pg_dump adds primary keys, defaults and foreign keys with ALTER TABLE after CREATE TABLE, and spells
 * SERIAL as CREATE SEQUENCE + ALTER SEQUENCE … OWNED BY + ALTER COLUMN … SET DEFAULT nextval(…).
 */
import {
  constValue,
  defElems,
  displayType,
  funcName,
  notEnforced,
  indexNodes,
  rangeVar,
  regclassName,
  strings,
  typeName,
  type RangeVarName,
} from "../ingest/ast";
import type { AstNode, ParsedStatement } from "../ingest/parse";
import {
  key,
  type ColumnModel,
  type ConstraintModel,
  type DefaultKind,
  type QualifiedName,
  type ReferentialAction,
  type SchemaModel,
  type SourceRef,
  type TableModel,
  type TypeRef,
} from "./schema";

export type Locate = (stmt: ParsedStatement, location?: number) => SourceRef;

const SERIAL_TYPES = new Set(["serial", "bigserial", "smallserial", "serial2", "serial4", "serial8"]);
const FUNC_CALL = new Set(["FuncCall"]);

export class ModelBuilder {
  private searchPath = "public";

  constructor(
    readonly model: SchemaModel,
    private readonly locate: Locate,
  ) {}

  qualify(n: RangeVarName): QualifiedName {
    return { schema: n.schema ?? this.searchPath, name: n.name };
  }

  table(n: RangeVarName): TableModel | undefined {
    return this.model.tables.get(key(this.qualify(n)));
  }

  apply(stmt: ParsedStatement): void {
    const n = stmt.node;
    switch (stmt.kind) {
      case "VariableSetStmt":
        if (String(n.name).toLowerCase() === "search_path") this.setSearchPath(n.args);
        break;
      case "SelectStmt":
        this.selectSetConfig(n);
        break;
      case "CreateSchemaStmt": {
        if (n.schemaname) this.model.schemas.set(n.schemaname, { name: n.schemaname, origin: this.locate(stmt) });
        // Elements (CREATE SCHEMA s CREATE TABLE t …) are objects of that schema like any other.
        const saved = this.searchPath;
        if (n.schemaname) this.searchPath = n.schemaname;
        for (const el of n.schemaElts ?? []) {
          const kind = Object.keys(el)[0];
          if (kind) this.apply({ ...stmt, kind, node: el[kind] });
        }
        this.searchPath = saved;
        break;
      }
      case "CreateStmt":
      case "CreateForeignTableStmt":
        this.createTable(stmt, stmt.kind === "CreateStmt" ? n : n.base, stmt.kind === "CreateForeignTableStmt");
        break;
      case "AlterTableStmt":
        if (n.objtype === "OBJECT_TABLE" || n.objtype === "OBJECT_FOREIGN_TABLE") this.alterTable(stmt, n);
        break;
      case "IndexStmt":
        this.createIndex(stmt, n);
        break;
      case "CreateSeqStmt":
        this.createSequence(stmt, n);
        break;
      case "AlterSeqStmt":
        this.alterSequence(n);
        break;
      case "ViewStmt": {
        const q = this.qualify(rangeVar(n.view));
        this.model.views.set(key(q), {
          ...q,
          materialized: false,
          temporary: n.view?.relpersistence === "t",
          definitionChars: stmt.text.length,
          origin: this.locate(stmt),
        });
        break;
      }
      case "CreateTableAsStmt":
        if (n.objtype === "OBJECT_MATVIEW") {
          const q = this.qualify(rangeVar(n.into?.rel));
          this.model.views.set(key(q), {
            ...q,
            materialized: true,
            temporary: false,
            definitionChars: stmt.text.length,
            origin: this.locate(stmt),
          });
        }
        break;
      case "CreateFunctionStmt": {
        const parts = strings(n.funcname);
        const opts = defElems(n.options);
        const language = String(constValue(opts.get("language")?.arg) ?? (n.sql_body ? "sql" : "sql")).toLowerCase();
        const ret = typeName(n.returnType);
        this.model.routines.push({
          schema: parts.length > 1 ? parts[0] : this.searchPath,
          name: parts[parts.length - 1],
          kind: n.is_procedure ? "procedure" : "function",
          language,
          returnsTrigger: ret.name === "trigger" || ret.name === "event_trigger",
          origin: this.locate(stmt),
        });
        break;
      }
      case "CreateTrigStmt": {
        const fn = strings(n.funcname);
        this.model.triggers.push({
          name: n.trigname,
          table: this.qualify(rangeVar(n.relation)),
          function: { schema: fn.length > 1 ? fn[0] : this.searchPath, name: fn[fn.length - 1] },
          constraint: !!n.isconstraint,
          origin: this.locate(stmt),
        });
        break;
      }
      case "CreateEnumStmt":
        this.userType(stmt, strings(n.typeName), "enum", strings(n.vals));
        break;
      case "CompositeTypeStmt":
        this.userType(stmt, [n.typevar?.schemaname, n.typevar?.relname].filter(Boolean), "composite");
        break;
      case "CreateRangeStmt":
        this.userType(stmt, strings(n.typeName), "range");
        break;
      case "DefineStmt":
        if (n.kind === "OBJECT_TYPE") this.userType(stmt, strings(n.defnames), n.definition ? "base" : "shell");
        break;
      case "AlterEnumStmt": {
        const t = this.model.types.get(this.typeKey(strings(n.typeName)));
        if (t && n.newVal) t.values = [...(t.values ?? []), n.newVal];
        break;
      }
      case "CreateDomainStmt": {
        const parts = strings(n.domainname);
        const q = { schema: parts.length > 1 ? parts[0] : this.searchPath, name: parts[parts.length - 1] };
        this.model.domains.set(key(q), { ...q, baseType: typeRef(n.typeName), origin: this.locate(stmt) });
        break;
      }
      case "CreateExtensionStmt":
        this.model.extensions.set(n.extname, { name: n.extname, origin: this.locate(stmt) });
        break;
      case "CreatePolicyStmt":
        this.model.policies.push({ name: n.policy_name, schema: this.qualify(rangeVar(n.table)).schema, origin: this.locate(stmt) });
        break;
      case "GrantStmt":
        this.model.grants++;
        break;
      case "CreateRoleStmt":
        this.model.roles.set(n.role, { name: n.role, origin: this.locate(stmt) });
        break;
      case "CreateStatsStmt": {
        for (const rel of n.relations ?? []) {
          const t = rel.RangeVar ? this.table(rangeVar(rel.RangeVar)) : undefined;
          if (t) t.statistics++;
        }
        break;
      }
      case "RenameStmt":
        this.rename(n);
        break;
      case "DropStmt":
        this.drop(n);
        break;
    }
  }

  private setSearchPath(args: AstNode[] | undefined) {
    const first = args?.map((a) => constValue(a)).find((v) => typeof v === "string" && v !== "" && v !== "$user");
    if (typeof first === "string") this.searchPath = first;
  }

  /** pg_dump: `SELECT pg_catalog.set_config('search_path', '', false);` */
  private selectSetConfig(n: AstNode) {
    const target = n.targetList?.[0]?.ResTarget?.val?.FuncCall;
    if (!target || funcName(target) !== "set_config") return;
    const [name, value] = (target.args ?? []).map((a: AstNode) => constValue(a));
    if (name === "search_path" && typeof value === "string") {
      const first = value
        .split(",")
        .map((s) => s.trim().replace(/^"|"$/g, ""))
        .find((s) => s && s !== "$user");
      this.searchPath = first ?? "public";
    }
  }

  private typeKey(parts: string[]): string {
    return key({ schema: parts.length > 1 ? parts[0] : this.searchPath, name: parts[parts.length - 1] });
  }

  private userType(stmt: ParsedStatement, parts: string[], kind: "enum" | "composite" | "range" | "base" | "shell", values?: string[]) {
    const q = { schema: parts.length > 1 ? parts[0] : this.searchPath, name: parts[parts.length - 1] };
    this.model.types.set(key(q), { ...q, kind, values, origin: this.locate(stmt) });
  }

  private createTable(stmt: ParsedStatement, n: AstNode, foreign: boolean) {
    const q = this.qualify(rangeVar(n.relation));
    const persistence = n.relation?.relpersistence === "t" ? "temporary" : n.relation?.relpersistence === "u" ? "unlogged" : "permanent";
    const table: TableModel = {
      ...q,
      persistence,
      columns: [],
      constraints: [],
      inherits: [],
      foreign,
      rowLevelSecurity: false,
      statistics: 0,
      origin: this.locate(stmt, n.relation?.location),
    };
    if (n.partspec) {
      table.partitionKey = {
        strategy: String(n.partspec.strategy ?? "")
          .replace("PARTITION_STRATEGY_", "")
          .toLowerCase(),
        columns: (n.partspec.partParams ?? []).map((p: AstNode) => p.PartitionElem?.name ?? "(expression)"),
      };
    }
    const parents = (n.inhRelations ?? []).map((r: AstNode) => this.qualify(rangeVar(r.RangeVar)));
    if (n.partbound) table.partitionOf = parents[0];
    else table.inherits = parents;
    // A partition or child inherits its parent's columns.
    const parent = parents[0] ? this.model.tables.get(key(parents[0])) : undefined;
    if (parent && n.partbound) table.columns = parent.columns.map((c) => ({ ...c }));
    for (const el of n.tableElts ?? []) {
      if (el.ColumnDef) this.addColumn(stmt, table, el.ColumnDef, "create");
      else if (el.Constraint) this.addConstraint(stmt, table, el.Constraint, "create");
    }
    this.model.tables.set(key(q), table);
  }

  private addColumn(stmt: ParsedStatement, table: TableModel, cd: AstNode, addedBy: "create" | "alter") {
    const t = typeRef(cd.typeName);
    const col: ColumnModel = {
      name: cd.colname,
      type: t,
      notNull: false,
      defaultKind: "none",
      defaultFunctions: [],
      serial: SERIAL_TYPES.has(t.name) && !t.schema,
      collation: cd.collClause ? strings(cd.collClause.collname).join(".") : undefined,
      compression: cd.compression,
      origin: this.locate(stmt, cd.location),
    };
    if (col.serial) {
      col.sequence = { schema: table.schema, name: `${table.name}_${col.name}_seq` };
      col.notNull = true;
      col.defaultKind = "nextval";
    }
    for (const c of cd.constraints ?? []) {
      const con = c.Constraint;
      if (!con) continue;
      switch (con.contype) {
        case "CONSTR_NOTNULL":
          col.notNull = true;
          break;
        case "CONSTR_DEFAULT":
          this.setDefault(col, con.raw_expr);
          break;
        case "CONSTR_IDENTITY": {
          const cache = constValue(defElems(con.options).get("cache")?.arg);
          col.identity = { always: con.generated_when === "a", cache: typeof cache === "number" ? cache : undefined };
          col.notNull = true;
          break;
        }
        case "CONSTR_GENERATED":
          col.generated = { kind: con.generated_kind === "v" ? "virtual" : "stored" };
          break;
        default:
          this.addConstraint(stmt, table, con, addedBy, col.name);
      }
    }
    table.columns.push(col);
  }

  setDefault(col: ColumnModel, expr: AstNode | undefined) {
    if (!expr) {
      col.defaultKind = "none";
      col.defaultFunctions = [];
      col.sequence = col.serial ? col.sequence : undefined;
      return;
    }
    const calls = indexNodes({ e: expr }, FUNC_CALL).get("FuncCall") ?? [];
    const fns = calls.map(funcName);
    if (expr.SQLValueFunction) fns.push(String(expr.SQLValueFunction.op ?? "").toLowerCase());
    col.defaultFunctions = fns;
    let kind: DefaultKind = "other";
    const top = expr.FuncCall ? funcName(expr.FuncCall) : undefined;
    if (top === "nextval") {
      kind = "nextval";
      const arg = constValue(expr.FuncCall.args?.[0]);
      if (typeof arg === "string") {
        const seq = regclassName(arg);
        col.sequence = { schema: seq.schema ?? this.searchPath, name: seq.name };
      }
    } else if (
      top === "now" ||
      expr.SQLValueFunction ||
      top === "clock_timestamp" ||
      top === "statement_timestamp" ||
      top === "transaction_timestamp"
    ) {
      kind = "now";
    } else if (top && /uuid/.test(top)) {
      kind = "uuid";
    } else if (constValue(expr) !== undefined || expr.A_Const) {
      kind = "constant";
    }
    col.defaultKind = kind;
  }

  addConstraint(
    stmt: ParsedStatement,
    table: TableModel,
    con: AstNode,
    addedBy: "create" | "alter",
    column?: string,
  ): ConstraintModel | undefined {
    if (con.contype === "CONSTR_NOTNULL") {
      // PostgreSQL 18's table-level `NOT NULL col`: a property of the column, once valid.
      for (const name of strings(con.keys)) {
        const col = table.columns.find((x) => x.name === name);
        if (col && !con.skip_validation) col.notNull = true;
      }
      return undefined;
    }
    // PostgreSQL 18's NOT ENFORCED constraints constrain nothing (the rewrite drops them).
    if (notEnforced(con)) return undefined;
    const kinds: Record<string, ConstraintModel["kind"]> = {
      CONSTR_PRIMARY: "primary-key",
      CONSTR_UNIQUE: "unique",
      CONSTR_CHECK: "check",
      CONSTR_FOREIGN: "foreign-key",
      CONSTR_EXCLUSION: "exclusion",
    };
    const kind = kinds[con.contype];
    if (!kind) return undefined;
    let columns = strings(con.keys);
    if (kind === "foreign-key") columns = strings(con.fk_attrs);
    if (kind === "exclusion") columns = (con.exclusions ?? []).map((e: AstNode) => e.List?.items?.[0]?.IndexElem?.name).filter(Boolean);
    if (columns.length === 0 && column && kind !== "check") columns = [column];
    if (kind === "check" && column) columns = [column];
    const c: ConstraintModel = {
      name: con.conname,
      kind,
      columns,
      deferrable: !!con.deferrable,
      notValid: con.skip_validation === true || con.initially_valid === false,
      addedBy,
      origin: this.locate(stmt, con.location),
    };
    if (kind === "foreign-key") {
      c.references = {
        table: this.qualify(rangeVar(con.pktable)),
        columns: strings(con.pk_attrs),
        onDelete: action(con.fk_del_action),
        onUpdate: action(con.fk_upd_action),
      };
    }
    if (kind === "primary-key" || kind === "unique") {
      for (const name of columns) {
        const col = table.columns.find((x) => x.name === name);
        if (col && kind === "primary-key") col.notNull = true;
      }
    }
    table.constraints.push(c);
    return c;
  }

  private alterTable(stmt: ParsedStatement, n: AstNode) {
    const table = this.table(rangeVar(n.relation));
    if (!table) return;
    for (const item of n.cmds ?? []) {
      const cmd = item.AlterTableCmd;
      if (!cmd) continue;
      const col = cmd.name ? table.columns.find((c) => c.name === cmd.name) : undefined;
      switch (cmd.subtype) {
        case "AT_AddConstraint":
          if (cmd.def?.Constraint) this.addConstraint(stmt, table, cmd.def.Constraint, "alter");
          break;
        case "AT_AddColumn":
          if (cmd.def?.ColumnDef) this.addColumn(stmt, table, cmd.def.ColumnDef, "alter");
          break;
        case "AT_DropColumn":
          table.columns = table.columns.filter((c) => c.name !== cmd.name);
          break;
        case "AT_ColumnDefault":
          if (col) this.setDefault(col, cmd.def);
          break;
        case "AT_SetNotNull":
          if (col) col.notNull = true;
          break;
        case "AT_DropNotNull":
          if (col) col.notNull = false;
          break;
        case "AT_AddIdentity": {
          const con = cmd.def?.Constraint;
          if (col && con) {
            const cache = constValue(defElems(con.options).get("cache")?.arg);
            col.identity = { always: con.generated_when === "a", cache: typeof cache === "number" ? cache : undefined };
          }
          break;
        }
        case "AT_AlterColumnType":
          if (col && cmd.def?.ColumnDef?.typeName) col.type = typeRef(cmd.def.ColumnDef.typeName);
          break;
        case "AT_DropConstraint":
          table.constraints = table.constraints.filter((c) => c.name !== cmd.name);
          break;
        case "AT_EnableRowSecurity":
        case "AT_ForceRowSecurity":
          table.rowLevelSecurity = true;
          break;
        case "AT_DisableRowSecurity":
          table.rowLevelSecurity = false;
          break;
        case "AT_AttachPartition": {
          const child = cmd.def?.PartitionCmd?.name ? this.table(rangeVar(cmd.def.PartitionCmd.name)) : undefined;
          if (child) child.partitionOf = { schema: table.schema, name: table.name };
          break;
        }
      }
    }
  }

  private createIndex(stmt: ParsedStatement, n: AstNode) {
    const tq = this.qualify(rangeVar(n.relation));
    const name = n.idxname ?? `${tq.name}_idx`;
    this.model.indexes.set(key({ schema: tq.schema, name }), {
      schema: tq.schema,
      name,
      table: tq,
      unique: !!n.unique,
      method: n.accessMethod ?? "btree",
      keys: (n.indexParams ?? []).map((p: AstNode) => {
        const e = p.IndexElem ?? {};
        return {
          column: e.name,
          expression: !e.name,
          descending: e.ordering === "SORTBY_DESC",
          explicitAscending: e.ordering === "SORTBY_ASC",
          opclass: e.opclass ? strings(e.opclass).join(".") : undefined,
          collation: e.collation ? strings(e.collation).join(".") : undefined,
        };
      }),
      include: (n.indexIncludingParams ?? []).map((p: AstNode) => p.IndexElem?.name ?? "(expression)"),
      partial: !!n.whereClause,
      async: stmt.async,
      origin: this.locate(stmt),
    });
  }

  private createSequence(stmt: ParsedStatement, n: AstNode) {
    const q = this.qualify(rangeVar(n.sequence));
    const opts = defElems(n.options);
    const cache = constValue(opts.get("cache")?.arg);
    const as = opts.get("as")?.arg?.TypeName;
    this.model.sequences.set(key(q), {
      ...q,
      dataType: as ? typeName(as).name : undefined,
      cache: typeof cache === "number" ? cache : undefined,
      origin: this.locate(stmt),
    });
    this.applyOwnedBy(q, opts.get("owned_by"));
  }

  private alterSequence(n: AstNode) {
    const q = this.qualify(rangeVar(n.sequence));
    const opts = defElems(n.options);
    const seq = this.model.sequences.get(key(q));
    const cache = constValue(opts.get("cache")?.arg);
    if (seq && typeof cache === "number") seq.cache = cache;
    this.applyOwnedBy(q, opts.get("owned_by"));
  }

  /** `OWNED BY schema.table.column` ties the sequence to its column: pg_dump's SERIAL. */
  private applyOwnedBy(seqName: QualifiedName, def: AstNode | undefined) {
    const parts = strings(def?.arg?.List?.items);
    if (parts.length < 2) return;
    const column = parts[parts.length - 1];
    const table = { schema: parts.length > 2 ? parts[parts.length - 3] : this.searchPath, name: parts[parts.length - 2] };
    const seq = this.model.sequences.get(key(seqName));
    if (seq) seq.ownedBy = { table, column };
    const col = this.model.tables.get(key(table))?.columns.find((c) => c.name === column);
    if (col && !col.sequence) col.sequence = seqName;
  }

  private rename(n: AstNode) {
    if (n.renameType === "OBJECT_TABLE" && n.relation && n.newname) {
      const old = this.qualify(rangeVar(n.relation));
      const t = this.model.tables.get(key(old));
      if (t) {
        this.model.tables.delete(key(old));
        t.name = n.newname;
        this.model.tables.set(key(t), t);
      }
    } else if (n.renameType === "OBJECT_COLUMN" && n.relation && n.subname && n.newname) {
      const col = this.table(rangeVar(n.relation))?.columns.find((c) => c.name === n.subname);
      if (col) col.name = n.newname;
    }
  }

  private drop(n: AstNode) {
    const target: Record<string, Map<string, unknown>> = {
      OBJECT_TABLE: this.model.tables,
      OBJECT_INDEX: this.model.indexes,
      OBJECT_SEQUENCE: this.model.sequences,
      OBJECT_VIEW: this.model.views,
      OBJECT_MATVIEW: this.model.views,
    };
    const map = target[n.removeType];
    if (!map) return;
    for (const obj of n.objects ?? []) {
      const parts = strings(obj.List?.items);
      if (parts.length) map.delete(key({ schema: parts.length > 1 ? parts[0] : this.searchPath, name: parts[parts.length - 1] }));
    }
  }
}

export function typeRef(tn: AstNode | undefined): TypeRef {
  const t = typeName(tn);
  return { name: t.name, schema: t.schema, mods: t.mods, arrayDims: t.arrayDims, display: displayType(t) };
}

function action(code: string | undefined): ReferentialAction {
  switch (code) {
    case "r":
      return "restrict";
    case "c":
      return "cascade";
    case "n":
      return "set null";
    case "d":
      return "set default";
    default:
      return "no action";
  }
}
