/**
 * The services behind every contract method, as plain functions of their dependencies.
 */
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { EventName, EventPayload, Handlers } from '../../shared/contract';
import { isSafeExternalUrl } from '../../shared/security/external-url';
import type { ExportFormat } from '../../shared/export/types';
import { exportCv, exportLetter, type PdfRenderer } from './export/index';
import { importCv } from './import/index';
import { importJob } from './jobs/index';
import { downloadIntoModels, listAvailableModels, testRemoteConnection } from './model-settings';
import type { SecretStore } from './secrets/index';
import { rankForMachine } from './models/fit';
import { machineForRanking } from './models/machine';
import { measuredSpeedOf } from './models/speed';
import { resolveModelUri } from './models/download';
import { fitOfModelFile, type LocalModelFit } from './llm/gguf-fit';
import { sharedModelManager, type GpuInfo } from './llm/model-manager';
import { createTailorHandlers } from './tailor-handlers';
import type { LibraryStore } from './library/library-store';
import { postingsOfFile } from './jobs/postings';
import type { JobQueue } from './queue/job-queue';
import type { JobRuns } from './tailor/job-runs';
import { jobCompany, jobTitle } from '../../shared/library/jobs';
import { toErrorInfo } from '../../shared/errors';
import type { JobSummary } from '../../shared/model/library';

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
  /** The keychain. */
  secrets: SecretStore;
  /** Pushes an event to the UI. */
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** Tailoring and letters of saved jobs (one provider for the handlers and the queue). */
  runs: JobRuns;
  /** The job queue of this data folder. */
  queue: JobQueue;
  /** The GPU local models would use (default: asked of the app-wide model manager). */
  gpuInfo?: () => Promise<GpuInfo | null>;
}

/** A file name without path separators, characters Windows forbids, or control characters. */
export function safeFileName(name: string): string {
  return Array.from(name, (character) => (character.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(character) ? ' ' : character))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
}

/** "120 MB of 940 MB · 8.2 MB/s" */
function describeProgress(bytes: number, total: number | null, bytesPerSecond: number): string {
  const megabytes = (value: number) => `${(value / 1_000_000).toFixed(value < 10_000_000 ? 1 : 0)} MB`;
  const done = total ? `${megabytes(bytes)} of ${megabytes(total)}` : megabytes(bytes);
  return bytesPerSecond > 0 ? `${done} · ${megabytes(bytesPerSecond)}/s` : done;
}

