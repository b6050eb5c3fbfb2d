/**
 * Plain-text export of a CV or a cover letter: upper-case section headings, "- " bullets,
 * lines wrapped by the reader (one paragraph per line).
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

function headerText(header: DocHeader): string[] {
  const lines: string[] = [];
  if (header.name) lines.push(header.name);
  if (header.label) lines.push(header.label);
  if (header.contacts.length) lines.push(header.contacts.join(' | '));
  return lines.length ? [...lines, ''] : lines;
}

function detailText(detail: DocDetail): string {
  if (!detail.text) return detail.label;
  if (!detail.label) return detail.text;
  return `${detail.label}: ${detail.text}`;
}

function entryText(item: DocEntry): string[] {
  const { title, meta } = entryHeading(item);
  const lines: string[] = title ? [title] : [];
  if (meta.length) lines.push(meta.join(' | '));
  lines.push(
    ...item.paragraphs,
    ...item.details.map(detailText),
    ...item.bullets.map((bullet) => `- ${bullet}`),
    '',
  );
  return lines;
}

/** Renders a CV as plain text. */
export function cvToText(cv: Cv): string {
  const doc = cvDocument(cv);
  const lines = headerText(doc.header);
  for (const part of doc.sections) {
    lines.push(part.heading.toUpperCase(), '');
    for (const paragraph of part.paragraphs) lines.push(paragraph, '');
    if (part.details.length) lines.push(...part.details.map(detailText), '');
    for (const item of part.entries) lines.push(...entryText(item));
  }
  return joinLines(lines);
}

/** Renders a cover letter as plain text, signed with the CV's name. */
export function letterToText(letter: CoverLetter, cv: Cv): string {
  const doc = letterDocument(letter, cv);
  const lines = headerText(doc.header);
  if (doc.greeting) lines.push(doc.greeting, '');
  for (const paragraph of doc.paragraphs) lines.push(paragraph, '');
  if (doc.closing) lines.push(doc.closing);
  if (doc.signature) lines.push(doc.signature);
  return joinLines(lines);
}
