/**
 * The library sidebar: master CVs and jobs.
 */
import { useState } from 'react';
import { useWorkspace } from '../state/store-context';
import { AddJobDialog } from './AddJobDialog';
import { formatWhen } from './format';
import { ImportButton } from './ImportControls';

/** Lists the CVs (open one to edit it) and the saved jobs. */
export function LibrarySidebar() {
  const cvs = useWorkspace((state) => state.cvs);
  const jobs = useWorkspace((state) => state.jobs);
  const openId = useWorkspace((state) => state.openCv?.id);
  const openCvById = useWorkspace((state) => state.openCvById);
  const createCv = useWorkspace((state) => state.createCv);
  const [filter, setFilter] = useState('');
  const view = useWorkspace((state) => state.view);
  const openJob = useWorkspace((state) => state.openJob);
  const activeJobId = useWorkspace((state) => state.activeJob?.id);
  const sidePanel = useWorkspace((state) => state.sidePanel);
  const [isAddingJob, setAddingJob] = useState(false);
  const setView = useWorkspace((state) => state.setView);
  const visibleJobs = jobs.filter((job) => `${job.title} ${job.company} ${job.status}`.toLowerCase().includes(filter.toLowerCase()));

  return (
    <nav className="sidebar" aria-label="Library">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          CV
        </span>
        <span className="brand-name">CV Tailor</span>
      </div>
      <div className="sidebar-group">
        <div className="sidebar-heading">
          <h2 id="cvs-heading">My CVs</h2>
          <button type="button" className="icon add" aria-label="New CV" title="New CV" onClick={() => void createCv()}>
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
            {cvs.map((cv) => (
              <li key={cv.id}>
                <button
                  type="button"
                  className={`sidebar-item ${view === 'cv' && cv.id === openId ? 'active' : ''}`}
                  aria-current={view === 'cv' && cv.id === openId ? 'page' : undefined}
                  onClick={() => void openCvById(cv.id)}
                >
                  <span className="item-title">{cv.name}</span>
                  <span className="item-meta">Edited {formatWhen(cv.updatedAt)}</span>
                </button>
              </li>
            ))}
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
              onClick={() => setView('board')}
            >
              Board
            </button>
          )}
          <button type="button" className="icon add" aria-label="Add a job" title="Add a job" onClick={() => setAddingJob(true)}>
            +
          </button>
        </div>
        {jobs.length > 0 && (
          <input
            className="sidebar-search"
            type="search"
            placeholder="Search jobs"
            aria-label="Search jobs"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        )}
        {jobs.length === 0 ? (
          <p className="sidebar-empty">Add a job posting to see how your CV matches it.</p>
        ) : (
          <ul aria-labelledby="jobs-heading" className="sidebar-list">
            {visibleJobs.map((job) => (
              <li key={job.id}>
                <button
                  type="button"
                  className={`sidebar-item ${activeJobId === job.id && sidePanel === 'job' ? 'active' : ''}`}
                  aria-current={activeJobId === job.id && sidePanel === 'job' ? 'true' : undefined}
                  onClick={() => void openJob(job.id)}
                >
                  <span className="item-title">{job.title}</span>
                  <span className="item-meta">
                    {job.company ? `${job.company} · ` : ''}
                    <span className={`status status-${job.status}`}>{job.status}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {isAddingJob && <AddJobDialog onClose={() => setAddingJob(false)} />}
      <div className="sidebar-footer">
        <button
          type="button"
          className={`sidebar-item ${view === 'settings' ? 'active' : ''}`}
          aria-current={view === 'settings' ? 'page' : undefined}
          onClick={() => setView('settings')}
        >
          <span className="item-title">Settings</span>
          <span className="item-meta">Model, privacy, offline mode</span>
        </button>
      </div>
    </nav>
  );
}
