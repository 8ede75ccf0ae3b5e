import { funcName, strings, typeName } from "@/lib/ingest/ast";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

interface ExtensionFunction {
  extension: string;
  /** Built-in replacement that can be substituted mechanically, if any. */
  replacement?: string;
  advice?: string;
}

const F = (extension: string, replacement?: string, advice?: string): ExtensionFunction => ({ extension, replacement, advice });

/** Functions that exist only through an extension (lower-case names). */
const EXTENSION_FUNCTIONS: Record<string, ExtensionFunction> = {
  uuid_generate_v4: F("uuid-ossp", "gen_random_uuid()"),
  uuid_generate_v1: F("uuid-ossp", undefined, "use gen_random_uuid() (random, not time-based) or generate v1/v7 UUIDs in the application"),
  uuid_generate_v1mc: F("uuid-ossp", undefined, "use gen_random_uuid() or generate the UUID in the application"),
  uuid_generate_v3: F("uuid-ossp", undefined, "compute name-based UUIDs in the application"),
  uuid_generate_v5: F("uuid-ossp", undefined, "compute name-based UUIDs in the application"),
  uuid_nil: F("uuid-ossp", "'00000000-0000-0000-0000-000000000000'::uuid"),
  gen_random_bytes: F("pgcrypto", undefined, "generate random bytes in the application"),
  crypt: F("pgcrypto", undefined, "hash passwords in the application (bcrypt/argon2)"),
  gen_salt: F("pgcrypto", undefined, "hash passwords in the application (bcrypt/argon2)"),
  digest: F("pgcrypto", undefined, "use built-in md5(), sha224(), sha256(), sha384() or sha512()"),
  hmac: F("pgcrypto", undefined, "compute HMACs in the application"),
  encrypt: F("pgcrypto", undefined, "encrypt in the application or with AWS KMS"),
  decrypt: F("pgcrypto", undefined, "decrypt in the application or with AWS KMS"),
  pgp_sym_encrypt: F("pgcrypto", undefined, "encrypt in the application or with AWS KMS"),
  pgp_sym_decrypt: F("pgcrypto", undefined, "decrypt in the application or with AWS KMS"),
  pgp_pub_encrypt: F("pgcrypto", undefined, "encrypt in the application or with AWS KMS"),
  pgp_pub_decrypt: F("pgcrypto", undefined, "decrypt in the application or with AWS KMS"),
  armor: F("pgcrypto", undefined, "use encode(…, 'base64')"),
  dearmor: F("pgcrypto", undefined, "use decode(…, 'base64')"),
  similarity: F("pg_trgm", undefined, "do fuzzy matching in Amazon OpenSearch Service or the application"),
  word_similarity: F("pg_trgm", undefined, "do fuzzy matching in Amazon OpenSearch Service or the application"),
  strict_word_similarity: F("pg_trgm", undefined, "do fuzzy matching in Amazon OpenSearch Service or the application"),
  show_trgm: F("pg_trgm", undefined, "do fuzzy matching in Amazon OpenSearch Service or the application"),
  set_limit: F("pg_trgm", undefined, "do fuzzy matching in Amazon OpenSearch Service or the application"),
  levenshtein: F("fuzzystrmatch", undefined, "compute edit distances in the application"),
  levenshtein_less_equal: F("fuzzystrmatch", undefined, "compute edit distances in the application"),
  soundex: F("fuzzystrmatch", undefined, "compute phonetic codes in the application"),
  metaphone: F("fuzzystrmatch", undefined, "compute phonetic codes in the application"),
  dmetaphone: F("fuzzystrmatch", undefined, "compute phonetic codes in the application"),
  difference: F("fuzzystrmatch", undefined, "compute phonetic codes in the application"),
  unaccent: F("unaccent", undefined, "strip accents in the application and store the result"),
  hstore: F("hstore", undefined, "build a jsonb value with jsonb_build_object()"),
  akeys: F("hstore", undefined, "use jsonb_object_keys() on a jsonb column"),
  avals: F("hstore", undefined, "use jsonb_each_text() on a jsonb column"),
  skeys: F("hstore", undefined, "use jsonb_object_keys() on a jsonb column"),
  svals: F("hstore", undefined, "use jsonb_each_text() on a jsonb column"),
  hstore_to_json: F("hstore", undefined, "store jsonb directly"),
  st_makepoint: F("postgis", undefined, "store coordinates as numbers and use Amazon Location Service"),
  st_setsrid: F("postgis", undefined, "store coordinates as numbers and use Amazon Location Service"),
  st_distance: F("postgis", undefined, "compute distances in the application or Amazon Location Service"),
  st_dwithin: F("postgis", undefined, "use a bounding-box query on numeric columns or OpenSearch geo queries"),
  st_intersects: F("postgis", undefined, "use OpenSearch geo queries"),
  st_contains: F("postgis", undefined, "use OpenSearch geo queries"),
  st_geomfromtext: F("postgis", undefined, "store WKT as text"),
  st_asgeojson: F("postgis", undefined, "store GeoJSON as jsonb"),
  st_transform: F("postgis", undefined, "transform coordinates in the application"),
  earth_distance: F("earthdistance", undefined, "compute distances in SQL arithmetic or the application"),
  ll_to_earth: F("earthdistance", undefined, "compute distances in SQL arithmetic or the application"),
  cosine_distance: F("vector", undefined, "run vector search in Amazon OpenSearch Service or Aurora PostgreSQL with pgvector"),
  l2_distance: F("vector", undefined, "run vector search in Amazon OpenSearch Service or Aurora PostgreSQL with pgvector"),
  inner_product: F("vector", undefined, "run vector search in Amazon OpenSearch Service or Aurora PostgreSQL with pgvector"),
  vector_dims: F("vector", undefined, "run vector search in Amazon OpenSearch Service or Aurora PostgreSQL with pgvector"),
  nlevel: F("ltree", undefined, "store the path as text and split it in SQL"),
  subltree: F("ltree", undefined, "store the path as text and use substring functions"),
  crosstab: F("tablefunc", undefined, "pivot with CASE/FILTER aggregates"),
  hstore_to_jsonb: F("hstore", undefined, "store jsonb directly"),
  cube_distance: F("cube", undefined, "compute the distance in SQL arithmetic or the application"),
  cube_dim: F("cube", undefined, "store the coordinates as numeric columns"),
  cube_ll_coord: F("cube", undefined, "store the coordinates as numeric columns"),
  cube_ur_coord: F("cube", undefined, "store the coordinates as numeric columns"),
  cube_union: F("cube", undefined, "compute the bounds with least()/greatest()"),
  cube_inter: F("cube", undefined, "compute the bounds with least()/greatest()"),
  cube_enlarge: F("cube", undefined, "compute the bounds in SQL arithmetic"),
  cube_contains: F("cube", undefined, "compare the bound columns"),
  earth_box: F("earthdistance", undefined, "filter on latitude/longitude ranges"),
  gc_to_sec: F("earthdistance", undefined, "compute distances in SQL arithmetic or the application"),
  sec_to_gc: F("earthdistance", undefined, "compute distances in SQL arithmetic or the application"),
  text2ltree: F("ltree", undefined, "store the path as text"),
  ltree2text: F("ltree", undefined, "store the path as text"),
  lca: F("ltree", undefined, "compute the common prefix of text paths in SQL"),
  normal_rand: F("tablefunc", undefined, "generate the values in the application"),
};

