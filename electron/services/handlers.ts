/**
 * The services behind every contract method, as plain functions of their dependencies.
 */
import { AppError } from '../../shared/errors';
import type { EventName, EventPayload, Handlers } from '../../shared/contract';
import { isSafeExternalUrl } from '../../shared/security/external-url';
import type { ExportFormat } from '../../shared/export/types';
import { exportCv, type PdfRenderer } from './export/index';
import { importCv } from './import/index';
import type { LibraryStore } from './library/library-store';

/** How saving a file ended. */
export interface SaveOutcome {
  status: 'saved' | 'cancelled' | 'download';
  path: string | null;
}

/** What the handlers need from the outside world. */
export interface HandlerDeps {
  store: LibraryStore;
  version: string;
  /** Opens a vetted https URL in the person's browser; false when the transport cannot. */
  openExternal: (url: string) => Promise<boolean>;
  /** The PDF renderer of this transport (Electron's printToPDF, or Chromium), kept warm. */
  pdfRenderer: () => PdfRenderer;
  /** Saves a file where the person chooses; status `download` asks the UI to download it instead. */
  saveFile: (file: { fileName: string; mimeType: string; bytes: Uint8Array }) => Promise<SaveOutcome>;
  /** Pushes an event to the UI. */
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
}

/** A file name without path separators, characters Windows forbids, or control characters. */
export function safeFileName(name: string): string {
  return Array.from(name, (character) => (character.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(character) ? ' ' : character))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
}

/** The media type of each export format. */
const EXPORT_MIME_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown',
  txt: 'text/plain',
  json: 'application/json',
};

/** Builds the handler of every contract method. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { store } = deps;
  return {
    getAppInfo: async () => ({ version: deps.version, dataDir: store.dataDir, notices: store.notices() }),
    listCvs: async () => store.listCvs(),
    getCv: async ({ id }) => store.getCv(id),
    createCv: async ({ name, cv }) => store.createCv({ name, cv }),
    importCv: async ({ fileName, base64, password, name }) => {
      const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
      const result = await importCv({ bytes, fileName, password });
      const baseName = fileName.replace(/\.[^.]+$/, '');
      const created = await store.createCv({
        name: name?.trim() || result.cv.basics?.name?.trim() || baseName || 'Imported CV',
        cv: result.cv,
        importReport: result.report,
        importedFrom: { fileName, format: result.format },
      });
      return { cv: created, format: result.format, warnings: result.report.warnings };
    },
    renameCv: async ({ id, name }) => store.renameCv(id, name),
    duplicateCv: async ({ id }) => store.duplicateCv(id),
    deleteCv: async ({ id }) => {
      await store.deleteCv(id);
      return { deleted: true as const };
    },
    saveCv: async ({ id, cv }) => store.saveCv(id, cv),
    saveCvVersion: async ({ id, label }) => store.saveCvVersion(id, label),
    restoreCvVersion: async ({ id, versionId }) => store.restoreCvVersion(id, versionId),
    listJobs: async ({ query }) => store.listJobs(query),
    getJob: async ({ id }) => store.getJob(id),
    createJob: async ({ text, cvId }) => store.createJob({ postingText: text, analysis: null, cvId }),
    updateJob: async ({ id, status, cvId }) => store.updateJob(id, { status, cvId }),
    deleteJob: async ({ id }) => {
      await store.deleteJob(id);
      return { deleted: true as const };
    },
    getSettings: async () => store.getSettings(),
    updateSettings: async (patch) => store.updateSettings(patch),
    exportCv: async ({ cv, format, template, paper, baseName }) => {
      const bytes = await exportCv(cv, { format, template, paper, renderer: format === 'pdf' ? deps.pdfRenderer() : undefined });
      const safeName = safeFileName(baseName) || 'CV';
      return {
        fileName: `${safeName}.${format}`,
        mimeType: EXPORT_MIME_TYPES[format],
        base64: Buffer.from(bytes).toString('base64'),
      };
    },
    saveFile: async ({ fileName, mimeType, base64 }) =>
      deps.saveFile({ fileName, mimeType, bytes: new Uint8Array(Buffer.from(base64, 'base64')) }),
    openExternal: async ({ url }) => {
      if (!isSafeExternalUrl(url)) throw new AppError('invalid-input', 'Only secure web links (https) can be opened.');
      return { opened: await deps.openExternal(url) };
    },
  };
}
