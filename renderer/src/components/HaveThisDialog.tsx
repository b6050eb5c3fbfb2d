/**
 * "I have this": the person adds a keyword the posting asks for, where it is true for them —
 * a sentence of their own in one of their entries, or the keyword in a skill group.
 */
import { useId, useMemo, useState } from 'react';
import type { Cv } from '../../../shared/model/cv';
import { namesKeyword, statementPlaces, type StatementTarget } from '../../../shared/tailor/statement';
import { Dialog } from './Dialog';
import '../styles/have-this.css';

interface HaveThisDialogProps {
  keyword: string;
  cv: Cv;
  /** Where the statement goes in words ("your tailored CV for this job", "your CV"). */
  destination: string;
  onAdd: (target: StatementTarget, text: string) => void;
  onClose: () => void;
}

/** Asks where a keyword is true and for the person's own sentence, then adds it. */
export function HaveThisDialog({ keyword, cv, destination, onAdd, onClose }: HaveThisDialogProps) {
  const places = useMemo(() => statementPlaces(cv), [cv]);
  const [placeId, setPlaceId] = useState(places[0]?.id ?? '');
  const place = places.find((candidate) => candidate.id === placeId);
  const isSkill = place?.target.kind === 'skills';
  const [sentence, setSentence] = useState('');
  const text = isSkill ? keyword : sentence.trim();
  const problem = !place
    ? 'Choose where it is true.'
    : !isSkill && !text
      ? 'Write the sentence in your own words.'
      : !isSkill && !namesKeyword(text, keyword)
        ? `Name “${keyword}” in the sentence, so the posting's reader finds it.`
        : null;
  const [tried, setTried] = useState(false);
  const id = useId();

  const add = () => {
    setTried(true);
    if (problem || !place) return;
    onAdd(place.target, text);
    onClose();
  };

  return (
    <Dialog
      title={`Add “${keyword}” where it is true`}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={add}>
            Add to {destination}
          </button>
        </>
      }
    >
      <p className="item-meta">
        The posting asks for “{keyword}” and your CV does not show it. Add it only if it is true for you:
        nothing is added unless you write or confirm it.
      </p>
      <div className="field">
        <label htmlFor={`${id}-place`}>Where is it true?</label>
        <select id={`${id}-place`} value={placeId} onChange={(event) => setPlaceId(event.target.value)}>
          {places.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </select>
      </div>
      {isSkill ? (
        <p className="have-this-preview">“{keyword}” is added to this skill group as you see it here.</p>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-sentence`}>Your sentence (a new bullet of this entry)</label>
          <textarea
            id={`${id}-sentence`}
            value={sentence}
            rows={3}
            placeholder={`How you used ${keyword} there, e.g. “Used ${keyword} to …”`}
            aria-invalid={tried && !!problem}
            aria-describedby={tried && problem ? 'have-this-problem' : undefined}
            onChange={(event) => setSentence(event.target.value)}
          />
        </div>
      )}
      {tried && problem && (
        <p id="have-this-problem" className="field-error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
