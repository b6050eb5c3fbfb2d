/**
 * Whether a media query matches the window now, updated as the window is resized.
 */
import { useSyncExternalStore } from 'react';

/** True while `query` (e.g. "(min-width: 1200px)") matches. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}

/** The narrowest window in which the library sidebar stays open beside the content. */
export const WIDE_WINDOW_QUERY = '(min-width: 1200px)';
