/**
 * Adding many postings at once: several files, a folder, or pasted postings separated by lines
 * "---". Each posting becomes a job of the library; the dialog can queue them all for tailoring
 * (and letters) right away.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  LETTER_LENGTHS,
  LETTER_TONES,
  type LetterLength,
  type LetterTone,
} from '../../../../shared/letter/schema';
import { isPostingFileName, isSplittableFileName, splitPostings } from '../../../../shared/library/postings';
import { INTENSITIES, type Settings, type TailorIntensity } from '../../../../shared/model/library';
import { countOf } from '../../../../shared/format/plural';
import { isAppError } from '../../../../shared/errors';
import { useQueue } from '../../state/queue-context';
import { useApi, useWorkspace } from '../../state/store-context';
import { fileToBase64 } from '../../state/workspace-store';
import { Dialog } from '../Dialog';

/** File types offered: the posting files the services read. */
const POSTING_FILE_TYPES = '.txt,.md,.markdown,.html,.htm,.pdf,.docx';

/** A chosen file with how many postings it holds (text files are counted at once). */
interface Chosen {
  file: File;
  /** Postings in it; null for a document whose text is read by the app (one posting). */
  count: number | null;
}

const INTENSITY_LABELS: Record<TailorIntensity, string> = {
  light: 'Light',
  balanced: 'Balanced',
  bold: 'Bold',
};
const TONE_LABELS: Record<LetterTone, string> = { formal: 'Formal', warm: 'Warm', direct: 'Direct' };
const LENGTH_LABELS: Record<LetterLength, string> = { short: 'Short', standard: 'Standard' };

/** How the model of the settings is named in the dialog. */
function modelName(provider: Settings['provider']): string | null {
  if (!provider) return null;
  return provider.kind === 'local'
    ? (provider.modelPath.split(/[\\/]/).pop() ?? provider.modelPath)
    : `${provider.model} at ${provider.baseUrl}`;
}

async function countPostings(file: File): Promise<Chosen> {
  if (!isSplittableFileName(file.name)) return { file, count: null };
  return { file, count: Math.max(1, splitPostings(await file.text()).length) };
}

