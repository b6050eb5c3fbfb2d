/**
 * Gives components the workspace store built at start.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { CvTailorApi } from '../../../shared/contract';
import type { WorkspaceState, WorkspaceStore } from './workspace-store';

/** The store of this window. */
export const StoreContext = createContext<WorkspaceStore | null>(null);

/** Selects a slice of the workspace state. */
export function useWorkspace<T>(selector: (state: WorkspaceState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useWorkspace outside StoreContext');
  return useStore(store, selector);
}

/** The API of this window, for components that call services directly (export). */
export const ApiContext = createContext<CvTailorApi | null>(null);

/** The contract API. */
export function useApi(): CvTailorApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}
