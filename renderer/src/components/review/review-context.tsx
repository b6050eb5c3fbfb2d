/**
 * Gives the review components the review store of the open job.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ReviewStore, ReviewStoreState } from '../../state/review-store';

/** The review store of the open job. */
export const ReviewContext = createContext<ReviewStore | null>(null);

/** Selects a slice of the review state. */
export function useReview<T>(selector: (state: ReviewStoreState) => T): T {
  const store = useContext(ReviewContext);
  if (!store) throw new Error('useReview outside ReviewContext');
  return useStore(store, selector);
}

/** The review store itself, for event handlers that read the latest state. */
export function useReviewStore(): ReviewStore {
  const store = useContext(ReviewContext);
  if (!store) throw new Error('useReviewStore outside ReviewContext');
  return store;
}
