/**
 * The keyboard shortcuts of the review, opened with `?`.
 */
import { Dialog } from '../Dialog';

/** Shortcut keys and what they do. */
export const REVIEW_SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ['J', 'Alt+↓'], action: 'Next change' },
  { keys: ['K', 'Alt+↑'], action: 'Previous change' },
  { keys: ['A'], action: 'Accept (or keep) the current change' },
  { keys: ['R'], action: 'Reject (or remove) the current change' },
  { keys: ['E', 'Enter'], action: 'Edit the current change’s text' },
  { keys: ['Esc'], action: 'Leave the text field' },
  { keys: ['Ctrl+Z'], action: 'Undo' },
  { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], action: 'Redo' },
  { keys: ['Ctrl+B'], action: 'Show or hide the library' },
  { keys: ['?'], action: 'Show this help' },
];

/** The help dialog. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={onClose}
      actions={
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <dl className="shortcuts">
        {REVIEW_SHORTCUTS.map((item) => (
          <div key={item.action} className="shortcut">
            <dt>
              {item.keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && ' or '}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{item.action}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
