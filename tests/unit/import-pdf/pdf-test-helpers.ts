/**
 * Helpers for the PDF reader tests: corpus paths, hand-written minimal PDFs and Chromium renders.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../electron/services/export/pdf-renderer';

/** The shared corpus beside the project (absent in a user's clone). */
export const corpusDir = path.resolve(process.cwd(), '../shared/corpus');

/** Every PDF under a folder, recursively, sorted. */
export function listPdfs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...listPdfs(full));
    else if (name.toLowerCase().endsWith('.pdf')) found.push(full);
  }
  return found.sort();
}

/** Assembles a PDF from object bodies (object 1 must be the catalog), with a correct xref table. */
export function assemblePdf(objects: (string | Buffer)[]): Buffer {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0].length;
  objects.forEach((body, index) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
    '',
  ].join('\n');
  chunks.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks);
}

function stream(content: Buffer | string, dict = ''): Buffer {
  const data = typeof content === 'string' ? Buffer.from(content, 'latin1') : content;
  return Buffer.concat([
    Buffer.from(`<< /Length ${data.length} ${dict} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

/**
 * A one-page PDF showing lines of text in Helvetica with StandardEncoding, where byte 0xAE is the
 * "fi" ligature glyph and 0xAF the "fl" one.
 */
export function textPdf(lines: string[]): Buffer {
  const ops = lines
    .map(
      (line, index) =>
        `BT /F1 12 Tf 72 ${720 - index * 20} Td (${line.replace(/[()\\]/g, (c) => `\\${c}`)}) Tj ET`,
    )
    .join('\n');
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /StandardEncoding >>',
    stream(ops),
  ]);
}

/** A one-page PDF holding only a grey image, like a scan. */
export function imageOnlyPdf(): Buffer {
  const width = 40;
  const height = 40;
  const pixels = Buffer.alloc(width * height);
  for (let index = 0; index < pixels.length; index += 1) pixels[index] = (index * 37) % 256;
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    stream(
      pixels,
      `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8`,
    ),
    stream('q 540 0 0 720 36 36 cm /Im1 Do Q'),
  ]);
}

/** Renders HTML pages to PDF files with the system Chromium. */
export async function renderPdfs(
  pages: Record<string, string>,
  outDir: string,
): Promise<Record<string, string>> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const files: Record<string, string> = {};
  try {
    const page = await browser.newPage();
    for (const [name, html] of Object.entries(pages)) {
      await page.setContent(html, { waitUntil: 'load' });
      const file = path.join(outDir, `${name}.pdf`);
      await page.pdf({
        path: file,
        format: 'A4',
        printBackground: true,
        margin: { top: '0', bottom: '0', left: '0', right: '0' },
      });
      files[name] = file;
    }
  } finally {
    await browser.close();
  }
  return files;
}

/** True when the system Chromium used for fixtures is installed. */
export const hasChromium = existsSync('/usr/bin/chromium');
