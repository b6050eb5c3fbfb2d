import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cvDocument, entryHeading } from '../../../shared/export/document';
import { cvToText, letterToText } from '../../../shared/export/text';
import { TEMPLATE_NAMES } from '../../../shared/export/types';
import { isAppError } from '../../../shared/errors';
import { chromiumArgs, isLocalResourceUrl, PDF_CHROMIUM_ARGS } from '../../../electron/services/export/pdf-renderer';
import {
  createChromiumPdfRenderer,
  exportCv,
  exportLetter,
  findChromium,
  type PdfRenderer,
} from '../../../electron/services/export/index';
import { longCv, richCv, sampleLetter } from './fixtures';
import { pdfFacts, pdfText, wordsOf } from './helpers';

// One warm Chromium serves every test in this file, as it serves every export in the app.
let renderer: PdfRenderer;
beforeAll(() => {
  renderer = createChromiumPdfRenderer();
});
afterAll(async () => {
  await renderer.close();
});

describe('PDF export', () => {
  it.each(TEMPLATE_NAMES)(
    '%s: pdftotext reads every word of the CV in reading order, undamaged',
    async (template) => {
      const pdf = await exportCv(richCv(), { format: 'pdf', template, renderer });
      const text = await pdfText(pdf);
      expect(text).not.toMatch(/[\uFB00-\uFB06]/);
      expect(wordsOf(text)).toEqual(wordsOf(cvToText(richCv())));
    },
  );

  it.each(TEMPLATE_NAMES)('%s: embeds the template font in the PDF', async (template) => {
    const pdf = await exportCv(richCv(), { format: 'pdf', template, renderer });
    const { fonts } = await pdfFacts(pdf);
    const family = { classic: 'PTSerif', modern: 'Lato', compact: 'SourceSans3' }[template];
    expect(fonts).toContain(`+${family}-Regular`);
    expect(fonts).toContain(`+${family}-Bold`);
    for (const line of fonts.split('\n').filter((row) => row.includes('+')))
      expect(line).toMatch(/\byes\s+yes\s+yes\b/);
  });

  it('prints on A4 and on Letter paper', async () => {
    const a4 = await pdfFacts(await exportCv(richCv(), { format: 'pdf', paper: 'a4', renderer }));
    const letter = await pdfFacts(await exportCv(richCv(), { format: 'pdf', paper: 'letter', renderer }));
    const points = (size: string) => size.split(' x ').map(Number);
    const [a4Width, a4Height] = points(a4.pageSize);
    const [letterWidth, letterHeight] = points(letter.pageSize);
    expect(Math.abs(a4Width - 595.28)).toBeLessThan(1);
    expect(Math.abs(a4Height - 841.89)).toBeLessThan(1);
    expect(Math.abs(letterWidth - 612)).toBeLessThan(1);
    expect(Math.abs(letterHeight - 792)).toBeLessThan(1);
  });

  it.each(TEMPLATE_NAMES)('%s: never ends a page with a section or entry heading', async (template) => {
    const cv = longCv();
    const pdf = await exportCv(cv, { format: 'pdf', template, renderer });
    const { pages } = await pdfFacts(pdf);
    expect(pages).toBeGreaterThan(1);
    const doc = cvDocument(cv);
    // Lines that must never be last on a page: a section heading, and an entry's title or
    // meta line when more of the entry follows it.
    const headingLines = new Set<string>();
    for (const part of doc.sections) {
      headingLines.add(wordsOf(part.heading).join(' '));
      for (const item of part.entries) {
        const { title, meta } = entryHeading(item);
        const hasBody = item.paragraphs.length + item.details.length + item.bullets.length > 0;
        if (meta.length || hasBody) headingLines.add(wordsOf(title).join(' '));
        if (hasBody) headingLines.add(wordsOf(meta.join(' | ')).join(' '));
      }
    }
    for (let page = 1; page < pages; page += 1) {
      const lines = (await pdfText(pdf, { first: page, last: page }))
        .split('\n')
        .filter((line) => wordsOf(line).length);
      const last = wordsOf(lines[lines.length - 1] ?? '').join(' ');
      expect(headingLines.has(last), `page ${page} ends with "${last}"`).toBe(false);
    }
    expect(wordsOf(await pdfText(pdf))).toEqual(wordsOf(cvToText(cv)));
  });

  it.each(TEMPLATE_NAMES)('%s: exports a cover letter whose text reads back in order', async (template) => {
    const pdf = await exportLetter(sampleLetter(), richCv(), { format: 'pdf', template, renderer });
    expect(wordsOf(await pdfText(pdf))).toEqual(wordsOf(letterToText(sampleLetter(), richCv())));
  });

  it('renders many exports on one warm browser, also concurrently', async () => {
    const results = await Promise.all(
      TEMPLATE_NAMES.map((template) => exportCv(richCv(), { format: 'pdf', template, renderer })),
    );
    for (const pdf of results) expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
  });
});

