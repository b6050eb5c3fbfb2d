/**
 * The review of one job: the tailoring run, the person's decisions and edits with undo / redo,
 * autosave, versions, and the cover letter.
 */
import { createStore } from 'zustand/vanilla';
import type { CvTailorApi } from '../../../shared/contract';
import { isAppError } from '../../../shared/errors';
import { countOf } from '../../../shared/format/plural';
import type { Cv } from '../../../shared/model/cv';
import type { JobRecord, Letter, ProposedChange, TailorIntensity } from '../../../shared/model/library';
import { decide, decideMany, orderedChanges, reconcileDecisions, type Decision, type ReviewState } from '../../../shared/review/decisions';
import { pushHistory, redoHistory, sealHistory, startHistory, undoHistory, type History } from '../../../shared/review/history';
import { setAtPath, getAtPath } from '../../../shared/tailor/paths';
import { splitKeywords } from '../../../shared/tailor/patch';
import { addStatement, type StatementTarget } from '../../../shared/tailor/statement';

/** How the autosave stands. */
export type ReviewSaveState = 'saved' | 'pending' | 'saving' | 'error';

/** What will be sent, and to whom, before a run with a model. */
export type TailorPlan = Awaited<ReturnType<CvTailorApi['getTailorPlan']>>;

/** A running tailoring or letter task. */
export interface RunningTask {
  taskId: string;
  kind: 'tailor' | 'letter';
  step: string;
  fraction: number | null;
  detail: string;
  /** Changes that arrived before the run ended (tailoring only). */
  arriving: ProposedChange[];
}

/** Why the last run failed, and which kind of run it was. */
export interface RunError {
  kind: RunningTask['kind'];
  message: string;
}

/** Letter tone. */
export type LetterTone = 'formal' | 'warm' | 'direct';
/** Letter length. */
export type LetterLength = 'short' | 'standard';

/** A truth-check finding on a written letter. */
export interface LetterFinding {
  kind: string;
  text: string;
  message: string;
}

/** Everything the review shows and can do. */
export interface ReviewStoreState {
  job: JobRecord | null;
  /** The master CV the job is tailored from. */
  cvId: string | null;
  history: History<ReviewState> | null;
  /** The change the keyboard acts on. */
  currentId: string | null;
  saveState: ReviewSaveState;
  task: RunningTask | null;
  letter: Letter | null;
  letterSaveState: ReviewSaveState;
  letterFindings: LetterFinding[];
  letterNotes: string[];
  /** Last error of a run, shown once, beside the controls of the kind of run that failed. */
  runError: RunError | null;
  load(job: JobRecord, cvId: string | null): void;
  tailor(intensity: TailorIntensity, useModel: boolean): Promise<void>;
  cancel(): Promise<void>;
  decide(changeId: string, decision: Decision): void;
  decideMany(changeIds: readonly string[], decision: Decision): void;
  /** Changes a text field of the tailored CV (typing coalesces per field). */
  editField(path: string, text: string): void;
  /** Adds what the person says they have (a bullet of their own, or a skill); one undoable step. */
  addStatement(target: StatementTarget, text: string): void;
  /** Ends the current typing step (the field lost focus). */
  seal(): void;
  undo(): void;
  redo(): void;
  /** Goes back to the tailoring run before the latest, with its review as it was. */
  undoTailor(): Promise<void>;
  setCurrent(changeId: string | null): void;
  /** Moves the current change by delta in reading order; returns the new id. */
  moveCurrent(delta: number): string | null;
  flush(): Promise<void>;
  saveVersion(label: string): Promise<void>;
  restoreVersion(versionId: string): Promise<void>;
  writeLetter(tone: LetterTone, length: LetterLength): Promise<void>;
  editLetter(letter: Letter): void;
  restoreLetter(versionId: string): Promise<void>;
}

/** Delay between the last change and the autosave. */
export const REVIEW_AUTOSAVE_MS = 600;

function messageOf(error: unknown): string {
  return isAppError(error) ? error.message : 'Something went wrong. Your data was not changed.';
}

