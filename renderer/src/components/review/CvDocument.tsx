/**
 * A CV rendered as a document (like the export preview). The original pane shows it read-only;
 * the tailored pane passes renderers that make the tailorable fields editable and show changes.
 *
 * Sections and entries carry `data-sync` keys (by id) so the two panes can scroll together.
 */
import { memo, useMemo, type ReactNode } from 'react';
import { cvLocale, formatCvDate, formatCvDateRange } from '../../../../shared/format/dates';
import type { Cv, CvSection } from '../../../../shared/model/cv';
import { SECTION_TITLES } from '../../../../shared/review/cv-fields';
import { sectionOrder } from '../../../../shared/tailor/paths';
import { useAfterPaint } from '../useAfterPaint';

/** Which kind of tailorable field a text is. */
export type FieldKind = 'summary' | 'entry-summary' | 'bullet' | 'keywords';

interface CvDocumentProps {
  cv: Cv;
  /** Renders a tailorable text field (tailored pane); plain text when absent. */
  renderText?: (path: string, text: string, kind: FieldKind) => ReactNode;
  /** Renders what belongs before a reorderable list (proposed reorders), by list path. */
  renderList?: (path: string) => ReactNode;
  /** Renders extra controls after a section heading (accept / reject the section's changes). */
  renderSectionTools?: (section: string) => ReactNode;
}

type Entry = Record<string, unknown> & { id?: string; highlights?: string[] };

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function joined(parts: unknown[], separator = ' · '): string {
  return parts.map(str).filter(Boolean).join(separator);
}

/** The entry's dates as the export prints them, in the CV's language. */
function dates(entry: Entry, locale: string): string {
  const start = str(entry.startDate);
  const end = str(entry.endDate);
  if (!start && !end) return formatCvDate(str(entry.date) || str(entry.releaseDate), locale);
  return formatCvDateRange(start, end, locale);
}

function entryTitle(section: CvSection, entry: Entry): { title: string; subtitle: string } {
  switch (section) {
    case 'work':
      return { title: joined([entry.position, entry.name], ' — '), subtitle: joined([entry.location]) };
    case 'volunteer':
      return { title: joined([entry.position, entry.organization], ' — '), subtitle: '' };
    case 'education':
      return { title: joined([joined([entry.studyType, entry.area], ' in '), entry.institution], ' — '), subtitle: joined([entry.score]) };
    case 'awards':
      return { title: joined([entry.title, entry.awarder], ' — '), subtitle: '' };
    case 'certificates':
      return { title: joined([entry.name, entry.issuer], ' — '), subtitle: '' };
    case 'publications':
      return { title: joined([entry.name, entry.publisher], ' — '), subtitle: '' };
    case 'languages':
      return { title: joined([entry.language, entry.fluency], ' — '), subtitle: '' };
    case 'references':
      return { title: str(entry.name), subtitle: str(entry.reference) };
    default:
      return { title: str(entry.name), subtitle: '' };
  }
}

interface EntryProps {
  section: CvSection;
  entry: Entry;
  index: number;
  locale: string;
  renderText?: CvDocumentProps['renderText'];
  renderList?: CvDocumentProps['renderList'];
}