/** The dialog; `onAdded` is told whether the postings were queued. */
export function AddPostingsDialog({
  onClose,
  onAdded,
}: {
  onClose: () => void;
  onAdded: (isQueued: boolean) => void;
}) {
  const api = useApi();
  const cvs = useWorkspace((state) => state.cvs);
  const openCvId = useWorkspace((state) => state.openCv?.id);
  const reloadJobs = useWorkspace((state) => state.reloadJobs);
  const showToast = useWorkspace((state) => state.showToast);
  const addToQueue = useQueue((state) => state.add);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [pasted, setPasted] = useState('');
  const [isQueueing, setQueueing] = useState(true);
  const [cvId, setCvId] = useState(openCvId ?? cvs[0]?.id ?? '');
  const [intensity, setIntensity] = useState<TailorIntensity>('balanced');
  const [useModel, setUseModel] = useState(true);
  const [withLetter, setWithLetter] = useState(false);
  const [tone, setTone] = useState<LetterTone>('formal');
  const [length, setLength] = useState<LetterLength>('standard');
  const [isBusy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const ids = { cv: useId(), intensity: useId(), tone: useId(), length: useId(), pasted: useId() };

  useEffect(() => {
    let isCurrent = true;
    void api.getSettings({}).then((value) => isCurrent && setSettings(value));
    return () => {
      isCurrent = false;
    };
  }, [api]);

  const model = modelName(settings?.provider ?? null);
  const isModelUsed = useModel && !!model;
  const pastedCount = pasted.trim() ? splitPostings(pasted).length : 0;
  const total = chosen.reduce((sum, entry) => sum + (entry.count ?? 1), 0) + pastedCount;
  const canQueue = !!cvId;

  const choose = async (files: FileList | null) => {
    const postings = Array.from(files ?? []).filter((file) => isPostingFileName(file.name));
    const skipped = (files?.length ?? 0) - postings.length;
    const counted = await Promise.all(postings.map(countPostings));
    setChosen((current) => [
      ...current,
      ...counted.filter((entry) => !current.some((other) => other.file === entry.file)),
    ]);
    setProblem(
      skipped > 0
        ? `Left out ${countOf(skipped, 'file')} that ${skipped === 1 ? 'is not a posting' : 'are not postings'} (.txt, .md, .html, .pdf or .docx).`
        : null,
    );
  };

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const files = await Promise.all(
        chosen.map(async ({ file }) => ({ fileName: file.name, base64: await fileToBase64(file) })),
      );
      if (pasted.trim())
        files.push({
          fileName: 'Pasted postings.txt',
          base64: await fileToBase64(new File([pasted], 'pasted.txt')),
        });
      const result = await api.importJobs({ files, cvId: cvId || null });
      await reloadJobs();
      if (result.failed.length > 0)
        showToast(
          `Could not read ${result.failed.map((entry) => `${entry.fileName} (${entry.message})`).join('; ')}`,
          'error',
        );
      if (result.jobs.length === 0) {
        setProblem('No posting could be read from these files.');
        return;
      }
      const shouldQueue = isQueueing && canQueue;
      if (shouldQueue) {
        const isQueued = await addToQueue(
          result.jobs.map((job) => job.id),
          {
            cvId,
            intensity,
            useModel: isModelUsed,
            letter: isModelUsed && withLetter ? { tone, length } : null,
          },
        );
        if (!isQueued) {
          showToast(`Added ${countOf(result.jobs.length, 'job')}, but they could not be queued.`, 'error');
          onAdded(false);
          return;
        }
      }
      showToast(
        shouldQueue
          ? `Added and queued ${countOf(result.jobs.length, 'job')}.`
          : `Added ${countOf(result.jobs.length, 'job')}.`,
      );
      onAdded(shouldQueue);
    } catch (error) {
      setProblem(isAppError(error) ? error.message : 'The postings could not be added. Nothing was changed.');
    } finally {
      setBusy(false);
    }
  };

  const action =
    total === 0
      ? 'Add postings'
      : isQueueing && canQueue
        ? `Add and queue ${countOf(total, 'posting')}`
        : `Add ${countOf(total, 'posting')}`;

  return (
    <Dialog
      title="Add many postings"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={total === 0 || isBusy}
            onClick={() => void submit()}
          >
            {isBusy ? 'Adding…' : action}
          </button>
        </>
      }
    >
      <p className="item-meta">
        Choose posting files (.txt, .md, .html, .pdf, .docx) or a folder of them. A text file may hold several
        postings, each separated from the next by a line of three dashes (---). Every posting becomes a job in
        your library.
      </p>
      <div className="postings-pickers">
        <button
          type="button"
          className="secondary"
          onClick={() => filesInput.current?.click()}
          disabled={isBusy}
        >
          Choose files…
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => folderInput.current?.click()}
          disabled={isBusy}
        >
          Choose a folder…
        </button>
      </div>
      <input
        ref={filesInput}
        type="file"
        hidden
        multiple
        accept={POSTING_FILE_TYPES}
        aria-label="Posting files"
        data-testid="postings-files-input"
        onChange={(event) => {
          void choose(event.target.files);
          event.target.value = '';
        }}
      />
      <input
        ref={(element) => {
          folderInput.current = element;
          element?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        aria-label="Folder of postings"
        data-testid="postings-folder-input"
        onChange={(event) => {
          void choose(event.target.files);
          event.target.value = '';
        }}
      />
      {chosen.length > 0 && (
        <ul className="postings-chosen" aria-label="Chosen files">
          {chosen.map((entry) => (
            <li key={`${entry.file.name}-${entry.file.size}-${entry.file.lastModified}`}>
              <span className="postings-file">{entry.file.webkitRelativePath || entry.file.name}</span>
              <span className="item-meta">
                {entry.count === null ? '1 posting' : countOf(entry.count, 'posting')}
              </span>
              <button
                type="button"
                className="icon danger"
                aria-label={`Leave out ${entry.file.name}`}
                onClick={() => setChosen((current) => current.filter((other) => other !== entry))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={ids.pasted}>Or paste postings, separated by a line ---</label>
      <textarea
        id={ids.pasted}
        className="posting-input"
        rows={5}
        value={pasted}
        placeholder={'First posting…\n---\nSecond posting…'}
        onChange={(event) => setPasted(event.target.value)}
      />
      <label className="choice inline queue-toggle">
        <input type="checkbox" checked={isQueueing} onChange={(event) => setQueueing(event.target.checked)} />
        <span>Queue them for tailoring: each gets a tailored CV waiting for your review</span>
      </label>
      {isQueueing && (
        <fieldset className="queue-options" disabled={isBusy}>
          <legend>Tailoring</legend>
          {cvs.length === 0 ? (
            <p className="item-meta" role="status">
              Import or create a CV first: the queue tailors it for each posting.
            </p>
          ) : (
            <div className="grid two">
              <div className="field">
                <label htmlFor={ids.cv}>Tailor this CV</label>
                <select id={ids.cv} value={cvId} onChange={(event) => setCvId(event.target.value)}>
                  {cvs.map((cv) => (
                    <option key={cv.id} value={cv.id}>
                      {cv.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.intensity}>How much to change</label>
                <select
                  id={ids.intensity}
                  value={intensity}
                  onChange={(event) => setIntensity(event.target.value as TailorIntensity)}
                >
                  {INTENSITIES.map((value) => (
                    <option key={value} value={value}>
                      {INTENSITY_LABELS[value]}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          )}
          <label className="choice inline">
            <input
              type="radio"
              name="queue-model"
              checked={isModelUsed}
              disabled={!model}
              onChange={() => setUseModel(true)}
            />
            <span>{model ? `With the model: ${model}` : 'With a model (choose one in Settings first)'}</span>
          </label>
          <label className="choice inline">
            <input
              type="radio"
              name="queue-model"
              checked={!isModelUsed}
              onChange={() => setUseModel(false)}
            />
            <span>Without AI: reorder bullets, skills and sections by relevance</span>
          </label>
          <label className="choice inline">
            <input
              type="checkbox"
              checked={isModelUsed && withLetter}
              disabled={!isModelUsed}
              onChange={(event) => setWithLetter(event.target.checked)}
            />
            <span>Also write a cover letter for each</span>
          </label>
          {isModelUsed && withLetter && (
            <div className="grid two">
              <div className="field">
                <label htmlFor={ids.tone}>Letter tone</label>
                <select
                  id={ids.tone}
                  value={tone}
                  onChange={(event) => setTone(event.target.value as LetterTone)}
                >
                  {LETTER_TONES.map((value) => (
                    <option key={value} value={value}>
                      {TONE_LABELS[value]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.length}>Letter length</label>
                <select
                  id={ids.length}
                  value={length}
                  onChange={(event) => setLength(event.target.value as LetterLength)}
                >
                  {LETTER_LENGTHS.map((value) => (
                    <option key={value} value={value}>
                      {LENGTH_LABELS[value]}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          )}
        </fieldset>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
