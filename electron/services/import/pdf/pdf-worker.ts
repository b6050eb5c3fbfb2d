/**
 * Worker-thread entry: reads PDFs off the main event loop, one request after another, and posts
 * each result back.
 *
 * Protocol: posts `{ type: 'ready' }` once loaded, then for each `{ id, bytes, password }` answers
 * `{ type: 'done', id, value }` or `{ type: 'failed', id, error: { code, message } }`.
 */
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../../../shared/errors';
import { DAMAGED_MESSAGE } from './extract-items';
import { readPdfInline } from './read-pdf-inline';

/** The request the main thread sends. */
export interface PdfWorkerRequest {
  id: number;
  bytes: Uint8Array;
  password?: string;
}

const port = parentPort;
if (port) {
  port.on('message', (request: PdfWorkerRequest) => {
    readPdfInline(request.bytes, { password: request.password }).then(
      (value) => port.postMessage({ type: 'done', id: request.id, value }),
      (error: unknown) =>
        port.postMessage({
          type: 'failed',
          id: request.id,
          error: isAppError(error)
            ? { code: error.code, message: error.message }
            : { code: 'corrupt-file', message: DAMAGED_MESSAGE },
        }),
    );
  });
  port.postMessage({ type: 'ready' });
}
