/**
 * The library sidebar: master CVs and jobs. It folds to a narrow rail (a button or Ctrl+B), and
 * in a narrow window opens over the content instead of beside it.
 */
import { useEffect, useRef, useState } from 'react';
import type { CvSummary, JobSummary } from '../../../shared/model/library';
import { useWorkspace } from '../state/store-context';
import { AddJobDialog } from './AddJobDialog';
import { formatWhen } from './format';
import { ImportButton } from './ImportControls';
import { QueueButton } from './queue/QueueButton';

/** Delay between the last keystroke in the search and the search itself. */
const SEARCH_DELAY_MS = 150;

interface LibrarySidebarProps {
  isOpen: boolean;
  /** Open over the content (a narrow window): choosing something closes it. */
  isOverlay: boolean;
  onToggle: () => void;
  /** Called after the person chose a CV, a job or a page. */
  onNavigate: () => void;
}

/** The key combination that folds the sidebar, as people read it on this computer. */
export const SIDEBAR_SHORTCUT = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘B' : 'Ctrl+B';

/** The fold / unfold button with its icon. */
function SidebarToggle({ isOpen, onToggle }: { isOpen: boolean; onToggle: () => void }) {
  const label = isOpen ? 'Hide the library' : 'Show the library';
  return (
    <button
      type="button"
      className="icon sidebar-toggle"
      aria-label={label}
      aria-expanded={isOpen}
      aria-controls="library-content"
      aria-keyshortcuts="Control+B Meta+B"
      title={`${label} (${SIDEBAR_SHORTCUT})`}
      onClick={onToggle}
    >
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
        <rect
          x="2.5"
          y="3.5"
          width="15"
          height="13"
          rx="2"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        />
        <path d="M7.5 3.5v13" stroke="currentColor" strokeWidth="1.5" />
        <path
          d={isOpen ? 'M13.5 8l-2 2 2 2' : 'M11.5 8l2 2-2 2'}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </button>
  );
}

const exactTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

/** The second line of a CV: the file it came from and when it was edited; when that still matches another CV's, when it was added. */
function cvMeta(cv: CvSummary, all: CvSummary[]): string {
  const line = (entry: CvSummary) =>
    entry.sourceFileName
      ? `${entry.sourceFileName} · edited ${formatWhen(entry.updatedAt)}`
      : `Edited ${formatWhen(entry.updatedAt)}`;
  const own = line(cv);
  const isAmbiguous = all.some(
    (other) => other.id !== cv.id && other.name === cv.name && line(other) === own,
  );
  return isAmbiguous && cv.createdAt ? `${own} · added ${exactTime(cv.createdAt)}` : own;
}

/** The second line of a job: company and status; when that matches another job of the same title, when it was edited. */
function jobMeta(job: JobSummary, all: JobSummary[]): string {
  const isAmbiguous = all.some(
    (other) => other.id !== job.id && other.title === job.title && other.company === job.company,
  );
  return isAmbiguous ? `edited ${formatWhen(job.updatedAt)}` : '';
}

