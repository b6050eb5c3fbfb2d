/**
 * Starting a tailoring run: intensity, with the model or without AI, the plan of what is sent
 * before the first remote run, then progress with Cancel and the changes as they arrive.
 */
import { useState } from 'react';
import { INTENSITIES, type TailorIntensity } from '../../../../shared/model/library';
import { countOf } from '../../../../shared/format/plural';
import type { TailorPlan } from '../../state/review-store';
import { ConfirmDialog } from '../ConfirmDialog';
import { Dialog } from '../Dialog';
import { useReview } from './review-context';
import { useTailorPlan } from './use-tailor-plan';
import { changeLabel } from './TailoredPane';

const CONFIRMED_KEY = 'cv-tailor-remote-confirmed';

function wasConfirmed(provider: string): boolean {
  try {
    return (JSON.parse(localStorage.getItem(CONFIRMED_KEY) ?? '[]') as string[]).includes(provider);
  } catch {
    return false;
  }
}

function rememberConfirmed(provider: string): void {
  try {
    const list = JSON.parse(localStorage.getItem(CONFIRMED_KEY) ?? '[]') as string[];
    localStorage.setItem(CONFIRMED_KEY, JSON.stringify([...new Set([...list, provider])]));
  } catch {
    // Storage may be unavailable; the plan is then shown again next time, which is safe.
  }
}

/** What a remote run sends, asked before the first one. */
function PlanDialog({ plan, onProceed, onClose }: { plan: TailorPlan; onProceed: () => void; onClose: () => void }) {
  return (
    <Dialog
      title="Send your CV to a remote model?"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={onProceed}>
            Send and tailor
          </button>
        </>
      }
    >
      <p>
        Tailoring will send data to <strong>{plan.provider}</strong>, which runs outside this computer.
      </p>
      {plan.included.length > 0 && (
        <>
          <h3 className="plan-heading">Sent</h3>
          <ul className="plan-list">
            {plan.included.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      )}
      {plan.replaced.length > 0 && (
        <>
          <h3 className="plan-heading">Replaced by placeholders (restored in the result)</h3>
          <ul className="plan-list">
            {plan.replaced.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      )}
      {plan.sentAsIs.length > 0 && (
        <>
          <h3 className="plan-heading">Sent as written</h3>
          <ul className="plan-list">
            {plan.sentAsIs.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      )}
      <p className="item-meta">{plan.anonymized ? 'Personal details are replaced before sending.' : 'Personal details are sent as they are (see Settings to replace them).'}</p>
    </Dialog>
  );
}

/** The run controls and, while a run goes, its progress. */
export function TailorBar() {
  const cvId = useReview((state) => state.cvId);
  const task = useReview((state) => state.task);
  const tailor = useReview((state) => state.tailor);
  const cancel = useReview((state) => state.cancel);
  const runError = useReview((state) => state.runError);
  const [intensity, setIntensity] = useState<TailorIntensity>('balanced');
  const plan = useTailorPlan(cvId);
  const [isAsking, setAsking] = useState(false);
  const [again, setAgain] = useState<{ useModel: boolean } | null>(null);
  const decided = useReview((state) => Object.keys(state.history?.present.decisions ?? {}).length);
  const edited = useReview((state) => (state.history?.past.length ?? 0) > 0);
  const proposed = useReview((state) => state.job?.proposal?.changes.length ?? 0);

  const start = (useModel: boolean, confirmed = false) => {
    if (!confirmed && (decided > 0 || edited)) {
      setAgain({ useModel });
      return;
    }
    if (useModel && plan?.kind === 'remote' && plan.provider && !wasConfirmed(plan.provider)) {
      setAsking(true);
      return;
    }
    void tailor(intensity, useModel);
  };

  const hasModel = plan?.mode === 'ai';
  const running = task?.kind === 'tailor' ? task : null;

  return (
    <div className="tailor-bar">
      <div className="tailor-controls" role="group" aria-label="Tailoring">
        <fieldset className="segmented intensity" disabled={!!task}>
          <legend className="visually-hidden">Intensity</legend>
          {INTENSITIES.map((value) => (
            <label key={value} className={`seg ${intensity === value ? 'is-on' : ''}`}>
              <input type="radio" name="intensity" value={value} checked={intensity === value} onChange={() => setIntensity(value)} />
              {value[0].toUpperCase() + value.slice(1)}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          className="primary"
          disabled={!!task || !hasModel}
          title={hasModel ? `Tailor with ${plan?.provider}` : 'Choose a model in Settings to tailor with AI'}
          onClick={() => start(true)}
        >
          Tailor
        </button>
        <button type="button" className="secondary" disabled={!!task} onClick={() => start(false)}>
          Tailor without AI
        </button>
        {!hasModel && plan && <span className="item-meta">No model chosen: Settings → Model.</span>}
      </div>
      {running && (
        <div className="run-progress" role="status" aria-live="polite">
          <progress
            className="run-bar"
            max={1}
            value={running.fraction ?? undefined}
            aria-label={`Tailoring: ${running.detail}`}
          />
          <span className="run-detail">
            {running.detail}
            {running.arriving.length > 0 && ` · ${countOf(running.arriving.length, 'change')} so far`}
          </span>
          <button type="button" className="secondary small" onClick={() => void cancel()}>
            Cancel
          </button>
        </div>
      )}
      {running && running.arriving.length > 0 && (
        <ul className="arriving" aria-label="Changes arriving">
          {running.arriving.map((change) => (
            <li key={change.id} className={`arriving-item change-${change.status}`}>
              <strong>{changeLabel(change)}</strong> <span className="item-meta">{change.op === 'reorder' ? 'new order' : change.replacement.slice(0, 90)}</span>
            </li>
          ))}
        </ul>
      )}
      {runError?.kind === 'tailor' && !task && (
        <p className="run-error" role="alert">
          {runError.message}
        </p>
      )}
      {again && (
        <ConfirmDialog
          title="Tailor this job again?"
          confirmLabel="Tailor again"
          onClose={() => setAgain(null)}
          onConfirm={() => start(again.useModel, true)}
        >
          <p>
            {decided > 0
              ? `You have decided on ${decided} of ${countOf(proposed, 'change')}.`
              : 'You have edited the tailored CV.'}{' '}
            Tailoring again starts a new review.
          </p>
          <p>
            Your current review is kept as the version “Review before tailoring again”, and <strong>Undo tailoring</strong> brings it
            back with your decisions.
          </p>
        </ConfirmDialog>
      )}
      {isAsking && plan && (
        <PlanDialog
          plan={plan}
          onClose={() => setAsking(false)}
          onProceed={() => {
            if (plan.provider) rememberConfirmed(plan.provider);
            setAsking(false);
            void tailor(intensity, true);
          }}
        />
      )}
    </div>
  );
}
