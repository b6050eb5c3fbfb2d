/**
 * "How we read your file": the imported file's text with each part highlighted by the field
 * it went to, so a mis-read is spotted and fixed in seconds.
 */
import type { ReactNode } from 'react';
import type { ImportField, ImportReport } from '../../../shared/import/report';
import { cvWords, isPlaced } from '../../../shared/import/placement';
import { countOf } from '../../../shared/format/plural';
import { newId, type Cv } from '../../../shared/model/cv';
import { useWorkspace } from '../state/store-context';
import { focusField } from './focus-field';

/** Where a line that went into no field can be moved, as `<option>` value and label. */
function moveTargets(cv: Cv | null): { value: string; label: string }[] {
  const targets = [{ value: 'summary', label: 'Summary' }];
  (cv?.work ?? []).forEach((entry, index) => {
    const name = [entry.position, entry.name].filter(Boolean).join(' at ') || `Job ${index + 1}`;
    targets.push({ value: `work:${index}`, label: `Bullet of ${name}` });
  });
  targets.push({ value: 'skills', label: 'Skills' });
  return targets;
}

/** Adds a line's text to the chosen field of the draft. */
function moveInto(cv: Cv, target: string, text: string): void {
  const clean = text.replace(/\t/g, ' ').replace(/\s+/g, ' ').trim();
  if (target === 'summary') {
    cv.basics = { ...(cv.basics ?? {}), summary: [cv.basics?.summary, clean].filter(Boolean).join(' ') };
  } else if (target === 'skills') {
    const skills = (cv.skills ??= []);
    if (skills.length === 0) skills.push({ id: newId(), name: 'Skills', keywords: [] });
    const last = skills[skills.length - 1];
    last.keywords = [...(last.keywords ?? []), clean];
  } else if (target.startsWith('work:')) {
    const entry = cv.work?.[Number(target.slice(5))];
    if (!entry) return;
    entry.highlights = [...(entry.highlights ?? []), clean];
    entry.highlightIds = [...(entry.highlightIds ?? []), newId()];
  }
}

/** The colour group of a field path, for the highlight and the legend. */
export function fieldGroup(path: string): string {
  if (/^basics\.(name|label)$/.test(path)) return 'name';
  if (path.startsWith('basics.summary')) return 'summary';
  if (path.startsWith('basics')) return 'contact';
  if (/^(work|volunteer)\[\d+\]\.(name|organization)$/.test(path)) return 'employer';
  if (/^(work|volunteer)\[\d+\]\.position$/.test(path)) return 'title';
  if (/Date$/.test(path) || /\.date$/.test(path)) return 'date';
  if (/^(work|volunteer|projects)\[\d+\]\.highlights/.test(path)) return 'bullet';
  if (path.startsWith('education')) return 'education';
  if (path.startsWith('skills') || path.startsWith('languages')) return 'skill';
  return 'other';
}

const LEGEND: [string, string][] = [
  ['name', 'Name'],
  ['contact', 'Contact'],
  ['employer', 'Employer'],
  ['title', 'Job title'],
  ['date', 'Dates'],
  ['bullet', 'Bullets'],
  ['education', 'Education'],
  ['skill', 'Skills'],
  ['other', 'Other'],
];

/** Splits a line into plain and highlighted segments (overlaps: the earlier, longer span wins). */
function segments(text: string, fields: ImportField[]): { text: string; field?: ImportField }[] {
  const sorted = [...fields].sort((a, b) => a.source.start - b.source.start || b.source.end - a.source.end);
  const result: { text: string; field?: ImportField }[] = [];
  let cursor = 0;
  for (const field of sorted) {
    const start = Math.max(field.source.start, cursor);
    const end = Math.min(field.source.end, text.length);
    if (end <= start) continue;
    if (start > cursor) result.push({ text: text.slice(cursor, start) });
    result.push({ text: text.slice(start, end), field });
    cursor = end;
  }
  if (cursor < text.length) result.push({ text: text.slice(cursor) });
  return result;
}

interface ImportReportPanelProps {
  report: ImportReport;
  fileName: string;
  onClose: () => void;
}

/** The source text with highlights, a legend, and the importer's warnings. */
/**
 * The lines of the file that went into no field: nothing is dropped without the person seeing
 * it, and each can be moved into a field in one step.
 */
