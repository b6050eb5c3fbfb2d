/**
 * The review workspace of a job: original CV | tailored CV (or cover letter) | job & match.
 *
 * The panes resize with a splitter, scroll together by section and entry, and the whole review
 * works from the keyboard (shortcut help with `?`).
 */
import { useCallback, useContext, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { Cv } from '../../../../shared/model/cv';
import type { JobRecord, Letter, MasterCv } from '../../../../shared/model/library';
import type { StatementTarget } from '../../../../shared/tailor/statement';
import { countOf } from '../../../../shared/format/plural';
import { jobCompany, jobTitle } from '../../../../shared/library/jobs';
import { isPending, safePending } from '../../../../shared/review/decisions';
import { createReviewStore } from '../../state/review-store';
import { StoreContext, useApi, useWorkspace } from '../../state/store-context';
import { ExportDialog } from '../ExportDialog';
import { JobPanel } from '../JobPanel';
import { CvDocument } from './CvDocument';
import { LetterPane } from './LetterPane';
import { ReviewContext, useReview, useReviewStore } from './review-context';
import { ShortcutHelp } from './ShortcutHelp';
import { TailorBar } from './TailorBar';
import { TailoredDocument } from './TailoredPane';
import { VersionsDialog } from './VersionsDialog';
import '../../styles/review.css';

/** Windows wide enough to show the job panel beside both documents from the start. */
const ROOMY_REVIEW_QUERY = '(min-width: 1280px)';

const SPLIT_MIN = 0.25;
const SPLIT_MAX = 0.75;

function isTextTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.isContentEditable);
}

function focusChange(id: string | null) {
  if (!id) return;
  const element = document.querySelector<HTMLElement>(`.review-tailored [data-change-id="${CSS.escape(id)}"]`);
  element?.scrollIntoView({ block: 'center' });
  element?.focus({ preventScroll: true });
}

/** Keeps the second pane aligned with the first by the `data-sync` element at the top. */
function alignPanes(from: HTMLElement, to: HTMLElement) {
  const top = from.getBoundingClientRect().top;
  const anchors = from.querySelectorAll<HTMLElement>('[data-sync]');
  let anchor: HTMLElement | null = null;
  for (const candidate of anchors) {
    const box = candidate.getBoundingClientRect();
    if (box.bottom > top) {
      anchor = candidate;
      break;
    }
  }
  if (!anchor) return;
  const key = anchor.dataset.sync ?? '';
  const twin = to.querySelector<HTMLElement>(`[data-sync="${CSS.escape(key)}"]`);
  if (!twin) return;
  const box = anchor.getBoundingClientRect();
  const fraction = box.height > 0 ? Math.max(0, (top - box.top) / box.height) : 0;
  const twinBox = twin.getBoundingClientRect();
  const delta = twinBox.top + fraction * twinBox.height - to.getBoundingClientRect().top;
  to.scrollTop += delta;
}

function SummaryLine() {
  const job = useReview((state) => state.job);
  const decisions = useReview((state) => state.history?.present.decisions ?? null);
  const decideMany = useReview((state) => state.decideMany);
  const changes = job?.proposal?.changes ?? [];
  if (!decisions || changes.length === 0) {
    return job?.proposal ? <p className="review-summary item-meta">No changes were proposed for this job.</p> : null;
  }
  const accepted = changes.filter((change) => decisions[change.id] === 'accepted').length;
  const rejected = changes.filter((change) => decisions[change.id] === 'rejected').length;
  const pending = changes.filter((change) => isPending(change, decisions));
  const reverted = changes.filter((change) => change.status === 'reverted').length;
  const safe = safePending(changes, decisions);
  return (
    <div className="review-summary">
      <p className="item-meta" aria-live="polite">
        {countOf(changes.length, 'change')} · {accepted} accepted · {rejected} rejected · {pending.length} to review
        {reverted > 0 && ` · ${reverted} reverted by the truth check`}
      </p>
      <button type="button" className="secondary small" disabled={safe.length === 0} onClick={() => decideMany(safe.map((change) => change.id), 'accepted')}>
        Accept all safe ({safe.length})
      </button>
      <button type="button" className="secondary small" disabled={pending.length === 0} onClick={() => decideMany(pending.map((change) => change.id), 'rejected')}>
        Reject all pending ({pending.length})
      </button>
    </div>
  );
}

