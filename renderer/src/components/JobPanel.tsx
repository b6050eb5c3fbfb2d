/**
 * The job panel beside the CV: what the posting asks for, and what the CV shows of it,
 * recomputed after every edit once the edit is on screen.
 */
import { memo, useMemo, useState, type ReactNode } from 'react';
import { jobCompany, jobTitle } from '../../../shared/library/jobs';
import { matchCv } from '../../../shared/match/index';
import type { Cv } from '../../../shared/model/cv';
import type { CoverageStatus, MatchResult, RequirementMatch } from '../../../shared/model/job';
import { JOB_STATUSES, type JobRecord, type JobStatus } from '../../../shared/model/library';
import { useSkillsDictionary } from '../state/skills-dictionary';
import { useWorkspace } from '../state/store-context';
import type { StatementTarget } from '../../../shared/tailor/statement';
import { addStatement } from '../../../shared/tailor/statement';
import { ConfirmDialog } from './ConfirmDialog';
import { HaveThisDialog } from './HaveThisDialog';
import { focusField } from './focus-field';
import { RenameJobDialog } from './RenameJobDialog';
import { useAfterPaint } from './useAfterPaint';

const STATUS_LABELS: Record<CoverageStatus, string> = {
  covered: 'Covered',
  partial: 'Partly covered',
  missing: 'Missing',
};
const STATUS_ICONS: Record<CoverageStatus, string> = { covered: '✓', partial: '◐', missing: '✗' };

