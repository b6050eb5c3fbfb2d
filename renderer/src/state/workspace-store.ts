/**
 * The workspace state: library lists, the open CV and its autosaved draft, notices.
 */
import { produce } from 'immer';
import { createStore } from 'zustand/vanilla';
import type { CvTailorApi } from '../../../shared/contract';
import { isAppError } from '../../../shared/errors';
import type { Cv } from '../../../shared/model/cv';
import {
  DEFAULT_EXPORT_CHOICES,
  type CvSummary,
  type ExportChoices,
  type JobRecord,
  type JobStatus,
  type JobSummary,
  type MasterCv,
  type StoreNotice,
} from '../../../shared/model/library';

/** How the open CV's draft stands against the disk. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

/** A button on a toast, e.g. "Undo" after a removal. */
export interface ToastAction {
  label: string;
  run: () => void;
}

/** A message shown briefly at the bottom of the window. */
export interface Toast {
  id: number;
  tone: 'info' | 'error';
  text: string;
  action?: ToastAction;
}

/** A file waiting for its password before it can be imported. */
export interface PendingImport {
  file: File;
  message: string;
}

/** What the main area shows. */
export type MainView = 'cv' | 'settings' | 'review' | 'board' | 'queue';

/** What the panel beside the editor shows. */
export type SidePanel = 'report' | 'job' | null;

/** Everything the workspace shows and can do. */
export interface WorkspaceState {
  isReady: boolean;
  loadError: string | null;
  dataDir: string;
  cvs: CvSummary[];
  jobs: JobSummary[];
  notices: StoreNotice[];
  openCv: MasterCv | null;
  draft: Cv | null;
  saveState: SaveState;
  toasts: Toast[];
  /** An import in progress (file name), for the progress indicator. */
  importing: string | null;
  pendingImport: PendingImport | null;
  sidePanel: SidePanel;
  view: MainView;
  /** The job shown in the job panel. */
  activeJob: JobRecord | null;
  /** What the job search holds (blank: no search). */
  jobQuery: string;
  /** The jobs the search found; null while nothing is searched. */
  foundJobs: JobSummary[] | null;
  /** The person folded the library sidebar away (wide windows; narrow ones start folded). */
  isSidebarCollapsed: boolean;
  /** The export choices offered next time. */
  exportChoices: ExportChoices;
  setView(view: MainView): void;
  /** Searches the jobs by title, company, status, posting and note. */
  searchJobs(query: string): Promise<void>;
  /** Gives a job another title and company; resolves to the reason when it was refused (nothing changed then). */
  renameJob(id: string, names: { title: string; company: string }): Promise<string | null>;
  /** Folds the sidebar away or brings it back, remembered in the settings. */
  setSidebarCollapsed(isCollapsed: boolean): Promise<void>;
  /** Remembers the export choices for the next export. */
  rememberExportChoices(choices: ExportChoices): Promise<void>;
  /** Reads the CV and job lists again (after jobs were added or tailored elsewhere). */
  reloadJobs(): Promise<void>;
  /** Saves a pasted posting as a job and shows it beside the CV. */
  addJobFromText(text: string): Promise<boolean>;
  /** Saves a posting file as a job and shows it beside the CV. */
  addJobFromFile(file: File): Promise<boolean>;
  openJob(id: string): Promise<void>;
  setJobStatus(status: JobStatus): Promise<void>;
  /** Moves a job to another status (the board). */
  moveJob(id: string, status: JobStatus): Promise<void>;
  /** Saves the person's note on a job. */
  setJobNote(id: string, note: string): Promise<void>;
  deleteJob(id: string): Promise<void>;
  init(): Promise<void>;
  /** Imports a CV file as a new master CV; asks for a password when the file needs one. */
  importFile(file: File, password?: string): Promise<void>;
  cancelPendingImport(): void;
  setSidePanel(panel: SidePanel): void;
  openCvById(id: string): Promise<void>;
  createCv(name?: string): Promise<void>;
  renameCv(id: string, name: string): Promise<void>;
  duplicateCv(id: string): Promise<void>;
  deleteCv(id: string): Promise<void>;
  /** Changes the draft through a function working on a copy; autosaves shortly after. */
  editDraft(change: (draft: Cv) => void): void;
  /** Writes a pending draft now (before closing, switching CV, or on demand). */
  flush(): Promise<void>;
  restoreVersion(versionId: string): Promise<void>;
  dismissNotice(index: number): void;
  /** Shows a message; one with an action (Undo) stays longer, so there is time to use it. */
  showToast(text: string, tone?: Toast['tone'], action?: ToastAction): void;
  dismissToast(id: number): void;
}

/** Delay between the last keystroke and the autosave. */
export const AUTOSAVE_DELAY_MS = 500;

/** How long a toast with an action (Undo) stays. */
const TOAST_ACTION_MS = 12_000;

