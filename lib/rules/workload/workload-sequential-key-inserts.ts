import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

export default defineWorkloadRule({
  id: "workload-sequential-key-inserts",
  title: "Sequential key under measured insert load",
  severity: "warning",
  effort: "significant",
  docsUrl: SOURCES.PRIMARY_KEYS,
  why: "DSQL stores rows in primary-key order; a monotonically increasing key sends every new row to the same key range, so the insert rate measured here lands on one partition.",
  fix: "Use a random key (uuid DEFAULT gen_random_uuid()) or a composite key led by a well-distributed column; keep the sequence as a secondary attribute if you need ordering.",
  catalogRows: [],
  example: {
    bad: "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY -- 400 inserts/s",
    good: "id uuid DEFAULT gen_random_uuid() PRIMARY KEY",
  },
});
