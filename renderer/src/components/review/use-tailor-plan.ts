/**
 * What a run would use for a CV: the model from Settings (and what it sends), or none.
 */
import { useEffect, useState } from 'react';
import { useApi } from '../../state/store-context';
import type { TailorPlan } from '../../state/review-store';

/** The tailoring plan of a CV; null while loading or when it cannot be read. */
export function useTailorPlan(cvId: string | null): TailorPlan | null {
  const api = useApi();
  const [plan, setPlan] = useState<TailorPlan | null>(null);
  useEffect(() => {
    if (!cvId) return;
    let live = true;
    api
      .getTailorPlan({ cvId })
      .then((result) => live && setPlan(result))
      .catch(() => live && setPlan(null));
    return () => {
      live = false;
    };
  }, [api, cvId]);
  return plan;
}
