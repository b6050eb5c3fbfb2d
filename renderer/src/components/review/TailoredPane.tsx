/**
 * The tailored CV: the document with each proposed change in place (word diff, reason, findings,
 * accept / reject), and every tailorable field editable.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Cv } from '../../../../shared/model/cv';
import type { ProposedChange } from '../../../../shared/model/library';
import { SECTION_TITLES } from '../../../../shared/review/cv-fields';
import { changeSection, isPending, orderedChanges, translatePath, type Decisions } from '../../../../shared/review/decisions';
import { markSpans, wordDiff } from '../../../../shared/review/word-diff';
import { listItems, textAtPath } from '../../../../shared/tailor/paths';
import { CvDocument, type FieldKind } from './CvDocument';
import { DiffText } from './DiffText';
import { useReview } from './review-context';

const FIELD_LABELS: Record<FieldKind, string> = {
  summary: 'Summary',
  'entry-summary': 'Entry summary',
  bullet: 'Bullet',
  keywords: 'Skills',
};

/** A person-readable name of a change's place in the CV. */
export function changeLabel(change: ProposedChange): string {
  const section = changeSection(change);
  const title = SECTION_TITLES[section as keyof typeof SECTION_TITLES] ?? section;
  const numbers = (change.path.match(/\d+/g) ?? []).map((value) => Number(value) + 1);
  if (change.op === 'reorder') {
    if (change.path === 'sections') return 'Section order';
    if (change.path === 'skills') return 'Skill group order';
    if (change.path.endsWith('.keywords')) return `${title} ${numbers[0]}: keyword order`;
    return `${title} ${numbers[0]}: bullet order`;
  }
  if (change.path === 'basics.summary') return 'Summary';
  if (change.path.includes('highlights')) return `${title} ${numbers[0]}, bullet ${numbers[1]}`;
  if (change.path.endsWith('.keywords')) return `${title} ${numbers[0]}: keywords`;
  return `${title} ${numbers[0]}: summary`;
}

const STATUS_TEXT: Record<ProposedChange['status'], string> = {
  applied: 'Safe',
  'needs-review': 'Check the marked words',
  reverted: 'Reverted by the truth check',
};

interface ChangeProps {
  change: ProposedChange;
  index: number;
  total: number;
  decisions: Decisions;
  children: ReactNode;
}

/** The frame of one change: focusable, labelled, with its reason on hover and focus and its buttons. */
function ChangeFrame({ change, index, total, decisions, children }: ChangeProps) {
  const decideChange = useReview((state) => state.decide);
  const setCurrent = useReview((state) => state.setCurrent);
  const isCurrent = useReview((state) => state.currentId === change.id);
  const decision = decisions[change.id];
  const needsReview = change.status === 'needs-review';
  const stateText = decision === 'accepted' ? (needsReview ? 'Kept' : 'Accepted') : decision === 'rejected' ? (needsReview ? 'Removed' : 'Rejected') : change.status === 'reverted' ? 'Reverted' : 'Pending';
  const reasonId = `reason-${change.id}`;
  return (
    <div
      className={`change change-${change.status} ${decision ? `is-${decision}` : 'is-pending'} ${isCurrent ? 'is-current' : ''}`}
      role="group"
      tabIndex={-1}
      data-change-id={change.id}
      aria-label={`Change ${index + 1} of ${total}: ${changeLabel(change)}, ${stateText}`}
      aria-describedby={reasonId}
      onFocus={() => setCurrent(change.id)}
    >
      <div className="change-head">
        <span className="change-title">
          {changeLabel(change)} <span className={`change-state state-${stateText.toLowerCase()}`}>{stateText}</span>
        </span>
        <span className="change-actions">
          {change.status === 'reverted' ? (
            decision !== 'rejected' && (
              <button type="button" className="secondary small" onClick={() => decideChange(change.id, 'rejected')}>
                Dismiss
              </button>
            )
          ) : (
            <>
              <button
                type="button"
                className={`small ${decision === 'accepted' ? 'primary' : 'secondary'}`}
                aria-pressed={decision === 'accepted'}
                onClick={() => decideChange(change.id, 'accepted')}
              >
                {needsReview ? 'Keep' : 'Accept'}
              </button>
              <button
                type="button"
                className="secondary small"
                aria-pressed={decision === 'rejected'}
                onClick={() => decideChange(change.id, 'rejected')}
              >
                {needsReview ? 'Remove' : 'Reject'}
              </button>
            </>
          )}
        </span>
      </div>
      {children}
      <div className="change-reason" id={reasonId}>
        <strong>Why: </strong>
        {change.reason || 'No reason given.'} <span className="item-meta">({STATUS_TEXT[change.status]})</span>
      </div>
    </div>
  );
}

interface FieldProps {
  path: string;
  text: string;
  kind: FieldKind;
  base: Cv;
  cv: Cv;
  change: ProposedChange | undefined;
  changeIndex: number;
  total: number;
  decisions: Decisions;
}