function newTaskId(kind: string): string {
  return `${kind}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** Options of a review store. */
export interface ReviewStoreOptions {
  autosaveDelayMs?: number;
  /** Shows a short message to the person. */
  notify?: (text: string, tone?: 'info' | 'error') => void;
  /** Told whenever the job record changes (so lists and panels stay current). */
  onJob?: (job: JobRecord) => void;
}

/** Builds a review store on an API (a fresh one per test). */
export function createReviewStore(api: CvTailorApi, options: ReviewStoreOptions = {}) {
  const delay = options.autosaveDelayMs ?? REVIEW_AUTOSAVE_MS;
  const notify = options.notify ?? (() => undefined);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let letterTimer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<void> = Promise.resolve();

  return createStore<ReviewStoreState>()((set, get) => {
    const setJob = (job: JobRecord) => {
      set({ job });
      options.onJob?.(job);
    };

    const save = async () => {
      const { job, history } = get();
      if (!job || !history) return;
      const present = history.present;
      set({ saveState: 'saving' });
      try {
        const saved = await api.saveReview({ jobId: job.id, decisions: present.decisions, cv: present.cv });
        setJob(saved);
        set({ saveState: get().history?.present === present ? 'saved' : 'pending' });
      } catch (error) {
        set({ saveState: 'error' });
        notify(`Not saved: ${messageOf(error)}`, 'error');
      }
    };

    const commit = (next: History<ReviewState>) => {
      if (next === get().history) return;
      // One update for the step and the save state: every subscriber runs once per keystroke.
      set({ history: next, saveState: 'pending' });
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        saving = saving.then(save);
      }, delay);
    };

    const base = (): Cv | null => get().job?.proposal?.baseCv ?? null;
    const changes = (): ProposedChange[] => get().job?.proposal?.changes ?? [];

    const fromJob = (job: JobRecord) => ({
      history: job.review ? startHistory<ReviewState>({ cv: job.review.cv, decisions: job.review.decisions }) : null,
      letter: job.letters[job.letters.length - 1]?.letter ?? null,
    });

    /** Takes a job whose tailoring run changed: a fresh history from its review, nothing pending. */
    const adoptRun = (job: JobRecord) => {
      set({ ...fromJob(job), currentId: null, saveState: 'saved' });
      setJob(job);
    };

    const saveLetterNow = async (letter: Letter, label: string) => {
      const job = get().job;
      if (!job) return;
      set({ letterSaveState: 'saving' });
      try {
        const saved = await api.saveLetter({ jobId: job.id, letter, label });
        setJob(saved);
        set({ letterSaveState: get().letter === letter ? 'saved' : 'pending' });
      } catch (error) {
        set({ letterSaveState: 'error' });
        notify(`Letter not saved: ${messageOf(error)}`, 'error');
      }
    };

    return {
      job: null,
      cvId: null,
      history: null,
      currentId: null,
      saveState: 'saved',
      task: null,
      letter: null,
      letterSaveState: 'saved',
      letterFindings: [],
      letterNotes: [],
      runError: null,

      load(job, cvId) {
        if (timer) clearTimeout(timer);
        timer = null;
        set({ job, cvId: cvId ?? job.cvId, ...fromJob(job), currentId: null, saveState: 'saved', letterSaveState: 'saved', runError: null, letterFindings: [], letterNotes: [] });
      },

      async tailor(intensity, useModel) {
        const { job, cvId, task } = get();
        if (!job || !cvId || task) return;
        await get().flush();
        const taskId = newTaskId('tailor');
        set({ task: { taskId, kind: 'tailor', step: 'start', fraction: 0, detail: 'Starting', arriving: [] }, runError: null });
        const stopProgress = api.onTaskProgress((progress) => {
          const current = get().task;
          if (progress.taskId !== taskId || !current) return;
          set({ task: { ...current, step: progress.step, fraction: progress.fraction, detail: progress.detail } });
        });
        const stopChanges = api.onTailorChange((event) => {
          const current = get().task;
          if (event.taskId !== taskId || !current) return;
          set({ task: { ...current, arriving: [...current.arriving, event.change] } });
        });
        try {
          const updated = await api.tailorJob({ jobId: job.id, cvId, intensity, useModel, taskId });
          adoptRun(updated);
          const count = updated.proposal?.changes.length ?? 0;
          notify(count === 0 ? 'No changes were proposed. Your CV is unchanged.' : `${countOf(count, 'change')} proposed. Review each one.`);
        } catch (error) {
          if (isAppError(error) && error.code === 'cancelled') notify('Tailoring cancelled. Your CV is unchanged.');
          else set({ runError: { kind: 'tailor', message: messageOf(error) } });
        } finally {
          stopProgress();
          stopChanges();
          set({ task: null });
        }
      },

      async cancel() {
        const task = get().task;
        if (!task) return;
        set({ task: { ...task, detail: 'Cancelling…' } });
        try {
          await api.cancelTask({ taskId: task.taskId });
        } catch (error) {
          notify(messageOf(error), 'error');
        }
      },

      decide(changeId, decision) {
        const { history } = get();
        const cv = base();
        const change = changes().find((candidate) => candidate.id === changeId);
        if (!history || !cv || !change) return;
        const next = decide(cv, history.present, change, decision);
        if (next !== history.present) commit(pushHistory(history, next));
      },

      decideMany(changeIds, decision) {
        const { history } = get();
        const cv = base();
        if (!history || !cv) return;
        const chosen = changes().filter((change) => changeIds.includes(change.id));
        const next = decideMany(cv, history.present, chosen, decision);
        if (next !== history.present) commit(pushHistory(history, next));
      },

      editField(path, text) {
        const { history } = get();
        if (!history) return;
        const present = history.present;
        const value = Array.isArray(getAtPath(present.cv, path)) ? splitKeywords(text) : text;
        const cv = setAtPath(present.cv, path, value);
        commit(pushHistory(history, { ...present, cv }, `edit:${path}`));
      },

      addStatement(target, text) {
        const { history } = get();
        if (!history) return;
        const cv = addStatement(history.present.cv, target, text);
        if (cv !== history.present.cv) commit(pushHistory(history, { ...history.present, cv }));
      },

      seal() {
        const { history } = get();
        if (history) set({ history: sealHistory(history) });
      },

      undo() {
        const { history } = get();
        if (history) commit(undoHistory(history));
      },

      async undoTailor() {
        const job = get().job;
        if (!job?.previousRun || get().task) return;
        await get().flush();
        try {
          const restored = await api.undoTailor({ jobId: job.id });
          adoptRun(restored);
          set({ runError: null });
          notify('Back to the earlier tailoring run, with your decisions. The undone run was kept as a version.');
        } catch (error) {
          notify(messageOf(error), 'error');
        }
      },

      redo() {
        const { history } = get();
        if (history) commit(redoHistory(history));
      },

      setCurrent(changeId) {
        set({ currentId: changeId });
      },

      moveCurrent(delta) {
        const list = orderedChanges(changes());
        if (list.length === 0) return null;
        const index = list.findIndex((change) => change.id === get().currentId);
        const next = index < 0 ? (delta > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, index + delta));
        const id = list[next].id;
        set({ currentId: id });
        return id;
      },

      async flush() {
        if (timer) {
          clearTimeout(timer);
          timer = null;
          saving = saving.then(save);
        }
        if (letterTimer) {
          clearTimeout(letterTimer);
          letterTimer = null;
          const letter = get().letter;
          if (letter) saving = saving.then(() => saveLetterNow(letter, 'Edited'));
        }
        await saving;
      },

      async saveVersion(label) {
        const job = get().job;
        if (!job) return;
        await get().flush();
        try {
          setJob(await api.saveTailoredVersion({ jobId: job.id, label }));
          notify(`Saved version “${label.trim() || 'Saved version'}”.`);
        } catch (error) {
          notify(messageOf(error), 'error');
        }
      },

      async restoreVersion(versionId) {
        const job = get().job;
        const history = get().history;
        if (!job || !history) return;
        await get().flush();
        try {
          const restored = await api.restoreTailoredVersion({ jobId: job.id, versionId });
          setJob(restored);
          if (restored.review) {
            // Restoring is one more step: it can be undone like any other.
            const baseCv = restored.proposal?.baseCv ?? restored.review.cv;
            const decisions = reconcileDecisions(baseCv, restored.review.cv, restored.proposal?.changes ?? [], restored.review.decisions);
            commit(pushHistory(history, { cv: restored.review.cv, decisions }));
          }
          notify('Version restored. What was there before was kept as a version.');
        } catch (error) {
          notify(messageOf(error), 'error');
        }
      },

      async writeLetter(tone, length) {
        const { job, cvId, task } = get();
        if (!job || !cvId || task) return;
        await get().flush();
        const taskId = newTaskId('letter');
        set({ task: { taskId, kind: 'letter', step: 'start', fraction: 0, detail: 'Starting', arriving: [] }, runError: null });
        const stop = api.onTaskProgress((progress) => {
          const current = get().task;
          if (progress.taskId !== taskId || !current) return;
          set({ task: { ...current, step: progress.step, fraction: progress.fraction, detail: progress.detail } });
        });
        try {
          const result = await api.writeLetter({ jobId: job.id, cvId, tone, length, taskId });
          setJob(result.job);
          set({
            letter: result.job.letters[result.job.letters.length - 1]?.letter ?? null,
            letterSaveState: 'saved',
            letterFindings: result.findings,
            letterNotes: [...result.removed.map((text) => `Removed: ${text}`), ...result.warnings],
          });
        } catch (error) {
          if (isAppError(error) && error.code === 'cancelled') notify('Writing cancelled.');
          else set({ runError: { kind: 'letter', message: messageOf(error) } });
        } finally {
          stop();
          set({ task: null });
        }
      },

      editLetter(letter) {
        set({ letter, letterSaveState: 'pending' });
        if (letterTimer) clearTimeout(letterTimer);
        letterTimer = setTimeout(() => {
          letterTimer = null;
          saving = saving.then(() => saveLetterNow(letter, 'Edited'));
        }, delay);
      },

      async restoreLetter(versionId) {
        const job = get().job;
        const version = job?.letters.find((candidate) => candidate.id === versionId);
        if (!job || !version) return;
        await get().flush();
        set({ letter: version.letter });
        await saveLetterNow(version.letter, `Restored: ${version.label}`);
        notify('Letter version restored.');
      },
    };
  });
}

/** The review store type. */
export type ReviewStore = ReturnType<typeof createReviewStore>;
