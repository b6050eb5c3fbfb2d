/**
 * The bar above the editor: the CV's name, its save state, and what can be done with it.
 */
import { useState } from 'react';
import { countOf } from '../../../shared/format/plural';
import { useWorkspace } from '../state/store-context';
import type { SaveState } from '../state/workspace-store';
import { ConfirmDialog } from './ConfirmDialog';
import { Dialog } from './Dialog';
import { ExportDialog } from './ExportDialog';
import { MenuButton } from './MenuButton';
import { formatWhen } from './format';

const SAVE_LABELS: Record<SaveState, string> = {
  saved: 'All changes saved',
  pending: 'Editing…',
  saving: 'Saving…',
  error: 'Not saved — will retry on next change',
};

type OpenDialog = 'rename' | 'delete' | 'history' | 'export' | null;

/** The export dialog of the open CV's draft (subscribed here, so the header does not re-render on every keystroke). */
function DraftExportDialog({ baseName, onClose }: { baseName: string; onClose: () => void }) {
  const draft = useWorkspace((state) => state.draft);
  return draft ? <ExportDialog cv={draft} baseName={baseName} onClose={onClose} /> : null;
}

/** Name, save state and actions of the open CV. */
export function CvHeader() {
  const openCv = useWorkspace((state) => state.openCv);
  const saveState = useWorkspace((state) => state.saveState);
  const renameCv = useWorkspace((state) => state.renameCv);
  const duplicateCv = useWorkspace((state) => state.duplicateCv);
  const deleteCv = useWorkspace((state) => state.deleteCv);
  const restoreVersion = useWorkspace((state) => state.restoreVersion);
  const sidePanel = useWorkspace((state) => state.sidePanel);
  const setSidePanel = useWorkspace((state) => state.setSidePanel);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [name, setName] = useState('');
  if (!openCv) return null;

  const versions = [...openCv.versions].reverse();
  return (
    <header className="cv-header">
      <div className="cv-title">
        <h1 title={openCv.name}>{openCv.name}</h1>
        <span className={`save-state save-${saveState}`} role="status" aria-live="polite">
          {SAVE_LABELS[saveState]}
        </span>
      </div>
      <div className="toolbar" role="toolbar" aria-label="CV actions">
        {openCv.importReport && (
          <button
            type="button"
            className="secondary"
            aria-pressed={sidePanel === 'report'}
            onClick={() => setSidePanel(sidePanel === 'report' ? null : 'report')}
          >
            How it was read
          </button>
        )}
        <button type="button" className="secondary" onClick={() => setDialog('history')}>
          History ({openCv.versions.length})
        </button>
        <MenuButton
          label="More"
          items={[
            {
              label: 'Rename…',
              onSelect: () => {
                setName(openCv.name);
                setDialog('rename');
              },
            },
            { label: 'Duplicate', onSelect: () => void duplicateCv(openCv.id) },
            { label: 'Delete…', onSelect: () => setDialog('delete'), isDanger: true },
          ]}
        />
        <button type="button" className="primary" onClick={() => setDialog('export')}>
          Export…
        </button>
      </div>

      {dialog === 'export' && <DraftExportDialog baseName={openCv.name} onClose={() => setDialog(null)} />}

      {dialog === 'rename' && (
        <Dialog
          title="Rename CV"
          onClose={() => setDialog(null)}
          actions={
            <>
              <button type="button" className="secondary" onClick={() => setDialog(null)}>
                Cancel
              </button>
              <button type="submit" form="rename-form" className="primary" disabled={!name.trim()}>
                Rename
              </button>
            </>
          }
        >
          <form
            id="rename-form"
            onSubmit={(event) => {
              event.preventDefault();
              void renameCv(openCv.id, name).then(() => setDialog(null));
            }}
          >
            <label htmlFor="rename-input">Name</label>
            <input id="rename-input" value={name} onChange={(event) => setName(event.target.value)} />
          </form>
        </Dialog>
      )}

      {dialog === 'delete' && (
        <ConfirmDialog
          title={`Delete “${openCv.name}”?`}
          confirmLabel="Delete CV"
          onConfirm={() => void deleteCv(openCv.id)}
          onClose={() => setDialog(null)}
        >
          <p>The CV and its {countOf(openCv.versions.length, 'saved version')} are removed. Jobs tailored from it keep their own copies.</p>
        </ConfirmDialog>
      )}

      {dialog === 'history' && (
        <Dialog
          title="Version history"
          onClose={() => setDialog(null)}
          actions={
            <button type="button" className="secondary" onClick={() => setDialog(null)}>
              Close
            </button>
          }
        >
          <p className="hint">Restoring keeps what you have now as a version, so nothing is lost.</p>
          <ol className="version-list">
            {versions.map((version) => (
              <li key={version.id}>
                <div>
                  <strong>{version.label}</strong>
                  <span className="item-meta"> · {formatWhen(version.createdAt)}</span>
                </div>
                <button
                  type="button"
                  className="secondary"
                  aria-label={`Restore ${version.label} from ${formatWhen(version.createdAt)}`}
                  onClick={() => {
                    setDialog(null);
                    void restoreVersion(version.id);
                  }}
                >
                  Restore
                </button>
              </li>
            ))}
          </ol>
        </Dialog>
      )}
    </header>
  );
}