/** An editable text field of the tailored CV, showing its diff against the original when not edited. */
function TailoredField({ path, text, kind, base, cv, change, changeIndex, total, decisions }: FieldProps) {
  const editField = useReview((state) => state.editField);
  const seal = useReview((state) => state.seal);
  const [isEditing, setEditing] = useState(false);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const basePath = translatePath(cv, base, path);
  const original = basePath ? (textAtPath(base, basePath) ?? '') : '';
  const label = `${FIELD_LABELS[kind]} (${path})`;

  useEffect(() => {
    const area = areaRef.current;
    if (!isEditing || !area) return;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  }, [isEditing]);

  const pending = change && change.op === 'replace' && decisions[change.id] === undefined;
  const showsDiff = original !== text;

  const editor =
    isEditing || (!showsDiff && !pending) ? (
      <textarea
        ref={areaRef}
        className={`doc-input doc-input-${kind}`}
        data-path={path}
        aria-label={label}
        value={text}
        rows={1}
        spellCheck
        onChange={(event) => editField(path, event.target.value)}
        // Typing into an unchanged field makes it differ from the original; it must stay an editor while focused.
        onFocus={() => setEditing(true)}
        onBlur={() => {
          seal();
          setEditing(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.currentTarget.blur();
            const frame = event.currentTarget.closest<HTMLElement>('[data-change-id]');
            frame?.focus();
          }
        }}
      />
    ) : (
      <div
        className="doc-diff"
        role="button"
        tabIndex={0}
        data-path={path}
        aria-label={`Edit ${label}`}
        onClick={() => setEditing(true)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            setEditing(true);
          }
        }}
      >
        <DiffText parts={wordDiff(original, text)} />
      </div>
    );

  if (!change || change.op !== 'replace') return <div className="doc-field">{editor}</div>;
  const findings = change.findings;
  const proposal = markSpans(wordDiff(change.original, change.replacement), findings.map((finding) => finding.span));
  return (
    <ChangeFrame change={change} index={changeIndex} total={total} decisions={decisions}>
      {pending ? (
        <div className={`doc-proposal ${change.status === 'reverted' ? 'is-reverted' : ''}`} aria-label="Proposed text">
          <DiffText parts={proposal} findings={findings.map((finding) => finding.message)} />
        </div>
      ) : null}
      {findings.length > 0 && (
        <ul className="findings" aria-label="Truth-check findings">
          {findings.map((finding, index) => (
            <li key={index} className={`finding finding-${finding.severity}`}>
              <span className="finding-text">“{finding.text}”</span> {finding.message}
            </li>
          ))}
        </ul>
      )}
      {(!pending || isEditing) && <div className="doc-field">{editor}</div>}
      {pending && !isEditing && (
        <button type="button" className="link small" onClick={() => setEditing(true)}>
          Edit this text yourself
        </button>
      )}
    </ChangeFrame>
  );
}

/** A proposed reorder of a list, shown where the list is. */
function ReorderBlock({ change, base, index, total, decisions }: { change: ProposedChange; base: Cv; index: number; total: number; decisions: Decisions }) {
  const items = listItems(base, change.path) ?? [];
  const order = change.order ?? [];
  return (
    <ChangeFrame change={change} index={index} total={total} decisions={decisions}>
      <ol className="reorder-list" aria-label="Proposed order">
        {order.map((from, position) => (
          <li key={position} className={from !== position ? 'moved' : ''}>
            <span className="reorder-text">{SECTION_TITLES[items[from] as keyof typeof SECTION_TITLES] ?? items[from]}</span>
            {from !== position && <span className="item-meta"> (was {from + 1})</span>}
          </li>
        ))}
      </ol>
    </ChangeFrame>
  );
}

/** Tools of a section: accept or reject its changes at once. */
function SectionTools({ section, changes, decisions }: { section: string; changes: ProposedChange[]; decisions: Decisions }) {
  const decideMany = useReview((state) => state.decideMany);
  const pending = changes.filter((change) => changeSection(change) === section && isPending(change, decisions));
  if (pending.length === 0) return null;
  const name = SECTION_TITLES[section as keyof typeof SECTION_TITLES] ?? section;
  return (
    <span className="section-tools">
      <button type="button" className="link small" aria-label={`Accept the safe changes in ${name}`} onClick={() => decideMany(pending.filter((change) => change.status === 'applied').map((change) => change.id), 'accepted')} disabled={!pending.some((change) => change.status === 'applied')}>
        Accept safe ({pending.filter((change) => change.status === 'applied').length})
      </button>
      <button type="button" className="link small" aria-label={`Reject the pending changes in ${name}`} onClick={() => decideMany(pending.map((change) => change.id), 'rejected')}>
        Reject all ({pending.length})
      </button>
    </span>
  );
}

/** The tailored pane's document. */
export function TailoredDocument() {
  const job = useReview((state) => state.job);
  const present = useReview((state) => state.history?.present ?? null);
  const proposal = job?.proposal ?? null;
  const base = proposal?.baseCv ?? null;
  const changes = useMemo(() => orderedChanges(proposal?.changes ?? []), [proposal]);

  const byPath = useMemo(() => {
    const map = new Map<string, { change: ProposedChange; index: number }>();
    if (!base || !present) return map;
    changes.forEach((change, index) => {
      const path = translatePath(base, present.cv, change.path);
      if (path !== null) map.set(`${change.op}:${path}`, { change, index });
    });
    return map;
  }, [base, present, changes]);

  if (!present) return null;
  const cv = present.cv;
  const decisions = present.decisions;
  return (
    <CvDocument
      cv={cv}
      renderText={(path, text, kind) => {
        const found = byPath.get(`replace:${path}`);
        return (
          <TailoredField
            path={path}
            text={text}
            kind={kind}
            base={base ?? cv}
            cv={cv}
            change={found?.change}
            changeIndex={found?.index ?? 0}
            total={changes.length}
            decisions={decisions}
          />
        );
      }}
      renderList={(path) => {
        const found = byPath.get(`reorder:${path}`);
        if (!found || !base) return null;
        return <ReorderBlock change={found.change} base={base} index={found.index} total={changes.length} decisions={decisions} />;
      }}
      renderSectionTools={(section) => <SectionTools section={section} changes={changes} decisions={decisions} />}
    />
  );
}
