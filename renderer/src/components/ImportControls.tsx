/**
 * Importing a CV file: the button and file picker, dropping a file on the window, the
 * password prompt for protected PDFs, and the progress indicator.
 */
import { useEffect, useRef, useState } from 'react';
import { useWorkspace } from '../state/store-context';
import { Dialog } from './Dialog';

/** File types offered in the picker (content is checked by the importer, not the extension). */
export const CV_FILE_TYPES =
  '.pdf,.docx,.md,.markdown,.txt,.json,.zip,application/pdf,application/json,text/plain,text/markdown,application/zip';

/** The "Import" button for the sidebar. */
export function ImportButton() {
  const importFile = useWorkspace((state) => state.importFile);
  const importing = useWorkspace((state) => state.importing);
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="secondary small" disabled={!!importing} onClick={() => input.current?.click()}>
        {importing ? 'Importing…' : 'Import file'}
      </button>
      <input
        ref={input}
        type="file"
        accept={CV_FILE_TYPES}
        hidden
        aria-label="CV file to import"
        data-testid="import-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
    </>
  );
}

/** Drop target over the whole window, the password prompt and the progress line. */
export function ImportOverlays() {
  const importFile = useWorkspace((state) => state.importFile);
  const importing = useWorkspace((state) => state.importing);
  const pending = useWorkspace((state) => state.pendingImport);
  const cancel = useWorkspace((state) => state.cancelPendingImport);
  const [isDragging, setDragging] = useState(false);
  const [password, setPassword] = useState('');

  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) void importFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [importFile]);

  return (
    <>
      {isDragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop your CV to import it (PDF, Word, Markdown, text or JSON Resume)</p>
        </div>
      )}
      {importing && (
        <div className="progress-line" role="status">
          <span className="spinner" aria-hidden="true" /> Reading {importing}…
        </div>
      )}
      {pending && (
        <Dialog
          title="This PDF is protected"
          onClose={() => {
            setPassword('');
            cancel();
          }}
          actions={
            <>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setPassword('');
                  cancel();
                }}
              >
                Cancel
              </button>
              <button type="submit" form="password-form" className="primary" disabled={!password}>
                Open
              </button>
            </>
          }
        >
          <form
            id="password-form"
            onSubmit={(event) => {
              event.preventDefault();
              const value = password;
              setPassword('');
              void importFile(pending.file, value);
            }}
          >
            <p>{pending.message}</p>
            <label htmlFor="pdf-password">Password for {pending.file.name}</label>
            <input id="pdf-password" type="password" autoComplete="off" value={password} onChange={(event) => setPassword(event.target.value)} />
          </form>
        </Dialog>
      )}
    </>
  );
}