/** Lists the CVs (open one to edit it) and the saved jobs. */
export function LibrarySidebar({ isOpen, isOverlay, onToggle, onNavigate }: LibrarySidebarProps) {
  const cvs = useWorkspace((state) => state.cvs);
  const jobs = useWorkspace((state) => state.jobs);
  const openId = useWorkspace((state) => state.openCv?.id);
  const openCvById = useWorkspace((state) => state.openCvById);
  const createCv = useWorkspace((state) => state.createCv);
  const view = useWorkspace((state) => state.view);
  const openJob = useWorkspace((state) => state.openJob);
  const activeJobId = useWorkspace((state) => state.activeJob?.id);
  const sidePanel = useWorkspace((state) => state.sidePanel);
  const setView = useWorkspace((state) => state.setView);
  const jobQuery = useWorkspace((state) => state.jobQuery);
  const foundJobs = useWorkspace((state) => state.foundJobs);
  const searchJobs = useWorkspace((state) => state.searchJobs);
  const [isAddingJob, setAddingJob] = useState(false);
  const [filter, setFilter] = useState(jobQuery);
  const searchInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (filter === jobQuery) return;
    const timer = setTimeout(() => void searchJobs(filter), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [filter, jobQuery, searchJobs]);

  const searched = jobQuery.trim();
  const visibleJobs = searched && foundJobs ? foundJobs : jobs;
  const clearSearch = () => {
    setFilter('');
    void searchJobs('');
    searchInput.current?.focus();
  };
  const navigate = (work: () => unknown) => {
    void work();
    onNavigate();
  };

  return (
    <nav
      className={`sidebar ${isOpen ? 'is-open' : 'is-collapsed'} ${isOpen && isOverlay ? 'is-overlay' : ''}`}
      aria-label="Library"
    >
      <div className="brand">
        <img className="brand-mark" src="./icon.svg" alt="" width={30} height={30} />
        {isOpen && <span className="brand-name">CV Tailor</span>}
        <SidebarToggle isOpen={isOpen} onToggle={onToggle} />
      </div>
      <div className="sidebar-content" id="library-content" hidden={!isOpen}>
        <div className="sidebar-group">
          <div className="sidebar-heading">
            <h2 id="cvs-heading">My CVs</h2>
            <button
              type="button"
              className="icon add"
              aria-label="New CV"
              title="New CV"
              onClick={() => navigate(() => createCv())}
            >
              +
            </button>
          </div>
          <div className="sidebar-actions">
            <ImportButton />
          </div>
          {cvs.length === 0 ? (
            <p className="sidebar-empty">No CVs yet.</p>
          ) : (
            <ul aria-labelledby="cvs-heading" className="sidebar-list">
              {cvs.map((cv) => {
                const isCurrent = view === 'cv' && cv.id === openId;
                const meta = cvMeta(cv, cvs);
                return (
                  <li key={cv.id}>
                    <button
                      type="button"
                      className={`sidebar-item ${isCurrent ? 'active' : ''}`}
                      aria-current={isCurrent ? 'page' : undefined}
                      title={`${cv.name}\n${meta}`}
                      onClick={() => navigate(() => openCvById(cv.id))}
                    >
                      <span className="item-title">{cv.name}</span>
                      <span className="item-meta">{meta}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        <div className="sidebar-group">
          <div className="sidebar-heading">
            <h2 id="jobs-heading">Jobs</h2>
            {jobs.length > 0 && (
              <button
                type="button"
                className={`small secondary board-button ${view === 'board' ? 'active' : ''}`}
                aria-current={view === 'board' ? 'page' : undefined}
                onClick={() => navigate(() => setView('board'))}
              >
                Board
              </button>
            )}
            <QueueButton isCurrent={view === 'queue'} onOpen={() => navigate(() => setView('queue'))} />
            <button
              type="button"
              className="icon add"
              aria-label="Add a job"
              title="Add a job"
              onClick={() => setAddingJob(true)}
            >
              +
            </button>
          </div>
          {jobs.length > 0 && (
            <input
              ref={searchInput}
              className="sidebar-search"
              type="search"
              placeholder="Search jobs"
              aria-label="Search jobs"
              title="Searches titles, companies, statuses, notes and the postings’ text"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape' && filter) {
                  event.preventDefault();
                  event.stopPropagation();
                  clearSearch();
                }
              }}
            />
          )}
          {jobs.length === 0 ? (
            <p className="sidebar-empty">Add a job posting to see how your CV matches it.</p>
          ) : searched && foundJobs?.length === 0 ? (
            <div className="sidebar-empty search-empty" role="status">
              <p>No job matches “{searched}”</p>
              <button type="button" className="link small" onClick={clearSearch}>
                Clear the search
              </button>
            </div>
          ) : (
            <ul aria-labelledby="jobs-heading" className="sidebar-list">
              {visibleJobs.map((job) => {
                const isCurrent = activeJobId === job.id && sidePanel === 'job';
                const extra = jobMeta(job, jobs);
                return (
                  <li key={job.id}>
                    <button
                      type="button"
                      className={`sidebar-item ${isCurrent ? 'active' : ''}`}
                      aria-current={isCurrent ? 'true' : undefined}
                      title={[job.title, job.company].filter(Boolean).join(' · ')}
                      onClick={() => navigate(() => openJob(job.id))}
                    >
                      <span className="item-title">{job.title}</span>
                      <span className="item-meta">
                        {job.company ? `${job.company} · ` : ''}
                        <span className={`status status-${job.status}`}>{job.status}</span>
                        {extra ? ` · ${extra}` : ''}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        <div className="sidebar-footer">
          <button
            type="button"
            className={`sidebar-item ${view === 'settings' ? 'active' : ''}`}
            aria-current={view === 'settings' ? 'page' : undefined}
            onClick={() => navigate(() => setView('settings'))}
          >
            <span className="item-title">Settings</span>
            <span className="item-meta">Model, privacy, offline mode</span>
          </button>
        </div>
      </div>
      {isAddingJob && (
        <AddJobDialog
          onClose={(isAdded) => {
            setAddingJob(false);
            if (isAdded) onNavigate();
          }}
        />
      )}
    </nav>
  );
}
