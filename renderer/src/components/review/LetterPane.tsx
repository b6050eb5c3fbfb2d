/**
 * The cover letter beside the CV: tone and length, Write (with progress and Cancel), the letter
 * editable part by part, its truth-check findings, and its versions.
 */
import { useMemo, useState } from 'react';
import type { Letter } from '../../../../shared/model/library';
import { wordDiff } from '../../../../shared/review/word-diff';
import { formatWhen } from '../format';
import { DiffText } from './DiffText';
import { useReview } from './review-context';
import { useTailorPlan } from './use-tailor-plan';
import type { LetterLength, LetterTone } from '../../state/review-store';

function letterText(letter: Letter): string {
  return [letter.greeting, ...letter.paragraphs, letter.closing].join('\n\n');
}

/** The letter editor. */
export function LetterPane() {
  const job = useReview((state) => state.job);
  const letter = useReview((state) => state.letter);
  const task = useReview((state) => state.task);
  const write = useReview((state) => state.writeLetter);
  const cancel = useReview((state) => state.cancel);
  const edit = useReview((state) => state.editLetter);
  const restore = useReview((state) => state.restoreLetter);
  const findings = useReview((state) => state.letterFindings);
  const notes = useReview((state) => state.letterNotes);
  const saveState = useReview((state) => state.letterSaveState);
  const runError = useReview((state) => state.runError);
  const [tone, setTone] = useState<LetterTone>('formal');
  const [length, setLength] = useState<LetterLength>('standard');
  const versions = useMemo(() => [...(job?.letters ?? [])].reverse(), [job]);
  const [compareId, setCompareId] = useState<string>('');
  const compared = versions.find((version) => version.id === compareId);
  const running = task?.kind === 'letter' ? task : null;
  const plan = useTailorPlan(useReview((state) => state.cvId));
  // Without a model, the letter is drafted from the CV's own sentences (tone and length do not apply).
  const drafts = plan?.mode === 'no-ai';

  return (
    <div className="letter-pane">
      <div className="letter-controls" role="group" aria-label="Write the cover letter">
        {!drafts && (
          <>
        <label>
          Tone{' '}
          <select value={tone} onChange={(event) => setTone(event.target.value as LetterTone)}>
            <option value="formal">Formal</option>
            <option value="warm">Warm</option>
            <option value="direct">Direct</option>
          </select>
        </label>
        <label>
          Length{' '}
          <select value={length} onChange={(event) => setLength(event.target.value as LetterLength)}>
            <option value="short">Short</option>
            <option value="standard">Standard</option>
          </select>
        </label>
          </>
        )}
        <button
          type="button"
          className="primary"
          disabled={!!task || !plan}
          title={drafts ? 'Draft a letter from the sentences of your CV, without AI' : `Write with ${plan?.provider ?? 'the model'}`}
          onClick={() => void write(tone, length)}
        >
          {drafts ? (letter ? 'Draft again from my CV' : 'Draft from my CV') : letter ? 'Write again' : 'Write'}
        </button>
        <span className="item-meta save-state">{letter ? (saveState === 'saved' ? 'Saved' : saveState === 'error' ? 'Not saved' : 'Saving…') : ''}</span>
      </div>
      {running && (
        <div className="run-progress" role="status" aria-live="polite">
          <progress className="run-bar" max={1} value={running.fraction ?? undefined} aria-label={`Writing: ${running.detail}`} />
          <span className="run-detail">{running.detail}</span>
          <button type="button" className="secondary small" onClick={() => void cancel()}>
            Cancel
          </button>
        </div>
      )}
      {runError?.kind === 'letter' && !task && (
        <p className="run-error" role="alert">
          {runError.message}
        </p>
      )}
      {findings.length > 0 && (
        <ul className="findings" aria-label="Truth-check findings in the letter">
          {findings.map((finding, index) => (
            <li key={index} className="finding finding-review">
              <span className="finding-text">“{finding.text}”</span> {finding.message}
            </li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <ul className="letter-notes">
          {notes.map((note, index) => (
            <li key={index} className="item-meta">
              {note}
            </li>
          ))}
        </ul>
      )}
      {letter ? (
        <div className="letter-doc" aria-label="Cover letter">
          <textarea className="doc-input" aria-label="Greeting" value={letter.greeting} rows={1} onChange={(event) => edit({ ...letter, greeting: event.target.value })} />
          {letter.paragraphs.map((paragraph, index) => (
            <textarea
              key={index}
              className="doc-input letter-paragraph"
              aria-label={`Paragraph ${index + 1}`}
              value={paragraph}
              rows={3}
              onChange={(event) => edit({ ...letter, paragraphs: letter.paragraphs.map((item, position) => (position === index ? event.target.value : item)) })}
            />
          ))}
          <textarea className="doc-input" aria-label="Closing" value={letter.closing} rows={2} onChange={(event) => edit({ ...letter, closing: event.target.value })} />
        </div>
      ) : (
        !running && (
          <p className="item-meta letter-empty">
            {drafts
              ? 'No letter yet. Without a model, Draft builds one from the sentences of your CV that show what the posting asks for: nothing in it is new, and you can edit it freely. To write with AI, choose a model in Settings.'
              : 'No letter yet. Choose a tone and a length, then Write. It uses the model chosen in Settings.'}
          </p>
        )
      )}
      {versions.length > 0 && (
        <section className="letter-versions" aria-label="Letter versions">
          <h3>Versions</h3>
          <ul className="sidebar-list">
            {versions.map((version) => (
              <li key={version.id} className="letter-version">
                <span>
                  {version.label} <span className="item-meta">{formatWhen(version.createdAt)}</span>
                </span>
                <span>
                  <button type="button" className="link small" onClick={() => setCompareId(compareId === version.id ? '' : version.id)}>
                    {compareId === version.id ? 'Hide comparison' : 'Compare with current'}
                  </button>
                  <button type="button" className="link small" onClick={() => void restore(version.id)}>
                    Restore
                  </button>
                </span>
              </li>
            ))}
          </ul>
          {compared && letter && (
            <p className="compare-text letter-compare">
              <DiffText parts={wordDiff(letterText(compared.letter), letterText(letter))} />
            </p>
          )}
        </section>
      )}
    </div>
  );
}
