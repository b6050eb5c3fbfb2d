/**
 * Gives components the queue store built at start.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { QueueState, QueueStore } from './queue-store';

/** The queue store of this window. */
export const QueueStoreContext = createContext<QueueStore | null>(null);

/** Selects a slice of the queue state. */
export function useQueue<T>(selector: (state: QueueState) => T): T {
  const store = useContext(QueueStoreContext);
  if (!store) throw new Error('useQueue outside QueueStoreContext');
  return useStore(store, selector);
}
