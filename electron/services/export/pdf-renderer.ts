/**
 * The PDF renderer port and its Chromium adapter (playwright-core driving the system's
 * Chromium), used by the command-line tool and the browser host.
 *
 * The adapter launches Chromium on first use and keeps it and one page warm, so the next export
 * costs one layout and one print, not a browser start.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { AppError } from '../../../shared/errors';
import type { PaperSize } from '../../../shared/export/types';

/** Options of one PDF rendering. */
export interface PdfRenderOptions {
  paper: PaperSize;
}

/** Turns a self-contained HTML page into PDF bytes. */
export interface PdfRenderer {
  render(html: string, options: PdfRenderOptions): Promise<Uint8Array>;
  /** Releases the browser or window; the renderer may be used again afterwards (it relaunches). */
  close(): Promise<void>;
}

/** Flags that keep a headless Chromium quiet on a machine without network or GPU. */
const QUIET_ARGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-pings',
  '--no-first-run',
];

/**
 * The flags Chromium is launched with. Its sandbox stays on, except for the root user, for whom
 * Chromium refuses to start with it (containers and CI machines).
 */
export function chromiumArgs(uid: number | undefined = process.getuid?.()): string[] {
  return uid === 0 ? ['--no-sandbox', ...QUIET_ARGS] : [...QUIET_ARGS];
}

/** The flags for this process's user (see `chromiumArgs`). */
export const CHROMIUM_ARGS = chromiumArgs();

/**
 * The flags of the Chromium that prints PDFs: the page is printed from memory through a pipe and
 * needs no host name, so every name resolves to "not found" inside it, and its update, account
 * and IPv6-reachability lookups never leave the machine.
 */
export const PDF_CHROMIUM_ARGS = [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND'];

const COMMON_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * Finds a Chromium or Chrome executable: `CV_TAILOR_CHROMIUM` first, then common install paths.
 *
 * Throws a user-facing AppError when none is found.
 */
export function findChromium(env: Record<string, string | undefined> = process.env): string {
  const configured = env.CV_TAILOR_CHROMIUM;
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new AppError('not-found', `CV_TAILOR_CHROMIUM points to ${configured}, which does not exist.`);
  }
  const found = COMMON_CHROMIUM_PATHS.find((candidate) => existsSync(candidate));
  if (found) return found;
  throw new AppError(
    'not-found',
    'PDF export needs Chromium or Google Chrome: install it, or set CV_TAILOR_CHROMIUM to its executable.',
  );
}

/**
 * True for URLs a rendering page may load: inline data (the page's embedded fonts and images)
 * and the page itself, when it was written to a file; never another file and never the network.
 */
export function isLocalResourceUrl(url: string, pageUrl?: string): boolean {
  return url.startsWith('data:') || url === 'about:blank' || (pageUrl !== undefined && url === pageUrl);
}

/** Options of the Chromium adapter. */
export interface ChromiumPdfRendererOptions {
  executablePath?: string;
  /** Milliseconds one rendering may take before it fails with a timeout error. */
  timeoutMs?: number;
}

/** Creates the Chromium adapter of the PDF renderer port (lazy launch, kept warm). */
export function createChromiumPdfRenderer(options: ChromiumPdfRendererOptions = {}): PdfRenderer {
  const timeoutMs = options.timeoutMs ?? 30_000;
  let browserPromise: Promise<Browser> | undefined;
  let pagePromise: Promise<Page> | undefined;
  // One page is reused, so renderings run one at a time.
  let queue: Promise<unknown> = Promise.resolve();

  async function launch(): Promise<Browser> {
    const executablePath = options.executablePath ?? findChromium();
    try {
      // playwright-core is loaded at the first export, so start-up does not pay for it.
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath,
        headless: true,
        args: PDF_CHROMIUM_ARGS,
        timeout: timeoutMs,
      });
      browser.on('disconnected', () => {
        browserPromise = undefined;
        pagePromise = undefined;
      });
      return browser;
    } catch (error) {
      throw new AppError(
        'internal',
        `Chromium at ${executablePath} could not start, so the PDF was not made.`,
        {
          cause: error,
        },
      );
    }
  }

  async function openPage(): Promise<Page> {
    browserPromise ??= launch().catch((error: unknown) => {
      browserPromise = undefined;
      throw error;
    });
    const browser = await browserPromise;
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    await page.route('**/*', (route) =>
      isLocalResourceUrl(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
    );
    return page;
  }

  async function renderNow(html: string, renderOptions: PdfRenderOptions): Promise<Uint8Array> {
    pagePromise ??= openPage().catch((error: unknown) => {
      pagePromise = undefined;
      throw error;
    });
    const page = await pagePromise;
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: renderOptions.paper === 'a4' ? 'A4' : 'Letter',
        preferCSSPageSize: true,
        printBackground: true,
        tagged: true,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } catch (error) {
      pagePromise = undefined;
      await page
        .context()
        .close()
        .catch(() => undefined);
      if (error instanceof AppError) throw error;
      const isTimeout = error instanceof Error && error.name === 'TimeoutError';
      throw new AppError(
        isTimeout ? 'timeout' : 'internal',
        isTimeout ? 'Chromium took too long to print the PDF.' : 'Chromium could not print the PDF.',
        { cause: error },
      );
    }
  }

  return {
    render(html, renderOptions) {
      const result = queue.then(() => renderNow(html, renderOptions));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      await queue;
      const pending = browserPromise;
      browserPromise = undefined;
      pagePromise = undefined;
      if (!pending) return;
      const browser = await pending.catch(() => undefined);
      await browser?.close().catch(() => undefined);
    },
  };
}