function Requirement({ requirement }: { requirement: RequirementMatch }) {
  return (
    <li className={`requirement status-${requirement.status}`}>
      <span
        className="requirement-status"
        aria-label={STATUS_LABELS[requirement.status]}
        title={STATUS_LABELS[requirement.status]}
      >
        {STATUS_ICONS[requirement.status]}
      </span>
      <div>
        <p className="requirement-text">{requirement.text}</p>
        {requirement.evidence.length > 0 && (
          <ul className="evidence">
            {requirement.evidence.slice(0, 3).map((sentence, index) => {
              const path = requirement.evidencePaths?.[index];
              return (
                <li key={index}>
                  {path ? (
                    <button
                      type="button"
                      className="evidence-link"
                      title={`Show in the editor (${path})`}
                      onClick={() => focusField(path)}
                    >
                      “{sentence}”
                    </button>
                  ) : (
                    <span>“{sentence}”</span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </li>
  );
}

/** The posting with each requirement marked by its coverage. */
function highlightedPosting(text: string, requirements: RequirementMatch[]): ReactNode[] {
  const lower = text.toLowerCase();
  const marks: { start: number; end: number; status: CoverageStatus }[] = [];
  for (const requirement of requirements) {
    const needle = requirement.text.toLowerCase();
    const start = needle ? lower.indexOf(needle) : -1;
    if (start >= 0 && !marks.some((mark) => start < mark.end && start + needle.length > mark.start)) {
      marks.push({ start, end: start + needle.length, status: requirement.status });
    }
  }
  marks.sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const mark of marks) {
    if (mark.start > cursor) parts.push(text.slice(cursor, mark.start));
    parts.push(
      <mark key={mark.start} className={`req-mark status-${mark.status}`} title={STATUS_LABELS[mark.status]}>
        {text.slice(mark.start, mark.end)}
      </mark>,
    );
    cursor = mark.end;
  }
  parts.push(text.slice(cursor));
  return parts;
}

interface MatchDetailsProps {
  match: MatchResult | null;
  eligibility: readonly string[] | undefined;
  postingText: string;
  /** Whether there is a CV to add a missing keyword to. */
  canAdd: boolean;
  onHave: (keyword: string) => void;
}

/** Score, requirements, missing keywords and the marked posting; memoised, so a keystroke that has not been matched yet skips it. */
const MatchDetails = memo(function MatchDetails({
  match,
  eligibility,
  postingText,
  canAdd,
  onHave,
}: MatchDetailsProps) {
  const must = match?.requirements.filter((requirement) => requirement.importance === 'must') ?? [];
  const nice = match?.requirements.filter((requirement) => requirement.importance === 'nice') ?? [];
  return (
    <>
      {match && (
        <div className="score-box" role="group" aria-label="Match score">
          <div className="score" aria-live="polite">
            {match.score === null ? (
              <span className="score-none">Not enough information</span>
            ) : (
              <>
                <span className="score-value">{match.score}</span>
                <span className="score-of">/ 100</span>
              </>
            )}
          </div>
          <p className="item-meta">
            How much of what the posting asks for your CV shows. Guidance, not a prediction of any
            applicant-tracking system.
          </p>
        </div>
      )}
      {match && must.length > 0 && (
        <>
          <h3>Must have</h3>
          <ul className="requirements" aria-label="Must-have requirements">
            {must.map((requirement, index) => (
              <Requirement key={index} requirement={requirement} />
            ))}
          </ul>
        </>
      )}
      {match && nice.length > 0 && (
        <>
          <h3>Nice to have</h3>
          <ul className="requirements" aria-label="Nice-to-have requirements">
            {nice.map((requirement, index) => (
              <Requirement key={index} requirement={requirement} />
            ))}
          </ul>
        </>
      )}
      {(eligibility ?? []).length > 0 && (
        <>
          <h3>Conditions of hire</h3>
          <p className="item-meta">Not scored against your CV: check them yourself.</p>
          <ul className="requirements eligibility" aria-label="Conditions of hire">
            {(eligibility ?? []).map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      )}
      {match && match.missing.length > 0 && (
        <>
          <h3>Keywords your CV does not show</h3>
          <p className="item-meta">Add one only where it is true for you: choose where, in your own words.</p>
          <ul className="have-this-list" aria-label="Missing keywords">
            {match.missing.map((keyword) => (
              <li key={keyword} className="have-this-chip">
                {keyword}
                {canAdd && (
                  <button type="button" aria-label={`I have ${keyword}`} onClick={() => onHave(keyword)}>
                    I have this
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Posting</h3>
      <div className="posting-text">{highlightedPosting(postingText, match?.requirements ?? [])}</div>
    </>
  );
});

interface JobPanelProps {
  job: JobRecord;
  onClose: () => void;
  cv?: Cv | null;
  /** Adds what the person says they have to the CV shown (the tailored CV in review); else to the open CV. */
  onAddStatement?: (target: StatementTarget, text: string) => void;
}

/** The panel for one job; matched against `cv` when given (the tailored CV), else the open CV. */
export function JobPanel({ job, onClose, cv, onAddStatement }: JobPanelProps) {
  const openDraft = useWorkspace((state) => (cv ? null : state.draft));
  // Matching follows the typing one frame late: the keystroke is painted first, and the panel
  // (memoised) re-renders only once the CV it shows has settled.
  const draft = useAfterPaint(cv ?? openDraft);
  return <JobPanelView job={job} onClose={onClose} cv={draft} onAddStatement={onAddStatement} />;
}

const JobPanelView = memo(function JobPanelView({ job, onClose, cv: draft, onAddStatement }: JobPanelProps) {
  const view = useWorkspace((state) => state.view);
  const setView = useWorkspace((state) => state.setView);
  const setJobStatus = useWorkspace((state) => state.setJobStatus);
  const deleteJob = useWorkspace((state) => state.deleteJob);
  const [isConfirmingDelete, setConfirmingDelete] = useState(false);
  const editDraft = useWorkspace((state) => state.editDraft);
  const [having, setHaving] = useState<string | null>(null);
  const addHere =
    onAddStatement ??
    ((target: StatementTarget, text: string) =>
      editDraft((copy) => Object.assign(copy, addStatement(copy, target, text))));
  const [isRenaming, setRenaming] = useState(false);
  const analysis = job.analysis;
  // Until the dictionary has loaded no match is shown, rather than one computed without it.
  const dictionary = useSkillsDictionary();
  const match = useMemo(
    () => (draft && analysis && dictionary ? matchCv(draft, analysis, dictionary) : null),
    [draft, analysis, dictionary],
  );

  return (
    <aside className="side-panel job-panel" aria-labelledby="job-title">
      <header className="side-panel-header">
        <div>
          <h2 id="job-title">{jobTitle(job)}</h2>
          <p className="item-meta">
            {[jobCompany(job), analysis?.location, analysis?.seniority].filter(Boolean).join(' · ')}
          </p>
        </div>
        <button type="button" className="icon" aria-label="Close the job panel" onClick={onClose}>
          ×
        </button>
      </header>
      {view !== 'review' && (
        <button type="button" className="primary tailor-open" onClick={() => setView('review')}>
          {job.proposal ? 'Review tailoring' : 'Tailor CV for this job'}
        </button>
      )}
      <div className="job-status">
        <label htmlFor="job-status">Status</label>
        <select
          id="job-status"
          value={job.status}
          onChange={(event) => void setJobStatus(event.target.value as JobStatus)}
        >
          {JOB_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status[0].toUpperCase() + status.slice(1)}
            </option>
          ))}
        </select>
        <span className="job-links">
          <button type="button" className="link" onClick={() => setRenaming(true)}>
            Rename…
          </button>
          {view !== 'review' && (
            <button type="button" className="link danger-link" onClick={() => setConfirmingDelete(true)}>
              Delete job…
            </button>
          )}
        </span>
      </div>
      {isRenaming && <RenameJobDialog job={job} onClose={() => setRenaming(false)} />}
      {isConfirmingDelete && (
        <ConfirmDialog
          title="Delete this job?"
          confirmLabel="Delete job"
          onConfirm={() => void deleteJob(job.id)}
          onClose={() => setConfirmingDelete(false)}
        >
          <p>
            The posting, its tailored versions ({job.tailored.length}) and letters ({job.letters.length}) are
            removed. Your master CV is not changed.
          </p>
        </ConfirmDialog>
      )}
      <MatchDetails
        match={match}
        eligibility={analysis?.eligibility}
        postingText={job.postingText}
        canAdd={!!draft}
        onHave={setHaving}
      />
      {having && draft && match && match.missing.length > 0 && (
        <HaveThisDialog
          keyword={having}
          cv={draft}
          destination={onAddStatement ? 'the tailored CV' : 'my CV'}
          onAdd={addHere}
          onClose={() => setHaving(null)}
        />
      )}
    </aside>
  );
});
