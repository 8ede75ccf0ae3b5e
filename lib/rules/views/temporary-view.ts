import { relObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "temporary-view",
  title: "Temporary view",
  severity: "blocker",
  category: "views",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.CREATE_VIEW,
  why: '"Aurora DSQL does not support temporary views."',
  fix: "Create a permanent view (drop it when done), or inline the query.",
  catalogRows: [73],
  example: {
    bad: "CREATE TEMP VIEW recent AS SELECT * FROM rental WHERE rental_date > now() - interval '1 day';",
    good: "CREATE VIEW recent AS SELECT * FROM rental WHERE rental_date > now() - interval '1 day';",
  },
  kinds: ["ViewStmt"],
  checkStatement({ stmt, builder, report }) {
    if (stmt.node.view?.relpersistence !== "t") return;
    const obj = relObject(builder, stmt.node.view, "view");
    report({ message: `temporary view ${obj.name} is not supported`, object: obj });
  },
});