describe('PDF renderer', () => {
  let server: Server;
  let requests = 0;
  let origin = '';
  beforeAll(async () => {
    server = createServer((_request, response) => {
      requests += 1;
      response.end('body { color: red }');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('blocks every network request of the page it prints', async () => {
    const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="${origin}/style.css"></head>
      <body><img src="${origin}/pixel.png"><p>Offline text</p><iframe src="${origin}/frame"></iframe></body></html>`;
    const pdf = await renderer.render(html, { paper: 'a4' });
    expect(await pdfText(pdf)).toContain('Offline text');
    expect(requests).toBe(0);
  });

  it('lets a printed page load data URLs and itself, never another file', () => {
    expect(isLocalResourceUrl('data:font/woff2;base64,AAAA')).toBe(true);
    expect(isLocalResourceUrl('about:blank')).toBe(true);
    expect(isLocalResourceUrl('file:///etc/passwd')).toBe(false);
    expect(isLocalResourceUrl('file:///tmp/p/page.html', 'file:///tmp/p/page.html')).toBe(true);
    expect(isLocalResourceUrl('file:///home/me/.ssh/id_rsa', 'file:///tmp/p/page.html')).toBe(false);
    expect(isLocalResourceUrl('https://fonts.example.com/a.woff2', 'file:///tmp/p/page.html')).toBe(false);
  });

  it("keeps Chromium's sandbox on, except for the root user it refuses to start for", () => {
    expect(chromiumArgs(1000)).not.toContain('--no-sandbox');
    expect(chromiumArgs(0)).toContain('--no-sandbox');
    expect(chromiumArgs(1000)).toContain('--disable-background-networking');
    // The one that prints resolves no host name at all.
    expect(PDF_CHROMIUM_ARGS).toContain('--host-resolver-rules=MAP * ~NOTFOUND');
  });

  it('starts again after being closed', async () => {
    const own = createChromiumPdfRenderer();
    const first = await own.render('<p>first</p>', { paper: 'letter' });
    await own.close();
    const second = await own.render('<p>second</p>', { paper: 'letter' });
    await own.close();
    expect(await pdfText(first)).toContain('first');
    expect(await pdfText(second)).toContain('second');
  });

  it('says clearly when the configured Chromium does not exist', () => {
    let caught: unknown;
    try {
      findChromium({ CV_TAILOR_CHROMIUM: '/nonexistent/chromium' });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe('not-found');
    expect(isAppError(caught) && caught.message).toContain('CV_TAILOR_CHROMIUM');
  });

  it('fails with a clear error when the executable cannot start', async () => {
    const broken = createChromiumPdfRenderer({ executablePath: '/bin/false', timeoutMs: 10_000 });
    const error = await broken.render('<p>x</p>', { paper: 'a4' }).catch((caught: unknown) => caught);
    await broken.close();
    expect(isAppError(error) && error.message).toMatch(/could not start/);
  });
});
