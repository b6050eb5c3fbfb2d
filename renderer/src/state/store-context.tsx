/**
 * Gives components the workspace store built at start.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { WorkspaceState, WorkspaceStore } from './workspace-store';

/** The store of this window. */
export const StoreContext = createContext<WorkspaceStore | null>(null);

/** Selects a slice of the workspace state. */
export function useWorkspace<T>(selector: (state: WorkspaceState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useWorkspace outside StoreContext');
  return useStore(store, selector);
}
