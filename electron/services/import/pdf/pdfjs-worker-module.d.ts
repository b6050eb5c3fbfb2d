/** Type of pdfjs's worker module, loaded in-thread so pdfjs never fetches a worker script. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  /** Handles the document messages pdfjs's API sends to its worker side. */
  export const WorkerMessageHandler: unknown;
}
