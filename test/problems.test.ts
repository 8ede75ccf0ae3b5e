/** One problem per root cause: findings one fix resolves share a problemId; effort counts problems. */
import { describe, expect, it } from "vitest";
import { analyze } from "../lib/analyze";
import { buildReport } from "../lib/report/contract";

const SQL = `CREATE EXTENSION IF NOT EXISTS hstore;
COMMENT ON EXTENSION hstore IS 'kv';
DROP EXTENSION IF EXISTS hstore;
CREATE TYPE mood AS ENUM ('a', 'b');
CREATE TABLE p (id int, m mood, PRIMARY KEY (id)) PARTITION BY RANGE (id);
CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (1) TO (10);
CREATE TABLE p2 PARTITION OF p FOR VALUES FROM (10) TO (20) PARTITION BY RANGE (id);
CREATE TABLE p21 PARTITION OF p2 FOR VALUES FROM (10) TO (15);
CREATE TABLE q (id int PRIMARY KEY, m mood);
DROP TYPE mood;
CREATE INDEX q_m ON q USING btree (m);
CREATE PROCEDURE pr() LANGUAGE plpython3u AS $$ pass $$;
CALL pr();
CALL pr();
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER q_touch BEFORE UPDATE ON q FOR EACH ROW EXECUTE FUNCTION touch();
`;

describe("problems", () => {
  it("groups the findings of one root cause under one problemId", async () => {
    const r = await analyze([{ path: "s.sql", text: SQL, bytes: SQL.length, encoding: "utf-8" }]);
    const groups = new Map<string, string[]>();
    for (const f of r.findings) groups.set(f.problemId, [...(groups.get(f.problemId) ?? []), `${f.line} ${f.ruleId}`]);
    const lines = (line: number) => groups.get(r.findings.find((f) => f.line === line)!.problemId);
    expect(lines(1)).toEqual(["1 extension", "2 extension", "3 extension"]);
    expect(lines(4)).toEqual(["4 enum-type", "5 enum-type", "9 enum-type", "10 alter-or-drop-type"]);
    const partitions = [...groups.values()].find((g) => g.includes("5 partitioned-table"));
    // p2 is a partition and partitioned itself: two findings, one tree.
    expect(partitions).toEqual([
      "5 partitioned-table",
      "6 partitioned-table",
      "7 partitioned-table",
      "7 partitioned-table",
      "8 partitioned-table",
    ]);
    expect(lines(11)).toEqual(["11 index-not-async", "11 index-using-clause"]);
    expect(lines(13)).toEqual(["12 procedure", "13 procedure", "14 procedure"]);
    expect(lines(15)).toEqual(["15 trigger-function", "16 trigger"]);
  });

  it("reports problems and instances separately and counts effort per problem", async () => {
    const one = "CREATE TYPE mood AS ENUM ('a');\nCREATE TABLE a (id int PRIMARY KEY, m mood);";
    const many = `${one}\n${Array.from({ length: 20 }, (_, i) => `CREATE TABLE b${i} (id int PRIMARY KEY, m mood);`).join("\n")}`;
    const report = async (sql: string) => buildReport(await analyze([{ path: "s.sql", text: sql, bytes: sql.length, encoding: "utf-8" }]));
    const small = await report(one);
    const big = await report(many);
    expect(small.summary.problems).toEqual({
      total: 1,
      bySeverity: { blocker: 1, warning: 0, advice: 0 },
      needPerson: { blocker: 0, warning: 0, advice: 0 },
    }); // the rewrite maps the enum to text
    expect(big.summary.findings).toBe(22);
    expect(big.summary.problems.total).toBe(1);
    // Twenty more uses of the enum are the same decision: the estimate does not grow with them.
    expect(big.summary.effortHours).toEqual(small.summary.effortHours);
  });
});