/** One entry of a section; memoised, so an edit elsewhere in the CV skips it. */
const DocEntry = memo(function DocEntry({ section, entry, index, locale, renderText, renderList }: EntryProps) {
  const text = (path: string, value: string, kind: FieldKind) => (renderText ? renderText(path, value, kind) : value);
  const key = entry.id ?? String(index);
  if (section === 'skills' || section === 'interests') {
    const keywords = Array.isArray(entry.keywords) ? (entry.keywords as string[]) : [];
    const path = `${section}[${index}].keywords`;
    return (
      <div className="doc-skill" data-sync={`entry:${section}:${key}`}>
        {str(entry.name) && <span className="doc-skill-name">{str(entry.name)}{keywords.length > 0 ? ': ' : ''}</span>}
        {section === 'skills' && renderList?.(path)}
        {keywords.length === 0 ? null : section === 'skills' ? text(path, keywords.join(', '), 'keywords') : keywords.join(', ')}
      </div>
    );
  }
  const { title, subtitle } = entryTitle(section, entry);
  const when = dates(entry, locale);
  const summaryKey = section === 'projects' ? 'description' : 'summary';
  const summary = entry[summaryKey];
  return (
    <div className="doc-entry" data-sync={`entry:${section}:${key}`}>
      <div className="doc-entry-head">
        <p className="doc-entry-title">{title || '—'}</p>
        {when && <p className="doc-dates">{when}</p>}
      </div>
      {subtitle && <p className="doc-subtitle">{subtitle}</p>}
      {typeof summary === 'string' && summary !== '' && (
        <div className="doc-entry-summary">{text(`${section}[${index}].${summaryKey}`, summary, 'entry-summary')}</div>
      )}
      {renderList?.(`${section}[${index}].highlights`)}
      {(entry.highlights ?? []).length > 0 && (
        <ul className="doc-bullets">
          {(entry.highlights ?? []).map((bullet, bulletIndex) => (
            <li key={bulletIndex}>{text(`${section}[${index}].highlights[${bulletIndex}]`, bullet, 'bullet')}</li>
          ))}
        </ul>
      )}
    </div>
  );
});

interface SectionProps extends Omit<EntryProps, 'entry' | 'index'> {
  entries: Entry[] | undefined;
  renderSectionTools?: CvDocumentProps['renderSectionTools'];
}

/** One section; memoised, so an edit in another section skips it. */
const DocSection = memo(function DocSection({ section, entries, locale, renderText, renderList, renderSectionTools }: SectionProps) {
  return (
    <section className="doc-section" data-sync={`section:${section}`} aria-label={SECTION_TITLES[section]}>
      <div className="doc-section-head">
        <p className="doc-section-title">{SECTION_TITLES[section]}</p>
        {renderSectionTools?.(section)}
      </div>
      {section === 'skills' && renderList?.('skills')}
      {(entries ?? []).map((entry, index) => (
        <DocEntry
          key={entry.id ?? String(index)}
          section={section}
          entry={entry}
          index={index}
          locale={locale}
          renderText={renderText}
          renderList={renderList}
        />
      ))}
    </section>
  );
});

/**
 * The CV as a document; memoised by section and entry, so an edit re-renders only the entry it
 * changed. The date language reads the whole CV, so it follows edits one frame late.
 */
export const CvDocument = memo(function CvDocument({ cv, renderText, renderList, renderSectionTools }: CvDocumentProps) {
  const text = (path: string, value: string, kind: FieldKind) => (renderText ? renderText(path, value, kind) : value);
  const basics = cv.basics ?? {};
  const contacts = [basics.email, basics.phone, basics.url, joined([basics.location?.city, basics.location?.region, basics.location?.countryCode], ', ')]
    .map(str)
    .filter(Boolean);
  const sections = sectionOrder(cv);
  const settled = useAfterPaint(cv);
  const locale = useMemo(() => cvLocale(settled), [settled]);

  return (
    <div className="cv-doc">
      {renderList?.('sections')}
      <header className="doc-head" data-sync="basics">
        <p className="doc-name">{basics.name || 'Unnamed'}</p>
        {basics.label && <p className="doc-label">{basics.label}</p>}
        {contacts.length > 0 && <p className="doc-contacts">{contacts.join(' · ')}</p>}
        {renderSectionTools?.('basics')}
        {basics.summary ? <div className="doc-summary">{text('basics.summary', basics.summary, 'summary')}</div> : null}
      </header>
      {sections.map((section) => (
        <DocSection
          key={section}
          section={section}
          entries={cv[section] as Entry[] | undefined}
          locale={locale}
          renderText={renderText}
          renderList={renderList}
          renderSectionTools={renderSectionTools}
        />
      ))}
    </div>
  );
});
