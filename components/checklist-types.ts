/** Shapes the checklist's client components share: a finding row, its review state and a page of them. */
import type { RuleDoc } from "@/lib/report/vocabulary";

export interface Member {
  id: string;
  name: string;
  email: string;
}

export interface ReviewState {
  status: string;
  note: string | null;
  version: number;
  updatedAt?: string | null;
  assignee?: { id: string; name: string } | null;
  statusBy?: { id: string; name: string } | null;
}

export interface Detail {
  state: ReviewState;
  comments: Array<{ id: string; body: string; createdAt: string; author: { id: string; name: string } | null; carried?: boolean }>;
  audit: Array<{ id: number; summary: string; createdAt: string; actor: { name: string } | null }>;
}

export function when(s: string | null | undefined) {
  return s ? new Date(s).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "";
}

export interface ChecklistFilters {
  severity: string[];
  category: string[];
  fix: string[];
  status: string[];
  rule: string[];
  assignee: string[];
  q: string;
}

export interface Item {
  id: number;
  ruleId: string;
  title: string;
  severity: string;
  category: string;
  fix: string;
  effort: string;
  file: string;
  line: number;
  column: number;
  statementLine: number;
  object: { kind: string; schema?: string; name: string };
  objectKey: string;
  message: string;
  snippet: string;
  docsUrl: string;
  state: ReviewState;
  groupKey?: string;
  /** Root-cause key (grouping by rule only) and how many findings under the filters share it in the rule. */
  problemId?: string;
  problemTotal?: number;
}

export interface Page {
  total: number;
  offset: number;
  limit: number;
  group: string;
  groups: Array<{ key: string; count: number; needsPerson?: number }>;
  items: Item[];
  rules: Record<string, RuleDoc>;
  facets: {
    severity: Record<string, number>;
    category: Record<string, number>;
    fix: Record<string, number>;
    status: Record<string, number>;
  };
}