function messageOf(error: unknown): string {
  return isAppError(error) ? error.message : 'Something went wrong. Your data was not changed.';
}

/** Reads a file as base64 (in chunks, so large files do not overflow the call stack). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}

/** Builds a workspace store on an API (a fresh one per test). */
export function createWorkspaceStore(api: CvTailorApi, options: { autosaveDelayMs?: number } = {}) {
  const delay = options.autosaveDelayMs ?? AUTOSAVE_DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<void> = Promise.resolve();
  let toastCounter = 0;
  let searchCounter = 0;

  return createStore<WorkspaceState>()((set, get) => {
    /** Runs the job search; a slower, older search never overwrites a newer one. */
    const runSearch = async (query: string) => {
      const ticket = ++searchCounter;
      const found = query.trim() ? await api.listJobs({ query }) : null;
      if (ticket === searchCounter) set({ foundJobs: found });
    };

    const refreshLists = async () => {
      const [cvs, jobs] = await Promise.all([api.listCvs({}), api.listJobs({})]);
      set({ cvs, jobs });
      if (get().jobQuery.trim()) await runSearch(get().jobQuery);
    };

    const guard = async (work: () => Promise<void>) => {
      try {
        await work();
      } catch (error) {
        get().showToast(messageOf(error), 'error');
      }
    };

    const save = async () => {
      const { openCv, draft } = get();
      if (!openCv || !draft) return;
      set({ saveState: 'saving' });
      try {
        const saved = await api.saveCv({ id: openCv.id, cv: draft });
        // Keep edits typed while the save was in flight.
        const stillSame = get().draft === draft;
        set({ openCv: saved, saveState: stillSame ? 'saved' : 'pending' });
        set({ cvs: await api.listCvs({}) });
      } catch (error) {
        set({ saveState: 'error' });
        get().showToast(`Not saved: ${messageOf(error)}`, 'error');
      }
    };

    return {
      isReady: false,
      loadError: null,
      dataDir: '',
      cvs: [],
      jobs: [],
      notices: [],
      openCv: null,
      draft: null,
      saveState: 'saved',
      toasts: [],
      importing: null,
      pendingImport: null,
      sidePanel: null,
      view: 'cv',
      activeJob: null,
      jobQuery: '',
      foundJobs: null,
      isSidebarCollapsed: false,
      exportChoices: DEFAULT_EXPORT_CHOICES,

      async searchJobs(query) {
        set({ jobQuery: query });
        await guard(() => runSearch(query));
      },

      async renameJob(id, names) {
        try {
          const job = await api.updateJob({ id, title: names.title, company: names.company });
          if (get().activeJob?.id === id) set({ activeJob: job });
          await refreshLists();
          return null;
        } catch (error) {
          return messageOf(error);
        }
      },

      async setSidebarCollapsed(isCollapsed) {
        set({ isSidebarCollapsed: isCollapsed });
        // A layout preference: if it cannot be stored, the sidebar still folds for this session.
        await api.updateSettings({ sidebarCollapsed: isCollapsed }).catch(() => undefined);
      },

      async rememberExportChoices(choices) {
        set({ exportChoices: choices });
        await api.updateSettings({ exportChoices: choices }).catch(() => undefined);
      },

      async reloadJobs() {
        await guard(refreshLists);
      },

      async addJobFromText(text) {
        try {
          const job = await api.createJob({ text, cvId: get().openCv?.id ?? null });
          set({ activeJob: job, sidePanel: 'job', view: 'cv' });
          await refreshLists();
          return true;
        } catch (error) {
          get().showToast(messageOf(error), 'error');
          return false;
        }
      },

      async addJobFromFile(file) {
        try {
          const job = await api.importJob({ fileName: file.name, base64: await fileToBase64(file), cvId: get().openCv?.id ?? null });
          set({ activeJob: job, sidePanel: 'job', view: 'cv' });
          await refreshLists();
          return true;
        } catch (error) {
          get().showToast(`Could not read ${file.name}: ${messageOf(error)}`, 'error');
          return false;
        }
      },

      async openJob(id) {
        await guard(async () => {
          const job = await api.getJob({ id });
          set({ activeJob: job, sidePanel: 'job', view: get().view === 'review' ? 'review' : 'cv' });
        });
      },

      async setJobStatus(status) {
        const job = get().activeJob;
        if (!job) return;
        await guard(async () => {
          set({ activeJob: await api.updateJob({ id: job.id, status }) });
          await refreshLists();
        });
      },

      async moveJob(id, status) {
        await guard(async () => {
          const job = await api.updateJob({ id, status });
          if (get().activeJob?.id === id) set({ activeJob: job });
          await refreshLists();
        });
      },

      async setJobNote(id, note) {
        await guard(async () => {
          const job = await api.updateJob({ id, note });
          if (get().activeJob?.id === id) set({ activeJob: job });
          await refreshLists();
        });
      },

      async deleteJob(id) {
        await guard(async () => {
          await api.deleteJob({ id });
          if (get().activeJob?.id === id) set({ activeJob: null, sidePanel: get().sidePanel === 'job' ? null : get().sidePanel });
          await refreshLists();
        });
      },

      setView(view) {
        set({ view });
      },

      async init() {
        try {
          const [info, settings] = await Promise.all([api.getAppInfo({}), api.getSettings({})]);
          set({
            dataDir: info.dataDir,
            notices: info.notices,
            isSidebarCollapsed: settings.sidebarCollapsed,
            exportChoices: settings.exportChoices,
          });
          await refreshLists();
          const first = get().cvs[0];
          if (first) await get().openCvById(first.id);
          set({ isReady: true });
        } catch (error) {
          set({ loadError: messageOf(error), isReady: true });
        }
      },

      async importFile(file, password) {
        await get().flush();
        set({ importing: file.name, pendingImport: null });
        try {
          const base64 = await fileToBase64(file);
          const result = await api.importCv({ fileName: file.name, base64, password });
          await refreshLists();
          set({ view: 'cv', openCv: result.cv, draft: result.cv.cv, saveState: 'saved', sidePanel: result.cv.importReport ? 'report' : null });
          get().showToast(`Imported ${file.name}. Check how it was read on the right, and fix anything in the editor.`);
        } catch (error) {
          if (isAppError(error) && (error.code === 'encrypted-file' || error.code === 'wrong-password')) {
            set({ pendingImport: { file, message: error.message } });
          } else {
            get().showToast(`Could not import ${file.name}: ${messageOf(error)}`, 'error');
          }
        } finally {
          set({ importing: null });
        }
      },

      cancelPendingImport() {
        set({ pendingImport: null });
      },

      setSidePanel(panel) {
        set({ sidePanel: panel });
      },

      async openCvById(id) {
        await get().flush();
        await guard(async () => {
          const cv = await api.getCv({ id });
          set({ view: 'cv', openCv: cv, draft: cv.cv, saveState: 'saved', sidePanel: get().sidePanel === 'report' && !cv.importReport ? null : get().sidePanel });
        });
      },

      async createCv(name = 'Untitled CV') {
        await get().flush();
        await guard(async () => {
          const created = await api.createCv({ name });
          await refreshLists();
          set({ view: 'cv', openCv: created, draft: created.cv, saveState: 'saved' });
        });
      },

      async renameCv(id, name) {
        await guard(async () => {
          const renamed = await api.renameCv({ id, name });
          if (get().openCv?.id === id) set({ openCv: { ...renamed, cv: get().draft ?? renamed.cv } });
          await refreshLists();
        });
      },

      async duplicateCv(id) {
        await get().flush();
        await guard(async () => {
          const copy = await api.duplicateCv({ id });
          await refreshLists();
          set({ openCv: copy, draft: copy.cv, saveState: 'saved' });
          get().showToast(`Made a copy: ${copy.name}`);
        });
      },

      async deleteCv(id) {
        await guard(async () => {
          if (get().openCv?.id === id) {
            if (timer) clearTimeout(timer);
            timer = null;
            set({ openCv: null, draft: null, saveState: 'saved' });
          }
          await api.deleteCv({ id });
          await refreshLists();
          const next = get().cvs[0];
          if (!get().openCv && next) await get().openCvById(next.id);
        });
      },

      editDraft(change) {
        const { draft } = get();
        if (!draft) return;
        // Structural sharing: untouched entries keep their identity, so their editors skip re-rendering.
        const next = produce(draft, change);
        if (next === draft) return;
        set({ draft: next, saveState: 'pending' });
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          saving = saving.then(save);
        }, delay);
      },

      async flush() {
        if (timer) {
          clearTimeout(timer);
          timer = null;
          saving = saving.then(save);
        }
        await saving;
      },

      async restoreVersion(versionId) {
        const { openCv } = get();
        if (!openCv) return;
        await get().flush();
        await guard(async () => {
          const restored = await api.restoreCvVersion({ id: openCv.id, versionId });
          set({ openCv: restored, draft: restored.cv, saveState: 'saved' });
          await refreshLists();
          get().showToast('Version restored. The previous content was kept as a version.');
        });
      },

      dismissNotice(index) {
        set({ notices: get().notices.filter((_, position) => position !== index) });
      },

      showToast(text, tone = 'info', action) {
        const id = ++toastCounter;
        set({ toasts: [...get().toasts, { id, tone, text, ...(action ? { action } : {}) }] });
        setTimeout(() => get().dismissToast(id), action ? TOAST_ACTION_MS : tone === 'error' ? 8000 : 4000);
      },

      dismissToast(id) {
        set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
      },
    };
  });
}

/** The store type. */
export type WorkspaceStore = ReturnType<typeof createWorkspaceStore>;
