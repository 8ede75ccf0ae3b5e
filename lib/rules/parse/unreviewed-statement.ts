import { defineRule } from "../core/rule";

/** The safety net: a statement kind no rule examines and none lists as compatible. */
export default defineRule({
  id: "unreviewed-statement",
  title: "Statement kind not reviewed for DSQL compatibility",
  severity: "warning",
  category: "parse",
  fixKind: "manual",
  effort: "simple",
  docsUrl: "https://docs.aws.amazon.com/aurora-dsql/latest/userguide/working-with-postgresql-compatibility-supported-sql-features.html",
  why: "No rule classifies this kind of statement, so the assessment cannot say whether DSQL accepts it. It is reported rather than passed silently.",
  fix: "Check the statement against the DSQL supported-SQL page, or run it on a scratch DSQL cluster.",
  catalogRows: [],
  example: {
    bad: "SECURITY LABEL ON TABLE customer IS 'classified';",
    good: "-- keep it only once it has been checked against the DSQL supported-SQL page",
  },
});
