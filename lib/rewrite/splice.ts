/**
 * Edits to one statement's original text. Every change is a replacement of a char range, tagged with the
 * rule and reason behind it, so the result keeps comments and formatting and diffs stay minimal.
 */
import type { RuleId } from "../rules/ids";
import type { Token } from "./tokens";

export interface Edit {
  start: number;
  end: number;
  text: string;
  rule: RuleId;
  reason: string;
}

export class Splicer {
  readonly edits: Edit[] = [];
  constructor(readonly text: string) {}

  replace(start: number, end: number, text: string, rule: RuleId, reason: string): void {
    this.edits.push({ start, end, text, rule, reason });
  }

  insert(at: number, text: string, rule: RuleId, reason: string): void {
    this.edits.push({ start: at, end: at, text, rule, reason });
  }

  /** Remove tokens first..last and the whitespace before them (keeps the layout tidy). */
  removeTokens(tokens: Token[], first: number, last: number, rule: RuleId, reason: string): void {
    const start = first > 0 ? tokens[first - 1].end : tokens[first].start;
    this.replace(start, tokens[last].end, "", rule, reason);
  }

  replaceTokens(tokens: Token[], first: number, last: number, text: string, rule: RuleId, reason: string): void {
    this.replace(tokens[first].start, tokens[last].end, text, rule, reason);
  }

  get changed(): boolean {
    return this.edits.length > 0;
  }

  rules(): RuleId[] {
    return [...new Set(this.edits.map((e) => e.rule))];
  }

  /** The edited text of [from, to). Overlapping edits keep the first one (in position order). */
  apply(from = 0, to = this.text.length): string {
    const sorted = this.edits.filter((e) => e.start >= from && e.end <= to).sort((a, b) => a.start - b.start || a.end - b.end);
    let out = "";
    let pos = from;
    for (const e of sorted) {
      if (e.start < pos) continue;
      out += this.text.slice(pos, e.start) + e.text;
      pos = e.end;
    }
    return out + this.text.slice(pos, to);
  }
}
