/**
 * Adding a job: paste the posting, or open a posting file.
 */
import { useRef, useState } from 'react';
import { useWorkspace } from '../state/store-context';
import { Dialog } from './Dialog';

/** File types offered for postings. */
const POSTING_FILE_TYPES = '.txt,.md,.markdown,.html,.htm,.pdf,.docx,.json,text/plain,text/html,application/pdf';

/** The dialog. */
export function AddJobDialog({ onClose }: { onClose: (isAdded?: boolean) => void }) {
  const addJobFromText = useWorkspace((state) => state.addJobFromText);
  const addJobFromFile = useWorkspace((state) => state.addJobFromFile);
  const [text, setText] = useState('');
  const [isBusy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const run = async (work: () => Promise<boolean>) => {
    setBusy(true);
    const ok = await work();
    setBusy(false);
    if (ok) onClose(true);
  };

  return (
    <Dialog
      title="Add a job"
      onClose={() => onClose()}
      actions={
        <>
          <button type="button" className="secondary" onClick={() => input.current?.click()} disabled={isBusy}>
            Open a file…
          </button>
          <span className="spacer" />
          <button type="button" className="secondary" onClick={() => onClose()}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!text.trim() || isBusy} onClick={() => void run(() => addJobFromText(text))}>
            {isBusy ? 'Reading…' : 'Add job'}
          </button>
        </>
      }
    >
      <label htmlFor="posting-text">Paste the job posting</label>
      <textarea
        id="posting-text"
        className="posting-input"
        rows={12}
        value={text}
        placeholder="Paste the whole posting: title, company, requirements…"
        onChange={(event) => setText(event.target.value)}
      />
      <p className="item-meta">Or open a .txt, .md, .html, .pdf or .docx file. The posting stays on this computer.</p>
      <input
        ref={input}
        type="file"
        hidden
        accept={POSTING_FILE_TYPES}
        aria-label="Job posting file"
        data-testid="job-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void run(() => addJobFromFile(file));
        }}
      />
    </Dialog>
  );
}
