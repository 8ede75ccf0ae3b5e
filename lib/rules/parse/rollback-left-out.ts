import { defineRule } from "../core/rule";

/**
 * Emitted by the analyzer for each rollback migration it leaves out (ingest/rollback.ts): a goose or
 * dbmate down section, or a down / undo file paired with its up file. Advice: it asks nothing of the
 * migration, it says what the assessment did not read.
 */
export default defineRule({
  id: "rollback-left-out",
  title: "Rollback migration left out of the assessment",
  severity: "advice",
  category: "parse",
  fixKind: "manual",
  effort: "simple",
  docsUrl: "https://github.com/golang-migrate/migrate/blob/master/MIGRATIONS.md",
  why: "Migration tools keep the SQL that undoes a migration beside it: goose's `-- +goose Down` and dbmate's `-- migrate:down` sections, golang-migrate and sqlx `.down.sql` files, diesel's `down.sql`, Flyway's undo `U` files, sqitch's `revert/` scripts (its `verify/` scripts only check a change). Applied in order with the rest it would drop the tables just created, so the assessment follows the up migrations only. A rollback that must also run on DSQL is worth checking on its own.",
  fix: "Nothing to change for the move. To check the rollback SQL itself against DSQL, assess that file alone (a down file without its up file is assessed like any other).",
  catalogRows: [],
  example: {
    bad: "-- +goose Up\nCREATE TABLE users (id uuid PRIMARY KEY);\n-- +goose Down\nDROP TABLE users;",
    good: "-- +goose Up\nCREATE TABLE users (id uuid PRIMARY KEY);",
  },
});
