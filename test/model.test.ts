import { describe, expect, it } from "vitest";
import { analyze } from "../lib/analyze";
import { primaryKey } from "../lib/model/schema";

async function modelOf(sql: string) {
  const r = await analyze([{ path: "m.sql", text: sql, bytes: sql.length, encoding: "utf-8" }], { rules: [] });
  return r.model;
}

describe("schema model", () => {
  it("recognises pg_dump's SERIAL idiom as one sequence-backed column", async () => {
    const m = await modelOf(`
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE public.actor (actor_id integer NOT NULL, name text);
CREATE SEQUENCE public.actor_actor_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.actor_actor_id_seq OWNED BY public.actor.actor_id;
ALTER TABLE ONLY public.actor ALTER COLUMN actor_id SET DEFAULT nextval('public.actor_actor_id_seq'::regclass);
ALTER TABLE ONLY public.actor ADD CONSTRAINT actor_pkey PRIMARY KEY (actor_id);
`);
    const t = m.tables.get("public.actor")!;
    const col = t.columns.find((c) => c.name === "actor_id")!;
    expect(col.sequence).toEqual({ schema: "public", name: "actor_actor_id_seq" });
    expect(col.defaultKind).toBe("nextval");
    expect(m.sequences.get("public.actor_actor_id_seq")).toMatchObject({
      dataType: "int4",
      cache: 1,
      ownedBy: { table: { schema: "public", name: "actor" }, column: "actor_id" },
    });
    expect(primaryKey(t)).toMatchObject({ columns: ["actor_id"], addedBy: "alter", name: "actor_pkey" });
  });

  it("records serial columns, identity, generated columns, defaults and constraints from CREATE TABLE", async () => {
    const m = await modelOf(`
SET search_path = app, public;
CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  ext uuid DEFAULT uuid_generate_v4(),
  made timestamptz NOT NULL DEFAULT now(),
  n bigint GENERATED ALWAYS AS IDENTITY (CACHE 65536),
  total numeric(10,2) GENERATED ALWAYS AS (1) STORED,
  customer_id int REFERENCES customer (id) ON DELETE CASCADE,
  tags text[] COLLATE "de_DE",
  CHECK (total > 0)
);`);
    const t = m.tables.get("app.orders")!;
    const by = Object.fromEntries(t.columns.map((c) => [c.name, c]));
    expect(by.id).toMatchObject({ serial: true, sequence: { schema: "app", name: "orders_id_seq" } });
    expect(by.ext).toMatchObject({ defaultKind: "uuid", defaultFunctions: ["uuid_generate_v4"] });
    expect(by.made).toMatchObject({ defaultKind: "now", notNull: true });
    expect(by.n.identity).toEqual({ always: true, cache: 65536 });
    expect(by.total.generated).toEqual({ kind: "stored" });
    expect(by.tags.type).toMatchObject({ name: "text", arrayDims: 1, display: "text[]" });
    expect(by.tags.collation).toBe("de_DE");
    expect(t.constraints.map((c) => c.kind).sort()).toEqual(["check", "foreign-key", "primary-key"]);
    expect(t.constraints.find((c) => c.kind === "foreign-key")!.references).toMatchObject({
      table: { schema: "app", name: "customer" },
      onDelete: "cascade",
    });
  });

  it("tracks partitions, indexes and later ALTERs", async () => {
    const m = await modelOf(`
CREATE TABLE p (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE p_2024 PARTITION OF p FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX ASYNC p_at ON p (at DESC) WHERE id > 0;
ALTER TABLE p ADD COLUMN note text;
ALTER TABLE p DROP COLUMN note;
ALTER TABLE p ENABLE ROW LEVEL SECURITY;
`);
    expect(m.tables.get("public.p")).toMatchObject({ partitionKey: { strategy: "range", columns: ["at"] }, rowLevelSecurity: true });
    expect(m.tables.get("public.p")!.columns.map((c) => c.name)).toEqual(["id", "at"]);
    expect(m.tables.get("public.p_2024")!.partitionOf).toEqual({ schema: "public", name: "p" });
    expect(m.indexes.get("public.p_at")).toMatchObject({ async: true, partial: true, keys: [{ column: "at", descending: true }] });
  });
});
