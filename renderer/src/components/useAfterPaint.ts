/**
 * Lets costly views (the live match, date hints) follow a value one frame late, so what was
 * typed shows first and what depends on it follows.
 */
import { startTransition, useEffect, useState } from 'react';

/** Runs `work` once the next frame has been painted; returns a function that cancels it. */
export function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    // The animation frame runs just before the paint; a task queued from it runs after.
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * The value as it was at the last painted frame: the first render gets `value` itself, later
 * changes arrive after the frame that shows them is painted, as an interruptible update (a
 * newer keystroke goes first). Rapid changes collapse into one update with the newest value.
 */
export function useAfterPaint<T>(value: T): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(settled, value)) return undefined;
    return afterNextPaint(() => startTransition(() => setSettled(value)));
  }, [value, settled]);
  return settled;
}
