import { describe, expect, it } from "vitest";
import { rewrite } from "./engine";
import { renderDataScript } from "./data";

const run = (sql: string) => rewrite([{ path: "dump.sql", text: sql, bytes: Buffer.byteLength(sql), encoding: "utf-8" }]);
const copy = (table: string, cols: string, rows: string[]) =>
  `COPY ${table} (${cols}) FROM stdin;\n${rows.join("\n")}${rows.length ? "\n" : ""}\\.\n`;
const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i + 1));

/** The COPY blocks of a data script: statement line and row count of each. */
function copyBlocks(script: string): Array<{ copy: string; rows: number }> {
  const out: Array<{ copy: string; rows: number }> = [];
  const ls = script.split("\n");
  for (let i = 0; i < ls.length; i++) {
    if (!ls[i].startsWith("COPY ")) continue;
    const end = ls.indexOf("\\.", i);
    // A COPY without its terminator would swallow the rest of the script as data.
    out.push({ copy: ls[i], rows: end < 0 ? -1 : end - i - 1 });
    if (end < 0) break;
    i = end;
  }
  return out;
}

// pg_dump's default (COPY) form: data follows the tables in name order, keys and foreign keys come last.
const DUMP = [
  "CREATE TABLE public.album (album_id integer NOT NULL, title text, artist_id integer NOT NULL);",
  "CREATE TABLE public.artist (artist_id integer NOT NULL, name text);",
  copy(
    "public.album",
    "album_id, title, artist_id",
    lines(3200, (i) => `${i}\tAlbum ${i}\t${(i % 7) + 1}`),
  ),
  copy(
    "public.artist",
    "artist_id, name",
    lines(7, (i) => `${i}\tArtist\\twith a tab ${i}`),
  ),
  "ALTER TABLE ONLY public.album ADD CONSTRAINT album_pkey PRIMARY KEY (album_id);",
  "ALTER TABLE ONLY public.artist ADD CONSTRAINT artist_pkey PRIMARY KEY (artist_id);",
  "ALTER TABLE ONLY public.album ADD CONSTRAINT album_artist_id_fkey FOREIGN KEY (artist_id) REFERENCES public.artist(artist_id);",
].join("\n");

describe("data from COPY … FROM stdin", () => {
  it("carries every row into data.dsql.sql, at most 3,000 per COPY, each block ended by \\.", async () => {
    const rw = await run(DUMP);
    expect(rw.data.map((d) => [d.table, d.rows])).toEqual([
      ["public.album", 3200],
      ["public.artist", 7],
    ]);
    const script = renderDataScript(rw);
    expect(copyBlocks(script)).toEqual([
      { copy: "COPY public.album (album_id, title, artist_id) FROM stdin;", rows: 3000 },
      { copy: "COPY public.album (album_id, title, artist_id) FROM stdin;", rows: 200 },
      { copy: "COPY public.artist (artist_id, name) FROM stdin;", rows: 7 },
    ]);
    // Rows are copied verbatim (escapes included), in order, none twice.
    expect(script).toContain("\n1\tAlbum 1\t2\n");
    expect(script).toContain("\n3200\tAlbum 3200\t2\n\\.");
    expect(script).toContain("\n7\tArtist\\twith a tab 7\n\\.");
  });

  it("loads parents before children when given the plan's load order", async () => {
    const rw = await run(DUMP);
    const script = renderDataScript(rw, ["public.artist", "public.album"]);
    expect(copyBlocks(script).map((b) => b.copy.split(" ")[1])).toEqual(["public.artist", "public.album", "public.album"]);
  });

  it("keeps the inputs' order when the data also updates or deletes", async () => {
    const rw = await run(`${DUMP}\nUPDATE public.artist SET name = 'x' WHERE artist_id = 1;\n`);
    const script = renderDataScript(rw, ["public.artist", "public.album"]);
    expect(copyBlocks(script).map((b) => b.copy.split(" ")[1])).toEqual(["public.album", "public.album", "public.artist"]);
  });

  it("an empty COPY stays a runnable statement", async () => {
    const rw = await run(`CREATE TABLE public.t (a integer PRIMARY KEY);\n${copy("public.t", "a", [])}`);
    expect(renderDataScript(rw)).toContain("COPY public.t (a) FROM stdin;\n\\.\n");
  });

  it("rows of a partition that is merged into its parent load into the parent", async () => {
    const rw = await run(
      [
        "CREATE TABLE public.payment (id integer NOT NULL, paid date NOT NULL) PARTITION BY RANGE (paid);",
        "CREATE TABLE public.payment_p2024 (id integer NOT NULL, paid date NOT NULL);",
        "ALTER TABLE ONLY public.payment ATTACH PARTITION public.payment_p2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
        copy("public.payment_p2024", "id, paid", ["1\t2024-02-01"]),
        "INSERT INTO public.payment_p2024 (id, paid) VALUES (2, '2024-03-01');",
      ].join("\n"),
    );
    expect(rw.mergedPartitions).toEqual({ "public.payment_p2024": "public.payment" });
    const script = renderDataScript(rw);
    expect(script).toContain("COPY public.payment (id, paid) FROM stdin;\n1\t2024-02-01\n\\.");
    expect(script).toContain("INSERT INTO public.payment (id, paid) VALUES (2, '2024-03-01');");
    expect(script).not.toMatch(/(COPY|INSERT INTO) public\.payment_p2024/);
  });
});

describe("sequence positions after the rows", () => {
  const dump = [
    "CREATE TABLE public.actor (actor_id integer NOT NULL, name text);",
    "CREATE SEQUENCE public.actor_actor_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;",
    "ALTER SEQUENCE public.actor_actor_id_seq OWNED BY public.actor.actor_id;",
    "ALTER TABLE ONLY public.actor ALTER COLUMN actor_id SET DEFAULT nextval('public.actor_actor_id_seq'::regclass);",
    copy("public.actor", "actor_id, name", ["1\tPenelope", "2\tNick"]),
    "SELECT pg_catalog.setval('public.actor_actor_id_seq', 2, true);",
    "ALTER TABLE ONLY public.actor ADD CONSTRAINT actor_pkey PRIMARY KEY (actor_id);",
  ].join("\n");

  it("move an identity column's counter (ALTER TABLE … RESTART), after every load", async () => {
    const rw = await rewrite([{ path: "d.sql", text: dump, bytes: dump.length, encoding: "utf-8" }], { keyStrategy: "identity" });
    const script = renderDataScript(rw, ["public.actor"]);
    expect(script).not.toContain("setval");
    expect(script.indexOf("ALTER TABLE public.actor ALTER COLUMN actor_id RESTART WITH 3;")).toBeGreaterThan(script.indexOf("2\tNick"));
  });

  it("stay for a sequence the rewrite keeps", async () => {
    const rw = await rewrite([{ path: "d.sql", text: dump, bytes: dump.length, encoding: "utf-8" }], { keyStrategy: "keep" });
    expect(renderDataScript(rw, ["public.actor"])).toContain("SELECT pg_catalog.setval('public.actor_actor_id_seq', 2, true);");
  });

  it("are left out when the key became a uuid: the sequence is gone", async () => {
    const rw = await rewrite([{ path: "d.sql", text: dump, bytes: dump.length, encoding: "utf-8" }], { keyStrategy: "uuid" });
    expect(renderDataScript(rw, ["public.actor"])).not.toContain("setval");
    expect(rw.dropped.map((d) => d.reason)).toContain("the sequence became a uuid key: no counter to position");
  });
});
