/** The dashboard's names for the shared vocabulary (defined once in lib/report/vocabulary.ts). */
export { BAND_COLOR, REVIEW_STATUSES as FINDING_STATUSES, SEVERITIES, SEVERITY_COLOR, severityColor, STATUS_COLOR, STATUS_LABEL, type Severity } from "../lib/report/vocabulary";
