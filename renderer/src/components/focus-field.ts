/**
 * Moving focus to the editor control of a CV field, from panels beside the editor.
 */

/** The editor control of a JSON Resume path, or of its nearest ancestor that has one. */
function controlFor(path: string): HTMLElement | null {
  let current = path;
  for (;;) {
    const found = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(current)}"]`);
    if (found) return found;
    const parent = current.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (parent === current || !parent) return null;
    current = parent;
  }
}

/** Scrolls the field into view and focuses it; returns false when the editor does not show it. */
export function focusField(path: string): boolean {
  const target = controlFor(path);
  if (!target) return false;
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  target.focus({ preventScroll: true });
  return true;
}