/** Types that exist only through an extension: a cast to one (`'a=>1'::hstore`) uses the extension too. */
const EXTENSION_TYPES: Record<string, string> = {
  hstore: "hstore",
  ltree: "ltree",
  lquery: "ltree",
  ltxtquery: "ltree",
  cube: "cube",
  earth: "earthdistance",
};

export default defineRule({
  id: "extension-function",
  title: "Function provided by an extension",
  severity: "blocker",
  category: "extensions",
  // uuid_generate_v4() → gen_random_uuid(), the common case, is mechanical; messages say when a call has no built-in replacement.
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "DSQL has no extensions, so calls to functions they provide (uuid_generate_v4(), crypt(), similarity(), ST_* …) fail with `function … does not exist`, in column defaults as well as in views and queries.",
  fix: "Replace the call with the built-in equivalent (`uuid_generate_v4()` → `gen_random_uuid()`, `digest(x, 'sha256')` → `sha256(x)`), or move the work to the application.",
  catalogRows: [8],
  example: {
    bad: "CREATE TABLE account (id uuid DEFAULT uuid_generate_v4() PRIMARY KEY);",
    good: "CREATE TABLE account (id uuid DEFAULT gen_random_uuid() PRIMARY KEY);",
  },
  kinds: [
    "CreateStmt",
    "AlterTableStmt",
    "IndexStmt",
    "ViewStmt",
    "CreateTableAsStmt",
    "CreateDomainStmt",
    "SelectStmt",
    "InsertStmt",
    "UpdateStmt",
    "DeleteStmt",
  ],
  checkStatement({ nodes, model, report }) {
    for (const tc of nodes("TypeCast")) {
      const name = typeName(tc.typeName).name;
      const extension = EXTENSION_TYPES[name];
      // A type the schema defines itself with that name is not the extension's.
      if (!extension || [...model.types.values()].some((t) => t.name === name) || [...model.domains.values()].some((d) => d.name === name))
        continue;
      report({
        message: `cast to ${name} needs the ${extension} extension, which DSQL does not have; its operators and functions are unavailable too`,
        location: tc.location,
        object: { kind: "type", name },
      });
    }
    for (const fc of nodes("FuncCall")) {
      const name = funcName(fc);
      const ext = EXTENSION_FUNCTIONS[name];
      if (!ext) continue;
      const parts = strings(fc.funcname);
      if (parts.length === 2 && parts[0] === "pg_catalog") continue;
      // A function the schema defines itself with that name is not the extension's.
      if (model.routines.some((r) => r.name.toLowerCase() === name && r.language !== "c")) continue;
      const shown = parts.join(".");
      const instead = ext.replacement ? `replace it with the built-in ${ext.replacement}` : `no built-in replacement: ${ext.advice}`;
      report({
        message: `${shown}() comes from the ${ext.extension} extension, which DSQL does not have; ${instead}`,
        location: fc.location,
        object: { kind: "function", name: shown },
      });
    }
  },
});
