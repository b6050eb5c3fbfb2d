/**
 * Markdown importer: headings, list items and bold lines become structure; inline markup is
 * removed and link targets kept beside their text.
 */
import type { SourceLine } from '../../../shared/import/source-line';
import { decodeTextFile } from './text';

/** Removes inline Markdown (emphasis, code, images, links) from one line of text. */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(\s*<?([^)>\s]+)>?(?:\s+"[^"]*")?\s*\)/g, (_, label: string, target: string) => {
      const shownTarget = target.replace(/^mailto:/i, '');
      const bareLabel = label.replace(/^https?:\/\//i, '').replace(/\/$/, '');
      return bareLabel === shownTarget.replace(/^https?:\/\//i, '').replace(/\/$/, '') ? label : `${label} (${shownTarget})`;
    })
    .replace(/<((?:https?:\/\/|mailto:)[^>]+)>/g, (_, target: string) => target.replace(/^mailto:/i, ''))
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\s{2,}$/, '')
    .trim();
}

/** Turns Markdown text into source lines. */
export function markdownToLines(markdown: string): SourceLine[] {
  const rows = markdown.replace(/\r\n?/g, '\n').split('\n');
  const lines: SourceLine[] = [];
  let blank = false;
  let inFence = false;
  rows.forEach((row, index) => {
    if (/^\s*(```|~~~)/.test(row)) {
      inFence = !inFence;
      return;
    }
    const next = rows[index + 1] ?? '';
    if (!row.trim() || /^\s*(?:[-*_]\s*){3,}$/.test(row) || /^\s*\|?\s*:?-{3,}/.test(row)) {
      blank = true;
      return;
    }
    if (/^\s*(?:=+|-+)\s*$/.test(row)) return;
    let text = row;
    let heading: number | undefined;
    let bullet = false;
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
    if (atx && !inFence) {
      heading = atx[1].length;
      text = atx[2];
    } else if (/^\s*=+\s*$/.test(next) && next.trim()) {
      heading = 1;
    } else if (/^\s*-{2,}\s*$/.test(next) && next.trim() && row.trim()) {
      heading = 2;
    }
    const indent = /^\s*/.exec(text)?.[0].replace(/\t/g, '    ').length ?? 0;
    const list = /^\s*(?:[-*+•]|\d{1,2}[.)])\s+(.*)$/.exec(text);
    if (list && heading === undefined) {
      bullet = true;
      text = list[1];
    }
    const quote = /^\s*>\s?(.*)$/.exec(text);
    if (quote) text = quote[1];
    const table = /^\s*\|(.*)\|\s*$/.exec(text);
    if (table) text = table[1].split('|').map((cell) => cell.trim()).filter(Boolean).join('   ');
    const wholeBold = /^\s*(\*\*|__)(.+)\1\s*$/.test(text);
    const plain = stripInlineMarkdown(text);
    if (!plain) return;
    lines.push({
      text: plain,
      page: 1,
      x: indent * 6 + (bullet ? 12 : 0),
      y: 0,
      width: 0,
      fontSize: 0,
      bold: wholeBold || heading !== undefined,
      ...(heading !== undefined ? { heading } : {}),
      ...(bullet ? { bullet: true } : {}),
      gapBefore: blank ? 12 : 0,
    });
    blank = false;
  });
  return lines;
}

/** Reads a Markdown CV into source lines. */
export function readMarkdownLines(bytes: Uint8Array): SourceLine[] {
  return markdownToLines(decodeTextFile(bytes));
}
