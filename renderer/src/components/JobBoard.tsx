/**
 * The board of jobs by status (saved, applied, interview, offer, rejected): counts, when each
 * job got its status, the person's note, and moves by drag and drop or by keyboard (the arrow
 * buttons, or ← and → on a focused card).
 */
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { JOB_STATUSES, type JobStatus, type JobSummary } from '../../../shared/model/library';
import { useWorkspace } from '../state/store-context';
import { formatWhen } from './format';

const TITLES: Record<JobStatus, string> = {
  saved: 'Saved',
  applied: 'Applied',
  interview: 'Interview',
  offer: 'Offer',
  rejected: 'Rejected',
};

const DRAG_TYPE = 'application/x-cv-tailor-job';

function neighbour(status: JobStatus, step: -1 | 1): JobStatus | undefined {
  return JOB_STATUSES[JOB_STATUSES.indexOf(status) + step];
}

function JobCard({ job }: { job: JobSummary }) {
  const moveJob = useWorkspace((state) => state.moveJob);
  const setJobNote = useWorkspace((state) => state.setJobNote);
  const openJob = useWorkspace((state) => state.openJob);
  const [note, setNote] = useState(job.note);
  const previous = neighbour(job.status, -1);
  const next = neighbour(job.status, 1);
  const name = job.company ? `${job.title} at ${job.company}` : job.title;
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    const target = event.key === 'ArrowLeft' ? previous : event.key === 'ArrowRight' ? next : undefined;
    if (!target) return;
    event.preventDefault();
    void moveJob(job.id, target);
  };
  return (
    <li
      className="board-card"
      tabIndex={0}
      draggable
      aria-label={`${name}, ${TITLES[job.status]}`}
      aria-keyshortcuts="ArrowLeft ArrowRight"
      onKeyDown={onKeyDown}
      onDragStart={(event) => event.dataTransfer.setData(DRAG_TYPE, job.id)}
    >
      <button type="button" className="link board-title" onClick={() => void openJob(job.id)}>
        {job.title}
      </button>
      {job.company && <span className="item-meta">{job.company}</span>}
      <span className="item-meta">
        {TITLES[job.status]} {job.statusSince ? formatWhen(job.statusSince) : ''}
      </span>
      <label className="board-note">
        <span className="visually-hidden">Note on {name}</span>
        <textarea
          rows={2}
          placeholder="Note (contact, next step…)"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          onBlur={() => {
            if (note !== job.note) void setJobNote(job.id, note);
          }}
        />
      </label>
      <div className="board-moves">
        {(
          [
            [previous, '←', 'No earlier status'],
            [next, '→', 'No later status'],
          ] as const
        ).map(([target, arrow, none]) => (
          <button
            key={arrow}
            type="button"
            className="icon"
            disabled={!target}
            aria-label={target ? `Move ${name} to ${TITLES[target]}` : none}
            onClick={() => target && void moveJob(job.id, target)}
          >
            {arrow}
          </button>
        ))}
      </div>
    </li>
  );
}

/** The board: one column per status. */
export function JobBoard() {
  const jobs = useWorkspace((state) => state.jobs);
  const moveJob = useWorkspace((state) => state.moveJob);
  const [over, setOver] = useState<JobStatus | null>(null);
  const onDrop = (status: JobStatus) => (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData(DRAG_TYPE);
    const job = jobs.find((candidate) => candidate.id === id);
    if (job && job.status !== status) void moveJob(id, status);
  };
  if (jobs.length === 0)
    return <p className="board-empty">Add a job posting (+ beside Jobs) to follow your applications here.</p>;
  return (
    <div className="board">
      {JOB_STATUSES.map((status) => {
        const column = jobs.filter((job) => job.status === status);
        return (
          <section
            key={status}
            className={`board-column ${over === status ? 'drop-target' : ''}`}
            aria-labelledby={`board-${status}`}
            onDragOver={(event) => {
              if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
              event.preventDefault();
              setOver(status);
            }}
            onDragLeave={() => setOver((current) => (current === status ? null : current))}
            onDrop={onDrop(status)}
          >
            <h2 id={`board-${status}`}>
              {TITLES[status]} <span className="board-count">{column.length}</span>
            </h2>
            <ul aria-labelledby={`board-${status}`}>
              {column.map((job) => (
                <JobCard key={`${job.id}-${job.note}`} job={job} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