/** Wraps exported bytes as a file for the UI to save. */
function fileOutput(bytes: Uint8Array, baseName: string, format: ExportFormat) {
  return {
    fileName: `${safeFileName(baseName) || 'Export'}.${format}`,
    mimeType: EXPORT_MIME_TYPES[format],
    base64: Buffer.from(bytes).toString('base64'),
  };
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
  const { store, secrets } = deps;
  const tasks = new Map<string, AbortController>();
  const isOffline = () => store.getSettings().offline;

  /** Runs a cancellable task registered under its id. */
  const runTask = async <T>(id: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    if (tasks.has(id)) throw new AppError('conflict', 'That task is already running.');
    const controller = new AbortController();
    tasks.set(id, controller);
    try {
      return await work(controller.signal);
    } finally {
      tasks.delete(id);
    }
  };

  return {
    ...createTailorHandlers(deps, runTask, deps.runs),
    getAppInfo: async () => ({
      version: deps.version,
      dataDir: store.dataDir,
      notices: [...store.notices(), ...deps.queue.notices()],
    }),
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
    createJob: async ({ text, cvId }) => {
      const job = await importJob({ text });
      return store.createJob({ postingText: job.text, analysis: job.analysis, cvId });
    },
    importJob: async ({ fileName, base64, password, cvId }) => {
      const job = await importJob({ bytes: new Uint8Array(Buffer.from(base64, 'base64')), fileName, password });
      return store.createJob({ postingText: job.text, analysis: job.analysis, cvId });
    },
    importJobs: async ({ files, cvId }) => {
      const jobs: JobSummary[] = [];
      const failed: { fileName: string; message: string }[] = [];
      for (const file of files) {
        try {
          const postings = await postingsOfFile({ fileName: file.fileName, bytes: new Uint8Array(Buffer.from(file.base64, 'base64')) });
          for (const posting of postings) {
            const job = await importJob({ text: posting.text });
            const record = await store.createJob({ postingText: job.text, analysis: job.analysis, cvId });
            jobs.push({
              id: record.id,
              title: jobTitle(record),
              company: jobCompany(record),
              status: record.status,
              updatedAt: record.updatedAt,
              statusSince: record.createdAt,
              note: record.note,
            });
          }
        } catch (error) {
          // One unreadable file does not stop the others; it is named with its reason.
          failed.push({ fileName: file.fileName, message: toErrorInfo(error).message });
        }
      }
      return { jobs, failed };
    },
    getQueue: async () => deps.queue.snapshot(),
    addToQueue: async ({ jobIds, ...task }) => deps.queue.add(jobIds, task),
    pauseQueue: async () => deps.queue.pause(),
    resumeQueue: async () => deps.queue.resume(),
    cancelQueueItem: async ({ itemId }) => deps.queue.cancel(itemId),
    cancelQueue: async () => deps.queue.cancelAll(),
    retryQueueItem: async ({ itemId }) => deps.queue.retry(itemId),
    clearQueue: async () => deps.queue.clearFinished(),
    updateJob: async ({ id, status, cvId, note, title, company }) => store.updateJob(id, { status, cvId, note, title, company }),
    deleteJob: async ({ id }) => {
      await store.deleteJob(id);
      return { deleted: true as const };
    },
    getSettings: async () => store.getSettings(),
    updateSettings: async (patch) => store.updateSettings(patch),
    exportCv: async ({ cv, format, template, paper, baseName }) =>
      fileOutput(
        await exportCv(cv, { format, template, paper, renderer: format === 'pdf' ? deps.pdfRenderer() : undefined }),
        baseName || 'CV',
        format,
      ),
    exportLetter: async ({ letter, cv, format, template, paper, baseName }) =>
      fileOutput(
        await exportLetter(letter, cv, { format, template, paper, renderer: format === 'pdf' ? deps.pdfRenderer() : undefined }),
        baseName || 'Cover letter',
        format,
      ),
    saveFile: async ({ fileName, mimeType, base64 }) =>
      deps.saveFile({ fileName, mimeType, bytes: new Uint8Array(Buffer.from(base64, 'base64')) }),
    listModels: async () => {
      const settings = store.getSettings();
      const found = await listAvailableModels(settings, store.dataDir);
      const samples = store.generationSpeeds();
      const machine = await machineForRanking({
        samples,
        useGpu: !(settings.provider?.kind === 'local' && settings.provider.gpu === false),
        gpuInfo: deps.gpuInfo ?? (() => sharedModelManager().gpuInfo()),
      });
      const fits = new Map<string, LocalModelFit | undefined>();
      await Promise.all(
        found.local.map(async (entry) => {
          if (!entry.info) return;
          const measured = measuredSpeedOf(samples, path.resolve(entry.path), entry.sizeBytes);
          fits.set(entry.path, await fitOfModelFile(entry.path, machine, measured).catch(() => undefined));
        }),
      );
      // A recommended model already downloaded is judged from its own header, like any file on disk.
      const downloaded = (uri: string) => {
        let fileName: string;
        try {
          fileName = resolveModelUri(uri).fileName;
        } catch {
          return undefined;
        }
        const entry = found.local.find((candidate) => candidate.info && candidate.fileName === fileName);
        const fit = entry && fits.get(entry.path);
        return fit && { level: fit.level, reason: fit.reason };
      };
      return {
        modelsDir: found.modelsDir,
        recommended: rankForMachine(found.recommended, machine, (model) => downloaded(model.uri)),
        machine: {
          totalRamBytes: machine.totalRamBytes,
          freeRamBytes: machine.freeRamBytes,
          cpuThreads: machine.cpuThreads,
          gpu: machine.gpuVramBytes > 0 ? { name: machine.gpuName ?? 'GPU', vramBytes: machine.gpuVramBytes } : null,
        },
        local: found.local.map((entry) => {
          const fit = fits.get(entry.path);
          return {
            path: entry.path,
            fileName: entry.fileName,
            sizeBytes: entry.sizeBytes,
            error: entry.error,
            fit: fit && { compatibility: fit.compatibility, level: fit.level, contextSize: fit.contextSize, reason: fit.reason },
            info: entry.info && {
              name: entry.info.name,
              architecture: entry.info.architecture,
              parameterCount: entry.info.parameterCount,
              quantization: entry.info.quantization,
              contextLength: entry.info.contextLength,
            },
          };
        }),
      };
    },
    downloadModel: async ({ uri, sha256, taskId }) =>
      runTask(taskId, async (signal) => {
        let lastEmit = 0;
        const filePath = await downloadIntoModels({
          uri,
          sha256,
          dataDir: store.dataDir,
          isOffline,
          signal,
          onProgress: (progress) => {
            const now = Date.now();
            if (now - lastEmit < 200 && progress.bytes !== progress.total) return;
            lastEmit = now;
            deps.emit('taskProgress', {
              taskId,
              kind: 'download',
              step: 'download',
              fraction: progress.total ? Math.min(1, progress.bytes / progress.total) : null,
              detail: describeProgress(progress.bytes, progress.total, progress.bytesPerSecond),
            });
          },
        });
        return { path: filePath };
      }),
    cancelTask: async ({ taskId }) => {
      const controller = tasks.get(taskId);
      controller?.abort();
      return { cancelled: !!controller };
    },
    testConnection: async ({ providerId, baseUrl }) => testRemoteConnection({ providerId, baseUrl, secrets, isOffline }),
    getApiKeyStatus: async ({ providerId }) => ({ isSet: await secrets.has(providerId) }),
    setApiKey: async ({ providerId, key }) => {
      await secrets.set(providerId, key.trim());
      return { isSet: true };
    },
    clearApiKey: async ({ providerId }) => {
      await secrets.delete(providerId);
      return { isSet: false };
    },
    openExternal: async ({ url }) => {
      if (!isSafeExternalUrl(url)) throw new AppError('invalid-input', 'Only secure web links (https) can be opened.');
      return { opened: await deps.openExternal(url) };
    },
  };
}
