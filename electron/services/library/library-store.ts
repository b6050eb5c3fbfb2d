/**
 * The library: master CVs with version history, jobs, and settings, as lowdb JSON files in
 * the data folder.
 */
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { emptyCv, newId, withIds, type Cv } from '../../../shared/model/cv';
import {
  DEFAULT_SETTINGS,
  LIBRARY_SCHEMA_VERSION,
  libraryDataSchema,
  settingsSchema,
  type CvSummary,
  type CvVersion,
  type JobRecord,
  type Letter,
  type Proposal,
  type Review,
  type JobStatus,
  type JobSummary,
  type LibraryData,
  type MasterCv,
  type Settings,
  type StoreNotice,
} from '../../../shared/model/library';
import type { ImportReport } from '../../../shared/import/report';
import { jobCompany, jobTitle, matchesJobSearch } from '../../../shared/library/jobs';
import type { JobAnalysis } from '../../../shared/model/job';
import { z } from 'zod';
import { JsonDocument } from './json-document';
import { LIBRARY_MIGRATIONS } from './migrations';
import { generationSpeedSampleSchema, withSample, type GenerationSpeedSample } from '../models/speed';

/** Versions kept per CV; the oldest automatic ones go first. */
const MAX_VERSIONS = 50;
/** Autosaves closer together than this update the newest automatic version instead of adding one. */
const AUTOSAVE_VERSION_INTERVAL_MS = 5 * 60 * 1000;

const settingsFileSchema = z.object({
  schemaVersion: z.literal(1),
  settings: settingsSchema,
  /** Timed local generations on this machine: the basis of the speed shown next to each model. */
  generationSpeeds: z.array(generationSpeedSampleSchema).default([]),
});
type SettingsFile = z.infer<typeof settingsFileSchema>;

/** Options to open a library. */
export interface LibraryStoreOptions {
  dataDir: string;
  now?: () => Date;
}

/** The library of one person, opened from a data folder. */
/** True when the person decided on a change or edited the tailored CV of a run. */
function hasReviewWork(proposal: Proposal, review: Review): boolean {
  return Object.keys(review.decisions).length > 0 || JSON.stringify(review.cv) !== JSON.stringify(proposal.baseCv);
}

export class LibraryStore {
  private readonly library: JsonDocument<LibraryData>;
  private readonly settingsDocument: JsonDocument<SettingsFile>;
  private readonly now: () => Date;
  readonly dataDir: string;

