/**
 * Many postings at once: which files hold postings, and one text split into postings at lines
 * of three or more dashes ("---"). Shared by `cv-tailor batch` and the app's "Add postings".
 */

/** File extensions read as postings (lower case, with the dot). */
export const POSTING_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx'] as const;

/** Extensions whose text may hold several postings separated by lines "---". */
const SPLITTABLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);

/** The extension of a file name, lower case with the dot ("" when it has none). */
export function extensionOf(fileName: string): string {
  const match = /\.[^./\\]+$/.exec(fileName);
  return match ? match[0].toLowerCase() : '';
}

/** True when a file of this name is read as a posting. */
export function isPostingFileName(fileName: string): boolean {
  return (POSTING_EXTENSIONS as readonly string[]).includes(extensionOf(fileName));
}

/** True when a file of this name is plain text that may hold several postings. */
export function isSplittableFileName(fileName: string): boolean {
  return SPLITTABLE_EXTENSIONS.has(extensionOf(fileName));
}

/**
 * The postings of a text: its parts between lines made only of three or more dashes, trimmed,
 * blank parts dropped. A text without such a line is one posting.
 */
export function splitPostings(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/^[ \t]*-{3,}[ \t]*$/m)
    .map((part) => part.trim())
    .filter(Boolean);
}
