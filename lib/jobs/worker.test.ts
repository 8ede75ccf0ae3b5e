import { expect, test } from "vitest";
import { jobsPerWorker, MAX_JOBS_PER_WORKER } from "./worker";

test("jobs per worker: default 1, whole numbers, at least 1 and at most the documented maximum", () => {
  expect(jobsPerWorker(undefined)).toBe(1);
  expect(jobsPerWorker(Number("lots"))).toBe(1);
  expect(jobsPerWorker(0)).toBe(1);
  expect(jobsPerWorker(2.7)).toBe(2);
  expect(jobsPerWorker(64)).toBe(MAX_JOBS_PER_WORKER);
});