  private constructor(options: LibraryStoreOptions) {
    this.dataDir = options.dataDir;
    this.now = options.now ?? (() => new Date());
    this.library = new JsonDocument<LibraryData>({
      filePath: path.join(options.dataDir, 'library.json'),
      schema: libraryDataSchema,
      version: LIBRARY_SCHEMA_VERSION,
      migrations: LIBRARY_MIGRATIONS,
      initial: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, cvs: [], jobs: [] }),
      now: this.now,
    });
    this.settingsDocument = new JsonDocument<SettingsFile>({
      filePath: path.join(options.dataDir, 'settings.json'),
      schema: settingsFileSchema,
      version: 1,
      migrations: [],
      initial: () => ({ schemaVersion: 1, settings: { ...DEFAULT_SETTINGS }, generationSpeeds: [] }),
      now: this.now,
    });
  }

  /** Opens (or creates) the library in a data folder. */
  static async open(options: LibraryStoreOptions): Promise<LibraryStore> {
    const store = new LibraryStore(options);
    await store.library.open();
    await store.settingsDocument.open();
    return store;
  }

  /** Notices from opening (e.g. a damaged file recovered from backup). */
  notices(): StoreNotice[] {
    return [this.library.notice, this.settingsDocument.notice].filter((notice): notice is StoreNotice => !!notice);
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  private findCv(data: LibraryData, id: string): MasterCv {
    const found = data.cvs.find((candidate) => candidate.id === id);
    if (!found) throw new AppError('not-found', 'That CV no longer exists.');
    return found;
  }

  /** Master CVs for the sidebar, most recently edited first. */
  listCvs(): CvSummary[] {
    return this.library.data.cvs
      .map((entry) => ({
        id: entry.id,
        name: entry.name,
        updatedAt: entry.updatedAt,
        versionCount: entry.versions.length,
        createdAt: entry.createdAt,
        ...(entry.importedFrom ? { sourceFileName: entry.importedFrom.fileName } : {}),
      }))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** One master CV with its versions. */
  getCv(id: string): MasterCv {
    return structuredClone(this.findCv(this.library.data, id));
  }

  /** Creates a master CV (empty, or from imported content). */
  createCv(input: {
    name: string;
    cv?: Cv;
    importReport?: ImportReport;
    importedFrom?: { fileName: string; format: string };
  }): Promise<MasterCv> {
    const name = input.name.trim() || 'Untitled CV';
    return this.library.update((data) => {
      const stamp = this.stamp();
      const cv = withIds(input.cv ?? emptyCv());
      const entry: MasterCv = {
        id: newId('cv-'),
        name,
        createdAt: stamp,
        updatedAt: stamp,
        cv,
        versions: [{ id: newId('v-'), createdAt: stamp, label: input.cv ? 'Imported' : 'Created', cv }],
      };
      if (input.importReport) entry.importReport = input.importReport;
      if (input.importedFrom) entry.importedFrom = input.importedFrom;
      data.cvs.push(entry);
      return structuredClone(entry);
    });
  }

  /** Renames a master CV. */
  renameCv(id: string, name: string): Promise<MasterCv> {
    const trimmed = name.trim();
    if (!trimmed) return Promise.reject(new AppError('invalid-input', 'A CV needs a name.'));
    return this.library.update((data) => {
      const entry = this.findCv(data, id);
      entry.name = trimmed;
      entry.updatedAt = this.stamp();
      return structuredClone(entry);
    });
  }

  /** Copies a master CV (content only; the copy starts its own history). */
  duplicateCv(id: string): Promise<MasterCv> {
    return this.library.update((data) => {
      const source = this.findCv(data, id);
      const stamp = this.stamp();
      const copy: MasterCv = {
        id: newId('cv-'),
        name: `${source.name} (copy)`,
        createdAt: stamp,
        updatedAt: stamp,
        cv: structuredClone(source.cv),
        versions: [{ id: newId('v-'), createdAt: stamp, label: `Copied from ${source.name}`, cv: structuredClone(source.cv) }],
      };
      data.cvs.push(copy);
      return structuredClone(copy);
    });
  }

  /** Deletes a master CV; jobs tailored from it keep their own copies. */
  deleteCv(id: string): Promise<void> {
    return this.library.update((data) => {
      this.findCv(data, id);
      data.cvs = data.cvs.filter((entry) => entry.id !== id);
      for (const job of data.jobs) if (job.cvId === id) job.cvId = null;
    });
  }

  /**
   * Saves new content of a master CV (autosave).
   *
   * Keeps a version history: an autosave more than a few minutes after the last version adds
   * a version; closer autosaves refresh the newest automatic one.
   */
  saveCv(id: string, cv: Cv): Promise<MasterCv> {
    return this.library.update((data) => {
      const entry = this.findCv(data, id);
      const stamp = this.stamp();
      const content = withIds(cv);
      entry.cv = content;
      entry.updatedAt = stamp;
      addAutosaveVersion(entry.versions, content, stamp, this.now());
      return structuredClone(entry);
    });
  }

  /** Saves the current content as a named version. */
  saveCvVersion(id: string, label: string): Promise<MasterCv> {
    return this.library.update((data) => {
      const entry = this.findCv(data, id);
      entry.versions.push({ id: newId('v-'), createdAt: this.stamp(), label: label.trim() || 'Saved version', cv: entry.cv });
      pruneVersions(entry.versions);
      return structuredClone(entry);
    });
  }

  /** Makes an earlier version the current content (the current content is kept as a version first). */
  restoreCvVersion(id: string, versionId: string): Promise<MasterCv> {
    return this.library.update((data) => {
      const entry = this.findCv(data, id);
      const version = entry.versions.find((candidate) => candidate.id === versionId);
      if (!version) throw new AppError('not-found', 'That version no longer exists.');
      const stamp = this.stamp();
      entry.versions.push({ id: newId('v-'), createdAt: stamp, label: 'Before restore', cv: entry.cv });
      entry.cv = structuredClone(version.cv);
      entry.updatedAt = stamp;
      pruneVersions(entry.versions);
      return structuredClone(entry);
    });
  }

  /** The current settings. */
  getSettings(): Settings {
    return structuredClone(this.settingsDocument.data.settings);
  }

  /** Changes some settings. */
  updateSettings(patch: Partial<Settings>): Promise<Settings> {
    return this.settingsDocument.update((file) => {
      file.settings = settingsSchema.parse({ ...file.settings, ...patch });
      return structuredClone(file.settings);
    });
  }

  /** The timed local generations on this machine, newest first. */
  generationSpeeds(): GenerationSpeedSample[] {
    return structuredClone(this.settingsDocument.data.generationSpeeds);
  }

  /** Keeps how fast a local generation ran (replacing the older figure of that model and device). */
  recordGenerationSpeed(sample: GenerationSpeedSample): Promise<void> {
    return this.settingsDocument.update((file) => {
      file.generationSpeeds = withSample(file.generationSpeeds, sample);
    });
  }

  private findJob(data: LibraryData, id: string): JobRecord {
    const found = data.jobs.find((candidate) => candidate.id === id);
    if (!found) throw new AppError('not-found', 'That job no longer exists.');
    return found;
  }

  /** Jobs for the sidebar, most recent first; `query` searches title, company, status, posting and note. */
  listJobs(query?: string): JobSummary[] {
    return this.library.data.jobs
      .map((job) => ({ job, title: jobTitle(job), company: jobCompany(job) }))
      .filter(({ job, title, company }) =>
        matchesJobSearch({ title, company, status: job.status, postingText: job.postingText, note: job.note }, query ?? ''),
      )
      .map(({ job, title, company }) => ({
        id: job.id,
        title,
        company,
        status: job.status,
        updatedAt: job.updatedAt,
        statusSince: job.statusHistory.at(-1)?.at ?? job.createdAt,
        note: job.note,
      }))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** One job with everything saved for it. */
  getJob(id: string): JobRecord {
    return structuredClone(this.findJob(this.library.data, id));
  }

  /** Saves a new job from its posting text and analysis. */
  createJob(input: { postingText: string; analysis: JobAnalysis | null; cvId?: string | null }): Promise<JobRecord> {
    if (!input.postingText.trim()) return Promise.reject(new AppError('empty-file', 'The posting is empty. Paste its text or open a file.'));
    return this.library.update((data) => {
      const stamp = this.stamp();
      const job: JobRecord = {
        id: newId('job-'),
        createdAt: stamp,
        updatedAt: stamp,
        status: 'saved',
        postingText: input.postingText,
        analysis: input.analysis,
        cvId: input.cvId ?? null,
        tailored: [],
        letters: [],
        proposal: null,
        review: null,
        previousRun: null,
        note: '',
        statusHistory: [],
      };
      data.jobs.push(job);
      return structuredClone(job);
    });
  }

  /**
   * Changes a job's status, note, master CV, or the title and company it is known by.
   *
   * A title must not be blank; a blank company means the job names none. A change that is
   * refused changes nothing.
   */
  updateJob(
    id: string,
    patch: { status?: JobStatus; cvId?: string | null; note?: string; title?: string; company?: string },
  ): Promise<JobRecord> {
    const title = patch.title?.replace(/\s+/g, ' ').trim();
    const company = patch.company?.replace(/\s+/g, ' ').trim();
    if (title !== undefined && !title) return Promise.reject(new AppError('invalid-input', 'A job needs a title.'));
    return this.library.update((data) => {
      const job = this.findJob(data, id);
      if (patch.status && patch.status !== job.status) {
        job.status = patch.status;
        job.statusHistory.push({ status: patch.status, at: this.stamp() });
      }
      if (patch.note !== undefined) job.note = patch.note;
      if (title !== undefined) job.title = title;
      if (company !== undefined) job.company = company;
      if (patch.cvId !== undefined) {
        if (patch.cvId !== null) this.findCv(data, patch.cvId);
        job.cvId = patch.cvId;
      }
      job.updatedAt = this.stamp();
      return structuredClone(job);
    });
  }

  /** Stores a new tailoring proposal and starts its review from the base CV. */
  setProposal(id: string, proposal: Proposal): Promise<JobRecord> {
    return this.library.update((data) => {
      const job = this.findJob(data, id);
      const stamp = this.stamp();
      if (job.proposal && job.review) {
        // The person's review of the last run stays: as a named version, and whole (with its
        // decisions) so this run can be undone.
        job.previousRun = { proposal: job.proposal, review: job.review };
        if (hasReviewWork(job.proposal, job.review))
          job.tailored.push({ id: newId('v-'), createdAt: stamp, label: `Review before tailoring again (${job.proposal.intensity})`, cv: job.review.cv });
      }
      job.proposal = proposal;
      job.review = { proposalId: proposal.id, decisions: {}, cv: proposal.baseCv, updatedAt: stamp };
      if (proposal.baseCvId) job.cvId = proposal.baseCvId;
      job.tailored.push({ id: newId('v-'), createdAt: stamp, label: `Before tailoring (${proposal.intensity})`, cv: proposal.baseCv });
      job.updatedAt = stamp;
      pruneVersions(job.tailored);
      return structuredClone(job);
    });
  }

  /**
   * Goes back to the tailoring run before the latest, with its review as the person left it.
   * The undone run's tailored CV stays as a version.
   */
  undoTailor(id: string): Promise<JobRecord> {
    return this.library.update((data) => {
      const job = this.findJob(data, id);
      const previous = job.previousRun;
      if (!previous) throw new AppError('conflict', 'There is no earlier tailoring run to go back to.');
      const stamp = this.stamp();
      if (job.proposal && job.review && hasReviewWork(job.proposal, job.review))
        job.tailored.push({ id: newId('v-'), createdAt: stamp, label: `Undone tailoring (${job.proposal.intensity})`, cv: job.review.cv });
      job.proposal = previous.proposal;
      job.review = { ...previous.review, updatedAt: stamp };
      job.previousRun = null;
      job.updatedAt = stamp;
      pruneVersions(job.tailored);
      return structuredClone(job);
    });
  }

  /**
   * Saves the review as it stands (autosave): the decisions and the tailored CV.
   *
   * Like master CVs, autosaves a few minutes apart become versions of the job.
   */
  saveReview(id: string, review: { decisions: Review['decisions']; cv: Cv }): Promise<JobRecord> {
    return this.library.update((data) => {
      const job = this.findJob(data, id);
      if (!job.review) throw new AppError('conflict', 'This job has nothing to review yet. Tailor it first.');
      const stamp = this.stamp();
      const content = withIds(review.cv);
      job.review = { ...job.review, decisions: review.decisions, cv: content, updatedAt: stamp };
      addAutosaveVersion(job.tailored, content, stamp, this.now());
      job.updatedAt = stamp;
      return structuredClone(job);
    });
  }

  /** Saves the tailored CV as a named version of the job. */
  saveTailoredVersion(id: string, label: string): Promise<JobRecord> {
    return this.library.update((data) => {
      const job = this.findJob(data, id);
      if (!job.review) throw new AppError('conflict', 'This job has no tailored CV yet.');
      job.tailored.push({ id: newId('v-'), createdAt: this.stamp(), label: label.trim() || 'Saved version', cv: job.review.cv });
      pruneVersions(job.tailored);
      return structuredClone(job);
    });
  }

  /** Makes a saved version the tailored CV again (what is there now is kept as a version first). */
  restoreTailoredVersion(id: string, versionId: string): Promise<JobRecord> {
    return this.library.update((data) => {
      const job = this.findJob(data, id);
      const version = job.tailored.find((candidate) => candidate.id === versionId);
      if (!version || !job.review) throw new AppError('not-found', 'That version no longer exists.');
      const stamp = this.stamp();
      job.tailored.push({ id: newId('v-'), createdAt: stamp, label: 'Before restore', cv: job.review.cv });
      job.review = { ...job.review, cv: structuredClone(version.cv), updatedAt: stamp };
      pruneVersions(job.tailored);
      job.updatedAt = stamp;
      return structuredClone(job);
    });
  }

  /** Saves a cover letter as a new version of the job's letter. */
  saveLetter(id: string, letter: Letter, label: string): Promise<JobRecord> {
    return this.library.update((data) => {
      const job = this.findJob(data, id);
      const stamp = this.stamp();
      const newest = job.letters[job.letters.length - 1];
      const isRecentEdit = label === 'Edited' && newest?.label === 'Edited' && this.now().getTime() - Date.parse(newest.createdAt) < AUTOSAVE_VERSION_INTERVAL_MS;
      if (isRecentEdit) {
        newest.letter = letter;
        newest.createdAt = stamp;
      } else {
        job.letters.push({ id: newId('l-'), createdAt: stamp, label, letter });
      }
      while (job.letters.length > MAX_VERSIONS) job.letters.shift();
      job.updatedAt = stamp;
      return structuredClone(job);
    });
  }

  /** Deletes a job with its tailored versions and letters. */
  deleteJob(id: string): Promise<void> {
    return this.library.update((data) => {
      this.findJob(data, id);
      data.jobs = data.jobs.filter((job) => job.id !== id);
    });
  }
}

/** Keeps at most MAX_VERSIONS, dropping the oldest autosaves first. */
function pruneVersions(versions: CvVersion[]): void {
  while (versions.length > MAX_VERSIONS) {
    const index = versions.findIndex((version) => version.label === 'Autosave');
    versions.splice(index >= 0 ? index : 0, 1);
  }
}

/** Adds an autosave version, or refreshes the newest one when it is only minutes old. */
function addAutosaveVersion(versions: CvVersion[], cv: Cv, stamp: string, now: Date): void {
  const newest = versions[versions.length - 1];
  const isRecentAutosave = newest?.label === 'Autosave' && now.getTime() - Date.parse(newest.createdAt) < AUTOSAVE_VERSION_INTERVAL_MS;
  if (isRecentAutosave) {
    newest.cv = cv;
    newest.createdAt = stamp;
  } else {
    versions.push({ id: newId('v-'), createdAt: stamp, label: 'Autosave', cv });
  }
  pruneVersions(versions);
}
