/**
 * Store look-ups by assessment id on a real store: an id that is not a UUID (a mistyped URL such as
 * /assessments/new) is simply not found, instead of a failed query logged by the page that asked.
 */
import { expect, test } from "vitest";
import { getAssessment, getReport } from "@/lib/store/assessments";
import { getFigureReport } from "@/lib/store/figures";
import { storeWithWorker } from "@/test/store-harness";

storeWithWorker("ids");

test("a non-UUID id is not found by any report look-up", async () => {
  expect(await getAssessment("new")).toBeNull();
  expect(await getReport("new")).toBeUndefined();
  expect(await getReport("new", ["findings"])).toBeUndefined();
  expect(await getFigureReport("new")).toBeUndefined();
  expect(await getFigureReport("00000000-0000-0000-0000-000000000000")).toBeUndefined();
});
