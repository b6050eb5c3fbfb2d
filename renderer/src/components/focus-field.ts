/**
 * Moving focus to the editor control of a CV field, from panels beside the editor.
 */

/**
 * The control of a part of a path (`basics.location` → its city field): the first one that holds
 * text, or the first one.
 */
function innerControlFor(path: string): HTMLElement | null {
  const inner = [...document.querySelectorAll<HTMLElement>('[data-path]')].filter((element) => {
    const own = element.dataset.path ?? '';
    return own.startsWith(`${path}.`) || own.startsWith(`${path}[`);
  });
  const filled = inner.find((element) => 'value' in element && String(element.value).trim() !== '');
  return filled ?? inner[0] ?? null;
}

/**
 * The editor control of a JSON Resume path; else of a part of it; else of its nearest ancestor
 * that has one.
 */
function controlFor(path: string): HTMLElement | null {
  const own = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`) ?? innerControlFor(path);
  if (own) return own;
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
