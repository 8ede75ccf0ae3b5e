/**
 * Rendering untrusted strings (assessment names, sources, identifiers, comments, file names, messages,
 * SQL snippets) into Markdown so that a Markdown viewer shows them as text: no HTML, no links, no
 * images, no emphasis, no table breakouts. Every Markdown writer in the project goes through these.
 */

/** Punctuation that opens or closes inline Markdown: code, emphasis, links, images, strikethrough, cells. */
const INLINE_SYNTAX = /[\\`*_[\]!|~@]/g;
/** What makes a line a heading, list item or setext underline when the text starts a line. */
const LINE_START_SYNTAX = /^(\s*)(#|-|\+|=|\d+(?=[.)]))/;

/** Plain inline text: HTML neutralised as entities, Markdown syntax backslash-escaped, lines joined. */
export function mdText(s: unknown): string {
  return (
    String(s ?? "")
      .replace(/\r\n?|\n|\u2028|\u2029/g, " ")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(INLINE_SYNTAX, (c) => `\\${c}`)
      // GFM turns bare URLs, www. hosts and e-mail addresses into links.
      .replace(/:(?=\/\/)/g, "\\:")
      .replace(/\b(www)\./gi, "$1\\.")
  );
}

/** mdText for text that starts a line (a paragraph): a leading `#`, `-`, `+`, `=` or `1.` stays text. */
export function mdParagraph(s: unknown): string {
  return mdText(s).replace(LINE_START_SYNTAX, (_, space: string, mark: string) =>
    /\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
  );
}

/** Text for a GFM table cell (same as mdText: pipes are already escaped there). */
export const mdCell = mdText;

/**
 * A code span holding `s` verbatim: the fence is one backtick longer than the longest backtick run inside,
 * padded with a space when the content starts or ends with a backtick. In a table cell, GFM splits on `|`
 * even inside code spans, so pipes are escaped there (GFM renders `\|` in a cell's code span as `|`).
 */
export function mdCode(s: unknown, opts: { inTable?: boolean } = {}): string {
  let text = String(s ?? "").replace(/\r\n?|\n|\u2028|\u2029/g, " ");
  if (opts.inTable) text = text.replace(/\|/g, "\\|");
  if (text === "") return "` `";
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") || (text.startsWith(" ") && text.endsWith(" ") && text.trim() !== "") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A fenced code block holding `s` verbatim: the fence is longer than any backtick run at a line start
 * inside, so the content cannot close it early. The info string (language) must be one of our own words.
 */
export function mdCodeBlock(s: string, lang = ""): string {
  const longest = Math.max(2, ...(s.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${/^[a-z0-9-]*$/.test(lang) ? lang : ""}\n${s}\n${fence}`;
}
