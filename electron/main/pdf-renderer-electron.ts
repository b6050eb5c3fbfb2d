/**
 * The Electron adapter of the PDF renderer port: a hidden, sandboxed window prints the page with
 * `webContents.printToPDF`. Only the main process can use it.
 */
import { BrowserWindow, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../shared/errors';
import { isLocalResourceUrl, type PdfRenderer, type PdfRenderOptions } from '../services/export/pdf-renderer';

/** Session partition of the printing window (in memory: nothing of it is kept on disk). */
const PARTITION = 'cv-tailor-pdf';

/** Creates the Electron PDF renderer: the window is made on first use and kept for the next. */
export function createElectronPdfRenderer(): PdfRenderer {
  let window: BrowserWindow | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  // The file of the page being printed: the only file the window may load.
  let pageUrl: string | undefined;

  function printingWindow(): BrowserWindow {
    if (window && !window.isDestroyed()) return window;
    const printSession = session.fromPartition(PARTITION);
    // The page may load itself and data URLs, never another file or the network.
    printSession.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: !isLocalResourceUrl(details.url, pageUrl) }),
    );
    printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    window = new BrowserWindow({
      show: false,
      webPreferences: {
        session: printSession,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
      },
    });
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    return window;
  }

  async function renderNow(html: string, options: PdfRenderOptions): Promise<Uint8Array> {
    // A file, not a data: URL: pages with embedded fonts pass Chromium's URL length limit.
    const dir = await mkdtemp(path.join(tmpdir(), 'cv-tailor-print-'));
    try {
      const file = path.join(dir, 'page.html');
      await writeFile(file, html, 'utf8');
      const target = printingWindow();
      pageUrl = pathToFileURL(file).href;
      await target.loadURL(pageUrl);
      const pdf = await target.webContents.printToPDF({
        pageSize: options.paper === 'a4' ? 'A4' : 'Letter',
        printBackground: true,
        preferCSSPageSize: true,
        generateTaggedPDF: true,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } catch (error) {
      throw new AppError('internal', 'The PDF could not be printed.', { cause: error });
    } finally {
      pageUrl = undefined;
      await rm(dir, { recursive: true, force: true });
    }
  }

  return {
    render(html, options) {
      const result = queue.then(() => renderNow(html, options));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      await queue;
      if (window && !window.isDestroyed()) window.destroy();
      window = undefined;
    },
  };
}
