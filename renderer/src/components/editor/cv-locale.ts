/**
 * The CV's locale for the editor, so a date typed as 2019-03 shows how the CV will read it.
 */
import { createContext } from 'react';
import { DEFAULT_CV_LOCALE, formatCvDate } from '../../../../shared/format/dates';

/** The locale of the CV being edited. */
export const CvLocaleContext = createContext<string>(DEFAULT_CV_LOCALE);

/** "Shown as Mar 2019" for a JSON Resume date; how to write it for anything else; none when empty. */
export function dateHint(value: string | undefined, locale: string): string | undefined {
  const text = (value ?? '').trim();
  if (!text) return undefined;
  if (!/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(text)) return 'Write it as YYYY-MM (2019-03) or YYYY';
  const shown = formatCvDate(text, locale);
  return shown === text ? undefined : `Shown as ${shown}`;
}
