/**
 * The job queue page: every queued job with its status (waiting, running with its progress,
 * done, failed with the reason, cancelled), the overall progress, and Pause, Resume and Cancel.
 * Finished jobs open in review; nothing the queue tailored is accepted until the person does.
 */
import { useState } from 'react';
import { countOf } from '../../../../shared/format/plural';
import type { QueueItemStatus, QueueSnapshot } from '../../../../shared/queue/queue';
import { useQueue } from '../../state/queue-context';
import { useWorkspace } from '../../state/store-context';
import { AddPostingsDialog } from './AddPostingsDialog';

type Item = QueueSnapshot['items'][number];

const STATUS_LABELS: Record<QueueItemStatus, string> = {
  waiting: 'Waiting',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** What a running job is doing, in words. */
function stepLabel(item: Item): string {
  const step = item.progress?.step ?? '';
  if (step.startsWith('letter:')) return 'Writing the letter';
  if (step === 'tailored') return 'Tailored';
  return item.task.letter ? 'Tailoring the CV (the letter follows)' : 'Tailoring the CV';
}

/** What the queue does for a job: "Tailor with the model (balanced), then write a formal letter". */
function plan(item: Item): string {
  const tailor = `Tailor ${item.task.useModel ? 'with the model' : 'without AI'} (${item.task.intensity})`;
  return item.task.letter ? `${tailor}, then write a ${item.task.letter.tone} letter` : tailor;
}

/** The line under a job's title. */
function describe(item: Item): string {
  switch (item.status) {
    case 'waiting':
      return item.restarts > 0
        ? `Interrupted when CV Tailor closed; starts again from the beginning · ${plan(item)}`
        : plan(item);
    case 'running':
      return stepLabel(item);
    case 'done':
      return item.task.letter
        ? 'Tailored CV and letter waiting for your review'
        : 'Tailored CV waiting for your review';
    case 'failed':
      return item.tailoredAt
        ? 'The tailored CV was saved; the letter failed'
        : 'Nothing was saved for this job';
    case 'cancelled':
      return item.tailoredAt
        ? 'Cancelled after tailoring; the tailored CV was kept'
        : 'Cancelled before it finished; nothing was saved';
  }
}

function QueueRow({ item }: { item: Item }) {
  const cancelItem = useQueue((state) => state.cancelItem);
  const retry = useQueue((state) => state.retry);
  const openJob = useWorkspace((state) => state.openJob);
  const setView = useWorkspace((state) => state.setView);
  const name = item.company ? `${item.title} at ${item.company}` : item.title;
  const percent =
    item.progress?.fraction === null || item.progress?.fraction === undefined
      ? null
      : Math.round(item.progress.fraction * 100);
  return (
    <li className={`queue-item queue-${item.status}`} aria-label={`${name}: ${STATUS_LABELS[item.status]}`}>
      <div className="queue-item-main">
        <span className="queue-title">{item.title}</span>
        {item.company && <span className="item-meta">{item.company}</span>}
        <span className="item-meta">{describe(item)}</span>
        {item.status === 'running' && (
          <div className="queue-progress">
            <progress
              max={1}
              value={item.progress?.fraction ?? undefined}
              aria-label={`Progress of ${name}`}
              aria-valuetext={percent === null ? 'Working' : `${percent}%`}
            />
            <span className="item-meta">{percent === null ? item.progress?.detail : `${percent}%`}</span>
          </div>
        )}
        {item.status === 'failed' && item.error && (
          <p className="queue-error" role="note">
            {item.error}
          </p>
        )}
      </div>
      <span className={`queue-status queue-status-${item.status}`}>{STATUS_LABELS[item.status]}</span>
      <div className="queue-actions">
        {(item.status === 'waiting' || item.status === 'running') && (
          <button
            type="button"
            className="secondary small"
            aria-label={`Cancel ${name}`}
            onClick={() => void cancelItem(item.id)}
          >
            Cancel
          </button>
        )}
        {(item.status === 'failed' || item.status === 'cancelled') && (
          <button
            type="button"
            className="secondary small"
            aria-label={`Try ${name} again`}
            onClick={() => void retry(item.id)}
          >
            Try again
          </button>
        )}
        {(item.status === 'done' || item.tailoredAt) && item.status !== 'running' && (
          <button
            type="button"
            className="primary small"
            aria-label={`Review ${name}`}
            onClick={() => {
              void openJob(item.jobId).then(() => setView('review'));
            }}
          >
            Review
          </button>
        )}
      </div>
    </li>
  );
}

/** The overall line: "3 of 5 done · 1 running · 1 failed". */
function overall(snapshot: QueueSnapshot): string {
  const { summary } = snapshot;
  const parts = [`${summary.done} of ${countOf(summary.total, 'job')} done`];
  if (summary.running) parts.push(`${summary.running} running`);
  if (summary.waiting) parts.push(`${summary.waiting} waiting`);
  if (summary.failed) parts.push(`${summary.failed} failed`);
  if (summary.cancelled) parts.push(`${summary.cancelled} cancelled`);
  return parts.join(' · ');
}

/** The queue page's content. */
export function QueuePanel() {
  const snapshot = useQueue((state) => state.snapshot);
  const error = useQueue((state) => state.error);
  const pause = useQueue((state) => state.pause);
  const resume = useQueue((state) => state.resume);
  const cancelAll = useQueue((state) => state.cancelAll);
  const clearFinished = useQueue((state) => state.clearFinished);
  const [isAdding, setAdding] = useState(false);
  if (!snapshot)
    return (
      <p className="loading" role="status">
        Opening the queue…
      </p>
    );
  const { summary } = snapshot;
  const hasPending = summary.waiting + summary.running > 0;
  const hasFinished = summary.done + summary.failed + summary.cancelled > 0;
  const pace =
    snapshot.limit === 1
      ? 'One job at a time'
      : `Up to ${snapshot.limit} jobs at a time (Settings → Parallel requests)`;

  return (
    <div className="queue-page">
      <section className="queue-overview" aria-labelledby="queue-overall">
        <div className="queue-overview-text">
          <h2 id="queue-overall">{summary.total === 0 ? 'No jobs queued' : overall(snapshot)}</h2>
          <p className="item-meta">
            {summary.total === 0
              ? 'Add many postings at once: the queue tailors your CV for each, one after another, while you do something else.'
              : `${pace}. Finished jobs wait for your review; nothing is accepted until you do.`}
          </p>
          {summary.total > 0 && (
            <progress
              className="queue-overall-progress"
              max={1}
              value={summary.fraction}
              aria-label="Overall progress"
              aria-valuetext={`${Math.round(summary.fraction * 100)}%`}
            />
          )}
        </div>
        <div className="queue-toolbar">
          <button
            type="button"
            className={summary.total === 0 ? 'primary' : 'secondary'}
            onClick={() => setAdding(true)}
          >
            Add postings…
          </button>
          {hasPending &&
            (snapshot.isPaused ? (
              <button type="button" className="primary" onClick={() => void resume()}>
                Resume
              </button>
            ) : (
              <button type="button" className="secondary" onClick={() => void pause()}>
                Pause
              </button>
            ))}
          {hasPending && (
            <button type="button" className="secondary danger" onClick={() => void cancelAll()}>
              Cancel all
            </button>
          )}
          {hasFinished && (
            <button type="button" className="secondary" onClick={() => void clearFinished()}>
              Clear finished
            </button>
          )}
        </div>
      </section>
      {snapshot.isPaused && hasPending && (
        <p className="queue-notice" role="status">
          {snapshot.wasInterrupted
            ? 'CV Tailor closed while the queue was running. Finished jobs are kept; press Resume to go on. A job that was interrupted starts again from the beginning.'
            : summary.running > 0
              ? 'Pausing: the running jobs finish, no new one starts.'
              : 'Paused. Press Resume to go on.'}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {summary.total > 0 && (
        <ol className="queue-list" aria-label="Queued jobs">
          {snapshot.items.map((item) => (
            <QueueRow key={item.id} item={item} />
          ))}
        </ol>
      )}
      {isAdding && <AddPostingsDialog onClose={() => setAdding(false)} onAdded={() => setAdding(false)} />}
    </div>
  );
}
