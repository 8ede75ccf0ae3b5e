import { describe, expect, it } from "vitest";
import type { InputFile } from "../../ingest/input";
import { rewrite } from "../engine";
import { renderPsqlScript } from "../render";

// pg_dump's way out of a view ↔ function cycle: a placeholder view, the function, then the real view.
export const PLACEHOLDER_DUMP = `CREATE TABLE public.t (k integer NOT NULL, name text, tags text[]);
CREATE SEQUENCE public.t_k_seq AS integer START WITH 1 INCREMENT BY 1 CACHE 1;
ALTER SEQUENCE public.t_k_seq OWNED BY public.t.k;
ALTER TABLE ONLY public.t ALTER COLUMN k SET DEFAULT nextval('public.t_k_seq'::regclass);
ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (k);
CREATE VIEW public.v AS
 SELECT NULL::integer AS k,
    NULL::text AS name,
    NULL::text[] AS tags;
CREATE FUNCTION public.f() RETURNS SETOF public.v LANGUAGE sql AS $$ SELECT * FROM public.v $$;
CREATE OR REPLACE VIEW public.v AS
 SELECT t.k, t.name, t.tags FROM public.t t;
`;

const input = (text: string): InputFile[] => [{ path: "p.sql", text, bytes: Buffer.byteLength(text), encoding: "utf-8" }];

describe("pg_dump placeholder views", () => {
  it("take the rewritten types of the columns their replacement reads", async () => {
    const script = renderPsqlScript(await rewrite(input(PLACEHOLDER_DUMP)));
    expect(script).toMatch(/SELECT NULL::bigint AS k,\s+NULL::text AS name,\s+NULL::jsonb AS tags;/);
  });

  it("leave views that read tables alone", async () => {
    const rw = await rewrite(
      input("CREATE TABLE public.t (k serial PRIMARY KEY);\nCREATE VIEW public.w AS SELECT NULL::integer AS k FROM public.t;\n"),
    );
    expect(rw.statements.find((s) => s.object.name === "w")?.sql).toContain("NULL::integer");
  });
});
