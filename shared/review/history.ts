/**
 * Undo and redo over immutable snapshots.
 *
 * Each step stores a whole state; states share structure (the CV helpers copy only what they
 * change), so a long history stays small. Typing in one field coalesces into one step.
 */

/** The history of a value. */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** Key of the last step when it may absorb the next one (typing in one field). */
  coalesceKey: string | null;
}

/** Most steps kept; older ones drop off. */
export const HISTORY_LIMIT = 200;

/** Starts a history at a state. */
export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], coalesceKey: null };
}

/**
 * Records a new present state. Clears the redo steps.
 *
 * With a `coalesceKey` equal to the previous step's, the new state replaces that step instead of
 * adding one, so a word typed in a field undoes as one edit.
 */
export function pushHistory<T>(history: History<T>, next: T, coalesceKey: string | null = null, limit = HISTORY_LIMIT): History<T> {
  if (next === history.present) return history;
  if (coalesceKey !== null && coalesceKey === history.coalesceKey && history.past.length > 0) {
    return { past: history.past, present: next, future: [], coalesceKey };
  }
  const past = [...history.past, history.present];
  while (past.length > limit) past.shift();
  return { past, present: next, future: [], coalesceKey };
}

/** Goes back one step; unchanged when there is nothing to undo. */
export function undoHistory<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (history.past.length === 0) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], coalesceKey: null };
}

/** Goes forward one step; unchanged when there is nothing to redo. */
export function redoHistory<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history;
  const [next, ...rest] = history.future;
  return { past: [...history.past, history.present], present: next, future: rest, coalesceKey: null };
}

/** Ends coalescing, so the next edit starts a new step (e.g. when a field loses focus). */
export function sealHistory<T>(history: History<T>): History<T> {
  return history.coalesceKey === null ? history : { ...history, coalesceKey: null };
}