/** The job panel of the review, matched against the tailored CV as it stands (subscribed here, not in the whole review). */
function ReviewJobPanel({ job, original, onClose }: { job: JobRecord; original: Cv | null; onClose: () => void }) {
  const review = useReviewStore();
  const tailoredCv = useReview((state) => state.history?.present.cv ?? null);
  const hasPresent = tailoredCv !== null;
  const addStatement = useCallback(
    (target: StatementTarget, text: string) => review.getState().addStatement(target, text),
    [review],
  );
  return <JobPanel job={job} cv={tailoredCv ?? original} onClose={onClose} onAddStatement={hasPresent ? addStatement : undefined} />;
}

/** The export dialog of the review: the tailored CV as it stands, or the master CV before any tailoring. */
function ReviewExportDialog({ original, letter, baseName, onClose }: { original: Cv | null; letter: Letter | undefined; baseName: string; onClose: () => void }) {
  const tailoredCv = useReview((state) => state.history?.present.cv ?? null);
  const exportSource = tailoredCv ?? original;
  if (!exportSource) return null;
  return <ExportDialog cv={exportSource} letter={letter} baseName={baseName} onClose={onClose} />;
}

function ReviewBody({ master }: { master: MasterCv | null }) {
  const review = useReviewStore();
  const job = useReview((state) => state.job);
  // Whether there is a tailored CV; its content is read by the parts that show it, so typing does not re-render the whole review.
  const hasPresent = useReview((state) => state.history !== null);
  const saveState = useReview((state) => state.saveState);
  const canUndo = useReview((state) => (state.history?.past.length ?? 0) > 0 || !!state.job?.previousRun);
  const undoesRun = useReview((state) => (state.history?.past.length ?? 0) === 0 && !!state.job?.previousRun);
  const canRedo = useReview((state) => (state.history?.future.length ?? 0) > 0);
  const setView = useWorkspace((state) => state.setView);
  // The job's name and status are the library's: renamed or moved in the sidebar, they show here at once.
  const listed = useWorkspace((state) => (state.activeJob?.id === job?.id ? state.activeJob : null));
  const [split, setSplit] = useState(0.5);
  // In a narrow window the two documents get the room; the job panel opens on demand.
  const [isPanelOpen, setPanelOpen] = useState(() => window.matchMedia(ROOMY_REVIEW_QUERY).matches);
  const [tab, setTab] = useState<'cv' | 'letter'>('cv');
  const letter = useReview((state) => state.letter);
  const [dialog, setDialog] = useState<'versions' | 'export' | 'help' | null>(null);
  const panesRef = useRef<HTMLDivElement>(null);
  const originalRef = useRef<HTMLDivElement>(null);
  const tailoredRef = useRef<HTMLDivElement>(null);
  const syncing = useRef<{ target: HTMLElement | null; until: number }>({ target: null, until: 0 });

  const original = job?.proposal?.baseCv ?? master?.cv ?? null;
  // Before any tailoring, exports (and the letter's contact details) use the master CV.
  const canExport = hasPresent || original !== null;

  useEffect(() => {
    panesRef.current?.style.setProperty('--split', `${split * 100}%`);
  }, [split]);

  const onScroll = useCallback((from: HTMLElement | null, to: HTMLElement | null) => {
    if (!from || !to) return;
    if (syncing.current.target === from && performance.now() < syncing.current.until) return;
    syncing.current = { target: to, until: performance.now() + 80 };
    alignPanes(from, to);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector('[role="dialog"]')) return;
      const state = review.getState();
      const key = event.key.toLowerCase();
      if ((event.ctrlKey || event.metaKey) && !event.altKey) {
        if (key === 'z' && !event.shiftKey) {
          event.preventDefault();
          state.undo();
        } else if ((key === 'z' && event.shiftKey) || key === 'y') {
          event.preventDefault();
          state.redo();
        }
        return;
      }
      if (isTextTarget(event.target)) return;
      if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        event.preventDefault();
        focusChange(state.moveCurrent(event.key === 'ArrowDown' ? 1 : -1));
        return;
      }
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === '?') {
        event.preventDefault();
        setDialog('help');
      } else if (key === 'j') {
        event.preventDefault();
        focusChange(state.moveCurrent(1));
      } else if (key === 'k') {
        event.preventDefault();
        focusChange(state.moveCurrent(-1));
      } else if ((key === 'a' || key === 'r') && state.currentId) {
        event.preventDefault();
        const id = state.currentId;
        state.decide(id, key === 'a' ? 'accepted' : 'rejected');
        // Keep focus on the decided change after the re-render, unless the person has moved on.
        requestAnimationFrame(() => {
          if (review.getState().currentId === id) focusChange(id);
        });
      } else if ((key === 'e' || (event.key === 'Enter' && (event.target as HTMLElement | null)?.dataset?.changeId)) && state.currentId) {
        const frame = document.querySelector<HTMLElement>(`[data-change-id="${CSS.escape(state.currentId)}"]`);
        const target = frame?.querySelector<HTMLElement>('textarea, .doc-diff, button.link');
        if (target) {
          event.preventDefault();
          target.click();
          target.focus();
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [review]);

  const onSplitterKey = (event: ReactKeyboardEvent) => {
    const step = event.shiftKey ? 0.1 : 0.02;
    if (event.key === 'ArrowLeft') setSplit((value) => Math.max(SPLIT_MIN, value - step));
    else if (event.key === 'ArrowRight') setSplit((value) => Math.min(SPLIT_MAX, value + step));
    else if (event.key === 'Home') setSplit(SPLIT_MIN);
    else if (event.key === 'End') setSplit(SPLIT_MAX);
    else return;
    event.preventDefault();
  };

  const onSplitterDrag = (event: React.PointerEvent<HTMLDivElement>) => {
    const container = panesRef.current;
    if (!container) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const box = container.getBoundingClientRect();
    const move = (moveEvent: PointerEvent) => setSplit(Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, (moveEvent.clientX - box.left) / box.width)));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const named = listed ?? job;
  const title = named ? jobTitle(named) : 'Job';
  const company = named ? jobCompany(named) : '';
  const saveText = saveState === 'saved' ? 'All changes saved' : saveState === 'error' ? 'Not saved' : 'Saving…';

  return (
    <div className="review">
      <header className="cv-header review-header">
        <div className="cv-title">
          <h1 title={`Tailor for ${title}${company ? ` at ${company}` : ''}`}>
            Tailor for {title}
            {company ? ` at ${company}` : ''}
          </h1>
          {hasPresent && (
            <span className={`save-state ${saveState === 'error' ? 'save-error' : ''}`} role="status">
              {saveText}
            </span>
          )}
        </div>
        <div className="toolbar">
          <button type="button" className="secondary" disabled={!canUndo} onClick={() => (undoesRun ? void review.getState().undoTailor() : review.getState().undo())} title={undoesRun ? 'Go back to the earlier tailoring run (Ctrl+Z)' : 'Undo (Ctrl+Z)'}>
            {undoesRun ? 'Undo tailoring' : 'Undo'}
          </button>
          <button type="button" className="secondary" disabled={!canRedo} onClick={() => review.getState().redo()} title="Redo (Ctrl+Shift+Z)">
            Redo
          </button>
          <button type="button" className="secondary" disabled={!job?.review} onClick={() => setDialog('versions')}>
            Versions
          </button>
          <button type="button" className="secondary" disabled={!canExport} onClick={() => setDialog('export')}>
            Export
          </button>
          <button type="button" className="secondary" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setDialog('help')}>
            ?
          </button>
          <button type="button" className="secondary" onClick={() => setView('cv')}>
            Back to CV
          </button>
        </div>
      </header>
      <TailorBar />
      <SummaryLine />
      <div className={`review-body ${isPanelOpen ? 'with-panel' : 'panel-closed'}`}>
        <div className="review-panes" ref={panesRef}>
          <section className="pane review-original" aria-labelledby="original-heading">
            <h2 id="original-heading" className="pane-title">
              Original <span className="item-meta">{master?.name ?? ''} · read-only</span>
            </h2>
            <div className="pane-scroll" ref={originalRef} tabIndex={0} aria-label="Original CV" onScroll={() => onScroll(originalRef.current, tailoredRef.current)}>
              <div className="paper">{original ? <CvDocument cv={original} /> : <p className="item-meta">Loading…</p>}</div>
            </div>
          </section>
          <div
            className="splitter"
            role="separator"
            aria-orientation="vertical"
            aria-label="Resize the original and tailored panes"
            aria-valuemin={SPLIT_MIN * 100}
            aria-valuemax={SPLIT_MAX * 100}
            aria-valuenow={Math.round(split * 100)}
            tabIndex={0}
            onKeyDown={onSplitterKey}
            onPointerDown={onSplitterDrag}
          />
          <section className="pane review-tailored" aria-labelledby="tailored-heading">
            <div className="pane-title">
              <h2 id="tailored-heading" className="visually-hidden">
                Tailored
              </h2>
              <div role="tablist" aria-label="Tailored documents" className="pane-tabs">
                <button type="button" role="tab" id="tab-cv" aria-selected={tab === 'cv'} aria-controls="panel-cv" className={tab === 'cv' ? 'active' : ''} onClick={() => setTab('cv')}>
                  Tailored CV
                </button>
                <button type="button" role="tab" id="tab-letter" aria-selected={tab === 'letter'} aria-controls="panel-letter" className={tab === 'letter' ? 'active' : ''} onClick={() => setTab('letter')}>
                  Cover letter
                </button>
              </div>
            </div>
            {tab === 'cv' ? (
              <div className="pane-scroll" id="panel-cv" role="tabpanel" aria-labelledby="tab-cv" ref={tailoredRef} onScroll={() => onScroll(tailoredRef.current, originalRef.current)}>
                <div className="paper">
                  {hasPresent ? (
                    <TailoredDocument />
                  ) : (
                    <div className="tailor-empty">
                      <p>
                        <strong>Nothing tailored yet.</strong>
                      </p>
                      <p className="item-meta">
                        Choose an intensity and press Tailor (with the model from Settings) or Tailor without AI. Each proposed change then appears
                        here beside your original, to accept, reject or edit.
                      </p>
                    </div>
                  )}
                </div>
              </div>
            ) : (
              <div className="pane-scroll" id="panel-letter" role="tabpanel" aria-labelledby="tab-letter">
                <div className="paper">
                  <LetterPane />
                </div>
              </div>
            )}
          </section>
        </div>
        {job &&
          (isPanelOpen ? (
            <ReviewJobPanel job={listed ?? job} original={original} onClose={() => setPanelOpen(false)} />
          ) : (
            <button type="button" className="panel-opener" aria-label="Show the job and match panel" onClick={() => setPanelOpen(true)}>
              Job &amp; match
            </button>
          ))}
      </div>
      {dialog === 'versions' && <VersionsDialog onClose={() => setDialog(null)} />}
      {dialog === 'help' && <ShortcutHelp onClose={() => setDialog(null)} />}
      {dialog === 'export' && (
        <ReviewExportDialog
          original={original}
          letter={tab === 'letter' && letter ? letter : undefined}
          baseName={`${master?.name ?? 'CV'} - ${tab === 'letter' && letter ? 'Cover letter - ' : ''}${title}`.replace(/[^\w .-]+/g, ' ').trim()}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}

/** The review of the active job, with its own store; autosaves on leaving. */
export function ReviewWorkspace() {
  const api = useApi();
  const workspace = useContext(StoreContext);
  const activeJob = useWorkspace((state) => state.activeJob);
  const openCv = useWorkspace((state) => state.openCv);
  const showToast = useWorkspace((state) => state.showToast);
  const [master, setMaster] = useState<MasterCv | null>(null);
  const store = useMemo(
    () =>
      createReviewStore(api, {
        notify: (text, tone) => showToast(text, tone),
        onJob: (job) => {
          if (workspace?.getState().activeJob?.id === job.id) workspace.setState({ activeJob: job });
        },
      }),
    [api, showToast, workspace],
  );
  const jobId = activeJob?.id;
  const cvId = activeJob?.proposal?.baseCvId ?? activeJob?.cvId ?? openCv?.id ?? null;

  useEffect(() => {
    const job = workspace?.getState().activeJob;
    if (job) store.getState().load(job, cvId);
    // Load once per job: later job updates come from the review store itself.
  }, [store, jobId, cvId, workspace]);

  useEffect(() => {
    if (!cvId) return;
    let live = true;
    api
      .getCv({ id: cvId })
      .then((cv) => live && setMaster(cv))
      .catch(() => live && setMaster(null));
    return () => {
      live = false;
    };
  }, [api, cvId]);

  useEffect(() => {
    const save = () => void store.getState().flush();
    window.addEventListener('beforeunload', save);
    document.addEventListener('visibilitychange', save);
    return () => {
      window.removeEventListener('beforeunload', save);
      document.removeEventListener('visibilitychange', save);
      save();
    };
  }, [store]);

  if (!activeJob) {
    return (
      <div className="empty-state">
        <h1>No job chosen</h1>
        <p>Open a job from the library to tailor your CV to it.</p>
      </div>
    );
  }
  return (
    <ReviewContext.Provider value={store}>
      <ReviewBody master={master} />
    </ReviewContext.Provider>
  );
}
