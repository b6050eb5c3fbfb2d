/**
 * Renaming a job: the title and company it is listed under (the posting itself is not changed).
 */
import { useId, useState } from 'react';
import { jobCompany, jobTitle } from '../../../shared/library/jobs';
import type { JobRecord } from '../../../shared/model/library';
import { useWorkspace } from '../state/store-context';
import { Dialog } from './Dialog';

/** The dialog; closes once the new names are saved, and says why when they are refused. */
export function RenameJobDialog({ job, onClose }: { job: JobRecord; onClose: () => void }) {
  const renameJob = useWorkspace((state) => state.renameJob);
  const [title, setTitle] = useState(jobTitle(job));
  const [company, setCompany] = useState(jobCompany(job));
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const formId = useId();
  const titleId = useId();
  const companyId = useId();
  const problemId = useId();

  const save = async () => {
    setSaving(true);
    const refused = await renameJob(job.id, { title, company });
    setSaving(false);
    if (refused) setProblem(refused);
    else onClose();
  };

  return (
    <Dialog
      title="Rename job"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="primary" disabled={!title.trim() || isSaving}>
            {isSaving ? 'Saving…' : 'Rename'}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="rename-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (title.trim()) void save();
        }}
      >
        <label htmlFor={titleId}>Title</label>
        <input
          id={titleId}
          value={title}
          maxLength={200}
          required
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
          onChange={(event) => {
            setTitle(event.target.value);
            setProblem(null);
          }}
        />
        <label htmlFor={companyId}>Company</label>
        <input
          id={companyId}
          value={company}
          maxLength={200}
          onChange={(event) => setCompany(event.target.value)}
        />
        <p className="item-meta">
          The posting itself stays as it was; its words still find this job in the search.
        </p>
        {problem && (
          <p id={problemId} className="form-error" role="alert">
            {problem}
          </p>
        )}
      </form>
    </Dialog>
  );
}
