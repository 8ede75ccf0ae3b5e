import { describe, expect, it } from "vitest";
import type { InputFile } from "./input";
import { dumpSection, inSectionOrder } from "./sections";

const entry = (name: string, type: string, sql: string) =>
  `--\n-- Name: ${name}; Type: ${type}; Schema: public; Owner: postgres\n--\n\n${sql}\n\n`;
const PRE =
  entry("t", "TABLE", "CREATE TABLE public.t (id integer NOT NULL);") + entry("TABLE t", "ACL", "GRANT SELECT ON TABLE public.t TO r;");
const DATA = `--\n-- Data for Name: t; Type: TABLE DATA; Schema: public; Owner: postgres\n--\n\nCOPY public.t (id) FROM stdin;\n1\n\\.\n`;
const POST = entry("t t_pkey", "CONSTRAINT", "ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);");
const file = (path: string, text: string): InputFile => ({ path, text, bytes: text.length, encoding: "utf-8" });

describe("pg_dump sections", () => {
  it("tells a section file by its entry headers; a whole dump or a hand-written file is none", () => {
    expect(dumpSection(PRE)).toBe("pre-data");
    expect(dumpSection(DATA)).toBe("data");
    expect(dumpSection(POST)).toBe("post-data");
    expect(dumpSection(PRE + POST)).toBeUndefined();
    expect(dumpSection("CREATE TABLE t (id int);")).toBeUndefined();
  });

  it("reads pre-data, data, post-data in that order whatever the names, and says what it moved", () => {
    const ordered = inSectionOrder([file("app-data.sql", DATA), file("app-post-data.sql", POST), file("app-pre-data.sql", PRE)]);
    expect(ordered.files.map((f) => f.path)).toEqual(["app-pre-data.sql", "app-data.sql", "app-post-data.sql"]);
    expect(ordered.note).toBe(
      "read app-data.sql (pg_dump --section=data), app-post-data.sql (pg_dump --section=post-data) after the other inputs: a later section needs the tables of the earlier ones",
    );
  });

  it("leaves a migration folder's order alone", () => {
    const files = [file("V2__keys.sql", "ALTER TABLE t ADD PRIMARY KEY (id);"), file("V1__t.sql", "CREATE TABLE t (id int);")];
    expect(inSectionOrder(files)).toEqual({ files });
  });
});