function NotPlaced({ report }: { report: ImportReport }) {
  const draft = useWorkspace((state) => state.draft);
  const editDraft = useWorkspace((state) => state.editDraft);
  const words = cvWords(draft);
  const lines = (report.unplaced ?? [])
    .map((index) => ({ index, text: report.lines[index]?.text ?? '' }))
    .filter((line) => line.text.trim() !== '' && !isPlaced(line.text, words));
  if (lines.length === 0) return null;
  const targets = moveTargets(draft);
  return (
    <section className="not-placed" aria-labelledby="not-placed-title">
      <h3 id="not-placed-title">Not placed ({lines.length})</h3>
      <p className="item-meta">These lines of the file went into no field. Move any you need into one.</p>
      <ul>
        {lines.map((line) => (
          <li key={line.index}>
            <span className="not-placed-text">{line.text}</span>
            <select
              aria-label={`Move “${line.text.slice(0, 40)}” to`}
              value=""
              onChange={(event) => {
                const target = event.target.value;
                if (target) editDraft((cv) => moveInto(cv, target, line.text));
              }}
            >
              <option value="">Move to…</option>
              {targets.map((target) => (
                <option key={target.value} value={target.value}>
                  {target.label}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ImportReportPanel({ report, fileName, onClose }: ImportReportPanelProps) {
  const byLine = new Map<number, ImportField[]>();
  for (const field of report.fields) {
    const list = byLine.get(field.source.line) ?? [];
    list.push(field);
    byLine.set(field.source.line, list);
  }
  const unsure = report.fields.filter((field) => field.confidence < 0.6).length;
  let lastPage = 1;
  const rows: ReactNode[] = [];
  report.lines.forEach((line, index) => {
    if (line.page !== lastPage) {
      rows.push(
        <li key={`page-${line.page}`} className="page-break" aria-hidden="true">
          Page {line.page}
        </li>,
      );
      lastPage = line.page;
    }
    rows.push(
      <li key={index}>
        {segments(line.text, byLine.get(index) ?? []).map((segment, position) =>
          segment.field ? (
            <button
              type="button"
              key={position}
              className={`mark mark-${fieldGroup(segment.field.path)} ${segment.field.confidence < 0.6 ? 'unsure' : ''}`}
              title={`${segment.field.path} · confidence ${Math.round(segment.field.confidence * 100)}%`}
              aria-label={`${segment.text}: read as ${segment.field.path}`}
              onClick={() => focusField(segment.field!.path)}
            >
              {segment.text}
            </button>
          ) : (
            <span key={position}>{segment.text}</span>
          ),
        )}
      </li>,
    );
  });

  return (
    <aside className="side-panel" aria-labelledby="report-title">
      <header className="side-panel-header">
        <div>
          <h2 id="report-title">How we read your file</h2>
          <p className="item-meta">
            {fileName} · {countOf(report.fields.length, 'field')} found{unsure ? ` · ${unsure} unsure (dotted)` : ''}
          </p>
        </div>
        <button type="button" className="icon" aria-label="Close how we read your file" onClick={onClose}>
          ×
        </button>
      </header>
      <ul className="legend" aria-label="Legend">
        {LEGEND.map(([group, label]) => (
          <li key={group}>
            <span className={`swatch mark-${group}`} aria-hidden="true" />
            {label}
          </li>
        ))}
      </ul>
      {(report.notes?.length ?? 0) > 0 && (
        <ul className="report-notes">
          {report.notes?.map((note, index) => (
            <li key={index}>{note}</li>
          ))}
        </ul>
      )}
      {report.warnings.length > 0 && (
        <ul className="warnings">
          {report.warnings.map((warning, index) => (
            <li key={index}>{warning}</li>
          ))}
        </ul>
      )}
      <NotPlaced report={report} />
      {report.lines.length === 0 ? (
        <p className="empty">This file was read as structured data, field by field; there is no page text to show.</p>
      ) : (
        <ol className="source-lines">{rows}</ol>
      )}
      <p className="hint">Click a highlighted part to jump to its field. Anything read wrongly can be fixed in the editor.</p>
    </aside>
  );
}
