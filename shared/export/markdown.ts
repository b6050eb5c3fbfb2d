/**
 * Markdown export of a CV or a cover letter: headings for sections and entries, real `-` lists.
 */
import {
  cvDocument,
  entryHeading,
  letterDocument,
  type DocDetail,
  type DocEntry,
  type DocHeader, joinLines } from './document';
import type { CoverLetter } from './types';
import type { Cv } from '../model/cv';

/** Escapes characters that Markdown would read as markup at the start or inside a line. */
export function escapeMarkdown(value: string): string {
  return (
    value
      .replace(/([\\`*[\]<])/g, '\\$1')
      // Underscores inside a word (jane_doe@example.com) are never emphasis in CommonMark.
      .replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (match) => match.replace('_', '\\_'))
      .replace(/^(#+|[-+>]|\d+[.)])(\s)/, '\\$1$2')
  );
}

function headerMarkdown(header: DocHeader): string[] {
  const lines: string[] = [];
  if (header.name) lines.push(`# ${escapeMarkdown(header.name)}`, '');
  if (header.label) lines.push(`**${escapeMarkdown(header.label)}**`, '');
  if (header.contacts.length) lines.push(header.contacts.map(escapeMarkdown).join(' | '), '');
  return lines;
}

function detailMarkdown(detail: DocDetail): string {
  if (!detail.text) return `**${escapeMarkdown(detail.label)}**`;
  if (!detail.label) return escapeMarkdown(detail.text);
  return `**${escapeMarkdown(detail.label)}:** ${escapeMarkdown(detail.text)}`;
}

function entryMarkdown(item: DocEntry): string[] {
  const { title, meta } = entryHeading(item);
  const lines: string[] = title ? [`### ${escapeMarkdown(title)}`, ''] : [];
  if (meta.length) lines.push(meta.map(escapeMarkdown).join(' | '), '');
  for (const paragraph of item.paragraphs) lines.push(escapeMarkdown(paragraph), '');
  for (const detail of item.details) lines.push(detailMarkdown(detail), '');
  if (item.bullets.length) lines.push(...item.bullets.map((bullet) => `- ${escapeMarkdown(bullet)}`), '');
  return lines;
}

/** Renders a CV as Markdown. */
export function cvToMarkdown(cv: Cv): string {
  const doc = cvDocument(cv);
  const lines = headerMarkdown(doc.header);
  for (const part of doc.sections) {
    lines.push(`## ${escapeMarkdown(part.heading)}`, '');
    for (const paragraph of part.paragraphs) lines.push(escapeMarkdown(paragraph), '');
    if (part.details.length) lines.push(...part.details.map((detail) => `- ${detailMarkdown(detail)}`), '');
    for (const item of part.entries) lines.push(...entryMarkdown(item));
  }
  return joinLines(lines);
}

/** Renders a cover letter as Markdown, signed with the CV's name. */
export function letterToMarkdown(letter: CoverLetter, cv: Cv): string {
  const doc = letterDocument(letter, cv);
  const lines = headerMarkdown(doc.header);
  if (doc.greeting) lines.push(escapeMarkdown(doc.greeting), '');
  for (const paragraph of doc.paragraphs) lines.push(escapeMarkdown(paragraph), '');
  if (doc.closing) lines.push(escapeMarkdown(doc.closing), '');
  if (doc.signature) lines.push(escapeMarkdown(doc.signature), '');
  return joinLines(lines);
}
