/**
 * File type detection from content (magic bytes and structure), with the file name only as a
 * tie-breaker between text formats: an extension that lies does not decide.
 */
import { AppError } from '../../../shared/errors';
import { isLinkedInExport } from './linkedin';
import { listZipEntries } from './zip';

/** A document format CV Tailor can read. */
export type DocumentFormat = 'pdf' | 'docx' | 'markdown' | 'text' | 'json' | 'html' | 'linkedin';

const decoderFatal = new TextDecoder('utf-8', { fatal: true });

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

/** Bytes of windows-1252 that are unassigned: their presence means the data is not text. */
const UNASSIGNED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Decodes bytes as text: UTF-8 (with or without BOM), UTF-16 with a BOM, or windows-1252 when
 * the bytes are not UTF-8 but read as clean Western text. Returns undefined for binary data.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  let text: string | undefined;
  if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
    try {
      text = decoderFatal.decode(body);
    } catch {
      if (body.some((byte) => UNASSIGNED_1252.has(byte))) return undefined;
      text = new TextDecoder('windows-1252').decode(body);
    }
  }
  let control = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0xfffd || code === 0x7f) {
      control += 1;
    }
  }
  if (text.length > 0 && control / text.length > 0.01) return undefined;
  if (control > 0 && text.length < 100) return undefined;
  return text;
}

function extension(fileName: string | undefined): string {
  const match = /\.([a-z0-9]+)$/i.exec(fileName ?? '');
  return match ? match[1].toLowerCase() : '';
}

/** True when text reads as Markdown: ATX headings, list markers with emphasis, or links. */
export function looksLikeMarkdown(text: string): boolean {
  const lines = text.split(/\r?\n/);
  const headings = lines.filter((line) => /^#{1,6}\s+\S/.test(line)).length;
  const emphasis = lines.filter((line) => /\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\)/.test(line)).length;
  const underlined = lines.filter((line) => /^(?:=+|-{3,})\s*$/.test(line)).length;
  return headings >= 1 || emphasis >= 2 || underlined >= 2;
}

/** True when text reads as an HTML document. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(?:body|div|p|h1|h2|ul)[\s>]/.test(head.slice(0, 500)) && head.startsWith('<');
}

/**
 * Detects a document's format from its bytes.
 *
 * Throws AppError `empty-file` for no content and `unsupported-file` (with a message naming what
 * the file seems to be) for anything that is not a supported document.
 */
export function detectFormat(bytes: Uint8Array, fileName?: string): DocumentFormat {
  if (bytes.length === 0 || bytes.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09)) {
    throw new AppError('empty-file', 'The file is empty.');
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const names = listZipEntries(bytes).map((entry) => entry.name);
    if (names.includes('word/document.xml')) return 'docx';
    if (isLinkedInExport(names)) return 'linkedin';
    if (names.includes('content.xml') && names.includes('mimetype')) {
      throw new AppError('unsupported-file', 'OpenDocument (.odt) files are not supported. Save the file as .docx or PDF and try again.');
    }
    throw new AppError(
      'unsupported-file',
      'This is a zip archive, not a Word document or a LinkedIn data export. Open a .docx, PDF, Markdown, text or JSON Resume file, or the ZIP LinkedIn sends you.',
    );
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new AppError('unsupported-file', 'Old Word (.doc) files are not supported. Save the file as .docx or PDF and try again.');
  }
  if (head.startsWith('{\\rtf')) {
    throw new AppError('unsupported-file', 'RTF files are not supported. Save the file as .docx or PDF and try again.');
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || head.startsWith('GIF8')) {
    throw new AppError('unsupported-file', 'This is an image. CV Tailor reads text documents; OCR is not supported.');
  }
  const text = decodeText(bytes);
  if (text === undefined) {
    throw new AppError('unsupported-file', 'This file is not a document CV Tailor can read. Open a PDF, .docx, Markdown, text or JSON Resume file.');
  }
  if (text.trim() === '') throw new AppError('empty-file', 'The file is empty.');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      JSON.parse(text.replace(/^\uFEFF/, ''));
      return 'json';
    } catch {
      if (extension(fileName) === 'json') {
        throw new AppError('corrupt-file', 'This JSON file is not valid JSON. Check it in a text editor and try again.');
      }
    }
  }
  if (looksLikeHtml(text)) return 'html';
  const ext = extension(fileName);
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'txt' || ext === 'text') return looksLikeMarkdown(text) ? 'markdown' : 'text';
  return looksLikeMarkdown(text) ? 'markdown' : 'text';
}
