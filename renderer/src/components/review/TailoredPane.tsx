/**
 * The tailored CV: the document with each proposed change in place (word diff, reason, findings,
 * accept / reject), and every tailorable field editable.
 */
import { memo, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Cv } from '../../../../shared/model/cv';
import type { Proposal, ProposedChange } from '../../../../shared/model/library';
import { SECTION_TITLES } from '../../../../shared/review/cv-fields';
import { changeSection, isPending, orderedChanges, translatePath, type Decisions } from '../../../../shared/review/decisions';
import { markSpans, wordDiff } from '../../../../shared/review/word-diff';
import { listItems, textAtPath } from '../../../../shared/tailor/paths';
import { CvDocument, type FieldKind } from './CvDocument';
import { DiffText } from './DiffText';
import type { ReviewStoreState } from '../../state/review-store';
import { useReview } from './review-context';
import { FieldGroup } from '../field-group';

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

/** The changes of a proposal in reading order, once per proposal. */
const orderedByProposal = new WeakMap<Proposal, ProposedChange[]>();
const NO_CHANGES: ProposedChange[] = [];

function changesOf(state: ReviewStoreState): ProposedChange[] {
  const proposal = state.job?.proposal;
  if (!proposal) return NO_CHANGES;
  let ordered = orderedByProposal.get(proposal);
  if (!ordered) {
    ordered = orderedChanges(proposal.changes);
    orderedByProposal.set(proposal, ordered);
  }
  return ordered;
}

interface PlacedChange {
  change: ProposedChange;
  index: number;
}

/** Where each change sits in the tailored CV as it stands (`op:path`), once per version of that CV. */
const placesByCv = new WeakMap<Cv, { proposal: Proposal; places: Map<string, PlacedChange> }>();

function placedChange(state: ReviewStoreState, op: ProposedChange['op'], path: string): PlacedChange | undefined {
  const proposal = state.job?.proposal;
  const cv = state.history?.present.cv;
  if (!proposal || !cv) return undefined;
  let cached = placesByCv.get(cv);
  if (!cached || cached.proposal !== proposal) {
    const places = new Map<string, PlacedChange>();
    changesOf(state).forEach((change, index) => {
      const translated = translatePath(proposal.baseCv, cv, change.path);
      if (translated !== null) places.set(`${change.op}:${translated}`, { change, index });
    });
    cached = { proposal, places };
    placesByCv.set(cv, cached);
  }
  return cached.places.get(`${op}:${path}`);
}

const ENTRY_PATH = /^([a-z]+)\[(\d+)\]/;

/**
 * Original texts by path, per entry of the tailored CV: a path is carried to the original by
 * its entry's and bullets' ids, so it changes only when that entry does.
 */
const originalsByOwner = new WeakMap<object, { base: Cv; texts: Map<string, string> }>();

/** The text a tailored field had in the original CV ('' when the field is new). */
function originalText(state: ReviewStoreState, path: string): string {
  const cv = state.history?.present.cv;
  if (!cv) return '';
  const base = state.job?.proposal?.baseCv ?? cv;
  const address = ENTRY_PATH.exec(path);
  const entries = address ? (cv as Record<string, unknown>)[address[1]] : undefined;
  const entry = Array.isArray(entries) ? (entries[Number(address?.[2])] as unknown) : undefined;
  // Outside the entry lists (the summary) the result depends on the original alone.
  const owner = address ? entry : base;
  if (typeof owner !== 'object' || owner === null) return '';
  let cached = originalsByOwner.get(owner);
  if (!cached || cached.base !== base) {
    cached = { base, texts: new Map() };
    originalsByOwner.set(owner, cached);
  }
  let text = cached.texts.get(path);
  if (text === undefined) {
    const basePath = translatePath(cv, base, path);
    text = basePath ? (textAtPath(base, basePath) ?? '') : '';
    cached.texts.set(path, text);
  }
  return text;
}

const NO_DECISIONS: Decisions = {};

interface FieldProps {
  path: string;
  text: string;
  kind: FieldKind;
}

/**
 * An editable text field of the tailored CV, showing its diff against the original when not
 * edited. It reads its change and original from the store and is memoised, so typing in one
 * field re-renders and re-diffs that field only.
 */
const TailoredField = memo(function TailoredField({ path, text, kind }: FieldProps) {
  const editField = useReview((state) => state.editField);
  const seal = useReview((state) => state.seal);
  const original = useReview((state) => originalText(state, path));
  const change = useReview((state) => placedChange(state, 'replace', path)?.change);
  const changeIndex = useReview((state) => placedChange(state, 'replace', path)?.index ?? 0);
  const total = useReview((state) => changesOf(state).length);
  const decisions = useReview((state) => state.history?.present.decisions ?? NO_DECISIONS);
  const [isEditing, setEditing] = useState(false);
  // Each field is a form of its own for the browser's autofill, which reads a field's whole form per keystroke.
  const form = useId();
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const label = `${FIELD_LABELS[kind]} (${path})`;

  useEffect(() => {
    const area = areaRef.current;
    if (!isEditing || !area) return;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  }, [isEditing]);

  const pending = change && change.op === 'replace' && decisions[change.id] === undefined;
  const showsDiff = original !== text;
  const isEditor = isEditing || (!showsDiff && !pending);
  // While the field is an editor its diff is not shown, so typing never waits for one.
  const diff = useMemo(() => (isEditor ? null : wordDiff(original, text)), [isEditor, original, text]);
  const proposal = useMemo(
    () =>
      change && change.op === 'replace'
        ? markSpans(
            wordDiff(change.original, change.replacement),
            change.findings.map((finding) => finding.span),
          )
        : null,
    [change],
  );

  const editor = isEditor ? (
    <textarea
      ref={areaRef}
      form={form}
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
      <DiffText parts={diff ?? []} />
    </div>
  );

  if (!change || change.op !== 'replace' || !proposal) {
    return (
      <FieldGroup id={form}>
        <div className="doc-field">{editor}</div>
      </FieldGroup>
    );
  }
  const findings = change.findings;
  return (
    <FieldGroup id={form}>
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
    </FieldGroup>
  );
});

/** A proposed reorder of a list, shown where the list is. */
const ReorderBlock = memo(function ReorderBlock({ path }: { path: string }) {
  const change = useReview((state) => placedChange(state, 'reorder', path)?.change);
  const index = useReview((state) => placedChange(state, 'reorder', path)?.index ?? 0);
  const base = useReview((state) => state.job?.proposal?.baseCv ?? null);
  const total = useReview((state) => changesOf(state).length);
  const decisions = useReview((state) => state.history?.present.decisions ?? NO_DECISIONS);
  if (!change || !base) return null;
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
});

/** Tools of a section: accept or reject its changes at once. */
const SectionTools = memo(function SectionTools({ section }: { section: string }) {
  const decideMany = useReview((state) => state.decideMany);
  const changes = useReview(changesOf);
  const decisions = useReview((state) => state.history?.present.decisions ?? NO_DECISIONS);
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
});

// Stable renderers: the document's memoised sections and entries re-render only when their part of the CV changes.
const renderText = (path: string, text: string, kind: FieldKind) => <TailoredField path={path} text={text} kind={kind} />;
const renderList = (path: string) => <ReorderBlock path={path} />;
const renderSectionTools = (section: string) => <SectionTools section={section} />;

/** The tailored pane's document. */
export function TailoredDocument() {
  const cv = useReview((state) => state.history?.present.cv ?? null);
  if (!cv) return null;
  return <CvDocument cv={cv} renderText={renderText} renderList={renderList} renderSectionTools={renderSectionTools} />;
}
