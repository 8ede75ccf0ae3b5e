/** The pages' name for the report-section views, which live with the report in lib/report/sections.ts. */
export * from "../lib/report/sections";
