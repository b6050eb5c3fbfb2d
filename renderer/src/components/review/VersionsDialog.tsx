/**
 * The tailored CV's versions for a job: save as, compare any two (word diff), restore.
 */
import { useMemo, useState } from 'react';
import type { Cv } from '../../../../shared/model/cv';
import { diffCvs } from '../../../../shared/review/word-diff';
import { Dialog } from '../Dialog';
import { formatWhen } from '../format';
import { DiffText } from './DiffText';
import { useReview } from './review-context';

const CURRENT = 'current';

/** Lists the versions; two are chosen for comparison (the current CV counts as one). */
export function VersionsDialog({ onClose }: { onClose: () => void }) {
  const job = useReview((state) => state.job);
  const present = useReview((state) => state.history?.present.cv ?? null);
  const saveVersion = useReview((state) => state.saveVersion);
  const restoreVersion = useReview((state) => state.restoreVersion);
  const versions = useMemo(() => [...(job?.tailored ?? [])].reverse(), [job]);
  const [label, setLabel] = useState('');
  const [left, setLeft] = useState<string>(versions[0]?.id ?? CURRENT);
  const [right, setRight] = useState<string>(CURRENT);

  const cvOf = (id: string): Cv | null => (id === CURRENT ? present : (versions.find((version) => version.id === id)?.cv ?? null));
  const before = cvOf(left);
  const after = cvOf(right);
  const diffs = useMemo(() => (before && after ? diffCvs(before, after) : []), [before, after]);
  const options = [{ id: CURRENT, label: 'Current tailored CV', createdAt: '' }, ...versions];

  return (
    <Dialog
      title="Versions of the tailored CV"
      wide
      onClose={onClose}
      actions={
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      }
    >
      <form
        className="save-as"
        onSubmit={(event) => {
          event.preventDefault();
          void saveVersion(label).then(() => setLabel(''));
        }}
      >
        <label htmlFor="version-label">Save the current CV as</label>
        <input id="version-label" value={label} placeholder="e.g. Sent to Brightwave" onChange={(event) => setLabel(event.target.value)} />
        <button type="submit" className="primary">
          Save version
        </button>
      </form>
      <div className="versions-layout">
        <table className="versions-table">
          <caption className="visually-hidden">Versions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">
                <span className="visually-hidden">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {options.map((version) => (
              <tr key={version.id}>
                <td>
                  <span className="item-title">{version.label}</span>
                  {version.createdAt && <span className="item-meta"> {formatWhen(version.createdAt)}</span>}
                </td>
                <td>
                  <input type="radio" name="compare-from" aria-label={`Compare from ${version.label}`} checked={left === version.id} onChange={() => setLeft(version.id)} />
                </td>
                <td>
                  <input type="radio" name="compare-to" aria-label={`Compare to ${version.label}`} checked={right === version.id} onChange={() => setRight(version.id)} />
                </td>
                <td>
                  {version.id !== CURRENT && (
                    <button type="button" className="secondary small" aria-label={`Restore ${version.label} ${formatWhen(version.createdAt)}`} onClick={() => void restoreVersion(version.id)}>
                      Restore
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <section className="compare" aria-label="Comparison">
          {diffs.length === 0 ? (
            <p className="item-meta">The two versions are the same.</p>
          ) : (
            <ul className="compare-list">
              {diffs.map((diff) => (
                <li key={diff.key}>
                  <p className="item-meta">{diff.label}</p>
                  <p className="compare-text">
                    <DiffText parts={diff.parts} />
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Dialog>
  );
}
