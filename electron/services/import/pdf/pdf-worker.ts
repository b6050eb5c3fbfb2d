/**
 * Worker-thread entry: reads one PDF off the main event loop and posts the result back.
 *
 * Protocol: posts `{ type: 'ready' }` once loaded, receives `{ bytes, password }`, answers
 * `{ type: 'done', value }` or `{ type: 'failed', error: { code, message } }`.
 */
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../../../shared/errors';
import { DAMAGED_MESSAGE } from './extract-items';
import { readPdfInline } from './read-pdf-inline';

/** The request the main thread sends. */
export interface PdfWorkerRequest {
  bytes: Uint8Array;
  password?: string;
}

const port = parentPort;
if (port) {
  port.once('message', (request: PdfWorkerRequest) => {
    readPdfInline(request.bytes, { password: request.password }).then(
      (value) => port.postMessage({ type: 'done', value }),
      (error: unknown) =>
        port.postMessage({
          type: 'failed',
          error: isAppError(error)
            ? { code: error.code, message: error.message }
            : { code: 'corrupt-file', message: DAMAGED_MESSAGE },
        }),
    );
  });
  port.postMessage({ type: 'ready' });
}
