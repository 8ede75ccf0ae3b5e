/**
 * The schema model: what the database contains, independent of how we learned it. SQL files fill it
 * statement by statement (build.ts); a live source fills the same shapes from pg_catalog. Rules that
 * need the whole picture (a primary key added later by ALTER TABLE, a sequence owned by a column) read
 * the model instead of single statements.
 */

/** Where an object was defined: a file position, or the live catalog (`line` 0). */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
  statementLine: number;
  statementIndex: number;
}

export interface TypeRef {
  /** Lower-case name without schema (`int4`, `varchar`, `mpaa_rating`). */
  name: string;
  schema?: string;
  mods: number[];
  arrayDims: number;
  /** How it reads in messages, e.g. `varchar(20)`. */
  display: string;
}

export type DefaultKind = "none" | "nextval" | "now" | "uuid" | "constant" | "other";

export interface ColumnModel {
  name: string;
  type: TypeRef;
  notNull: boolean;
  defaultKind: DefaultKind;
  /** Functions called by the default expression (lower case), e.g. `uuid_generate_v4`. */
  defaultFunctions: string[];
  /** The sequence behind `serial`, `DEFAULT nextval(...)` or pg_dump's OWNED BY idiom. */
  sequence?: QualifiedName;
  /** Declared with a serial pseudo-type. */
  serial: boolean;
  identity?: { always: boolean; cache?: number };
  generated?: { kind: "stored" | "virtual" };
  collation?: string;
  compression?: string;
  origin: SourceRef;
}

export interface QualifiedName {
  schema: string;
  name: string;
}

export type ConstraintKind = "primary-key" | "unique" | "check" | "foreign-key" | "exclusion";

export interface ConstraintModel {
  name?: string;
  kind: ConstraintKind;
  columns: string[];
  references?: {
    table: QualifiedName;
    columns: string[];
    onDelete: ReferentialAction;
    onUpdate: ReferentialAction;
  };
  deferrable: boolean;
  notValid: boolean;
  /** `create` when declared in CREATE TABLE, `alter` when added afterwards (pg_dump style). */
  addedBy: "create" | "alter";
  origin: SourceRef;
}

export type ReferentialAction = "no action" | "restrict" | "cascade" | "set null" | "set default";

export interface IndexKey {
  column?: string;
  /** Expression keys have no column. */
  expression: boolean;
  descending: boolean;
  explicitAscending: boolean;
  opclass?: string;
  collation?: string;
}

export interface IndexModel {
  schema: string;
  name: string;
  table: QualifiedName;
  unique: boolean;
  method: string;
  keys: IndexKey[];
  include: string[];
  partial: boolean;
  async: boolean;
  origin: SourceRef;
}

export interface TableModel {
  schema: string;
  name: string;
  persistence: "permanent" | "unlogged" | "temporary";
  columns: ColumnModel[];
  constraints: ConstraintModel[];
  partitionKey?: { strategy: string; columns: string[] };
  partitionOf?: QualifiedName;
  inherits: QualifiedName[];
  foreign: boolean;
  rowLevelSecurity: boolean;
  statistics: number;
  origin: SourceRef;
  /** Filled by a live source: measured sizes and activity. */
  stats?: TableStats;
}

export interface TableStats {
  rowEstimate: number;
  avgRowBytes?: number;
  totalBytes?: number;
  inserts?: number;
  updates?: number;
  deletes?: number;
}

export interface SequenceModel {
  schema: string;
  name: string;
  dataType?: string;
  cache?: number;
  ownedBy?: { table: QualifiedName; column: string };
  origin: SourceRef;
}

export interface ViewModel {
  schema: string;
  name: string;
  materialized: boolean;
  temporary: boolean;
  definitionChars: number;
  origin: SourceRef;
}

export interface RoutineModel {
  schema: string;
  name: string;
  kind: "function" | "procedure";
  language: string;
  returnsTrigger: boolean;
  origin: SourceRef;
}

export interface TriggerModel {
  name: string;
  table: QualifiedName;
  function: QualifiedName;
  constraint: boolean;
  origin: SourceRef;
}

export interface UserTypeModel {
  schema: string;
  name: string;
  kind: "enum" | "composite" | "range" | "base" | "shell";
  values?: string[];
  origin: SourceRef;
}

export interface DomainModel {
  schema: string;
  name: string;
  baseType: TypeRef;
  origin: SourceRef;
}

export interface NamedObject {
  name: string;
  schema?: string;
  origin: SourceRef;
}

export interface SchemaModel {
  schemas: Map<string, NamedObject>;
  tables: Map<string, TableModel>;
  indexes: Map<string, IndexModel>;
  sequences: Map<string, SequenceModel>;
  views: Map<string, ViewModel>;
  routines: RoutineModel[];
  triggers: TriggerModel[];
  types: Map<string, UserTypeModel>;
  domains: Map<string, DomainModel>;
  extensions: Map<string, NamedObject>;
  policies: NamedObject[];
  grants: number;
  roles: Map<string, NamedObject>;
}

export function emptyModel(): SchemaModel {
  return {
    schemas: new Map(),
    tables: new Map(),
    indexes: new Map(),
    sequences: new Map(),
    views: new Map(),
    routines: [],
    triggers: [],
    types: new Map(),
    domains: new Map(),
    extensions: new Map(),
    policies: [],
    grants: 0,
    roles: new Map(),
  };
}

export function key(q: QualifiedName): string {
  return `${q.schema}.${q.name}`;
}

/** Counts of each kind of object, for reports and the readiness denominator. */
export function inventory(m: SchemaModel): Record<string, number> {
  let matviews = 0;
  for (const v of m.views.values()) if (v.materialized) matviews++;
  return {
    schemas: m.schemas.size,
    tables: m.tables.size,
    indexes: m.indexes.size,
    sequences: m.sequences.size,
    views: m.views.size - matviews,
    materializedViews: matviews,
    functions: m.routines.filter((r) => r.kind === "function").length,
    procedures: m.routines.filter((r) => r.kind === "procedure").length,
    triggers: m.triggers.length,
    types: m.types.size,
    domains: m.domains.size,
    extensions: m.extensions.size,
    policies: m.policies.length,
    grants: m.grants,
    roles: m.roles.size,
  };
}

export function objectCount(m: SchemaModel): number {
  return Object.entries(inventory(m))
    .filter(([k]) => k !== "grants")
    .reduce((a, [, v]) => a + v, 0);
}

/** The primary key's columns, if the table has one. */
export function primaryKey(t: TableModel): ConstraintModel | undefined {
  return t.constraints.find((c) => c.kind === "primary-key");
}
