/**
 * The structured editor of a master CV: contact details, summary, work, education, skills.
 */
import { memo, type ReactNode } from 'react';
import {
  newId,
  type Cv,
  type EducationEntry,
  type SkillEntry,
  type WorkEntry,
} from '../../../shared/model/cv';
import { checkMessage, workEntryProblems } from '../../../shared/import/entry-checks';
import { useWorkspace } from '../state/store-context';
import { BulletList } from './BulletList';
import { Field } from './Field';

function Section({
  title,
  id,
  children,
  action,
}: {
  title: string;
  id: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <section className="editor-section" aria-labelledby={`${id}-title`}>
      <header className="section-header">
        <h2 id={`${id}-title`}>{title}</h2>
        {action}
      </header>
      {children}
    </section>
  );
}

interface EntryActionsProps {
  label: string;
  index: number;
  count: number;
  onMove: (offset: number) => void;
  onRemove: () => void;
}

function EntryActions({ label, index, count, onMove, onRemove }: EntryActionsProps) {
  return (
    <div className="row-actions">
      <button
        type="button"
        className="icon"
        aria-label={`Move ${label} up`}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon"
        aria-label={`Move ${label} down`}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
      <button type="button" className="icon danger" aria-label={`Remove ${label}`} onClick={onRemove}>
        ×
      </button>
    </div>
  );
}

function moveItem<T>(list: T[], index: number, offset: number): void {
  const target = index + offset;
  if (target < 0 || target >= list.length) return;
  [list[index], list[target]] = [list[target], list[index]];
}

function describe(entry: WorkEntry | EducationEntry, fallback: string): string {
  const parts = 'institution' in entry ? [entry.studyType, entry.institution] : [entry.position, entry.name];
  return parts.filter(Boolean).join(', ') || fallback;
}

/** Edits one entry of a list section of the draft, by position. */
function useEntryEditor<S extends 'work' | 'education' | 'skills'>(section: S) {
  const editDraft = useWorkspace((state) => state.editDraft);
  return (position: number, change: (item: NonNullable<Cv[S]>[number]) => void) =>
    editDraft((cv) => {
      const entries = cv[section] as NonNullable<Cv[S]>[number][] | undefined;
      if (entries) change(entries[position]);
    });
}

interface EntryProps<T> {
  entry: T;
  index: number;
  count: number;
}

/** One work entry; memoised, so typing elsewhere does not re-render it. */
const WorkEntryEditor = memo(function WorkEntryEditor({ entry, index, count }: EntryProps<WorkEntry>) {
  const editDraft = useWorkspace((state) => state.editDraft);
  const editWork = useEntryEditor('work');
  // An entry the importer was unsure of keeps its note until what it names is fixed.
  const check = useWorkspace((state) => {
    const flagged = state.openCv?.importReport?.checks?.some((item) => item.entryId === entry.id);
    return flagged ? checkMessage(workEntryProblems(entry, state.draft?.work ?? [])) : undefined;
  });
  return (
    <article className="entry" aria-label={describe(entry, `Position ${index + 1}`)}>
      {check && (
        <p className="entry-check" role="note">
          {check}
        </p>
      )}
      <div className="entry-head">
        <div className="grid two grow">
          <Field
            label="Job title"
            value={entry.position}
            onChange={(value) => editWork(index, (item) => void (item.position = value))}
            dataPath={`work[${index}].position`}
          />
          <Field
            label="Employer"
            value={entry.name}
            onChange={(value) => editWork(index, (item) => void (item.name = value))}
            dataPath={`work[${index}].name`}
          />
          <Field
            label="Location"
            value={entry.location}
            onChange={(value) => editWork(index, (item) => void (item.location = value))}
          />
          <div className="grid two tight">
            <Field
              label="Start"
              value={entry.startDate}
              placeholder="YYYY-MM"
              onChange={(value) => editWork(index, (item) => void (item.startDate = value))}
            />
            <Field
              label="End"
              value={entry.endDate}
              placeholder="Present"
              onChange={(value) => editWork(index, (item) => void (item.endDate = value))}
            />
          </div>
        </div>
        <EntryActions
          label={describe(entry, `position ${index + 1}`)}
          index={index}
          count={count}
          onMove={(offset) => editDraft((cv) => moveItem(cv.work!, index, offset))}
          onRemove={() => editDraft((cv) => void cv.work!.splice(index, 1))}
        />
      </div>
      <BulletList
        bullets={entry.highlights ?? []}
        ids={entry.highlightIds ?? []}
        pathPrefix={`work[${index}]`}
        onChange={(bullets, ids) =>
          editWork(index, (item) => {
            item.highlights = bullets;
            item.highlightIds = ids;
          })
        }
      />
    </article>
  );
});

/** One education entry. */
const EducationEntryEditor = memo(function EducationEntryEditor({
  entry,
  index,
  count,
}: EntryProps<EducationEntry>) {
  const editDraft = useWorkspace((state) => state.editDraft);
  const editEducation = useEntryEditor('education');
  return (
    <article className="entry" aria-label={describe(entry, `Education ${index + 1}`)}>
      <div className="entry-head">
        <div className="grid two grow">
          <Field
            label="Institution"
            value={entry.institution}
            onChange={(value) => editEducation(index, (item) => void (item.institution = value))}
          />
          <Field
            label="Degree"
            value={entry.studyType}
            placeholder="e.g. BSc"
            onChange={(value) => editEducation(index, (item) => void (item.studyType = value))}
          />
          <Field
            label="Field of study"
            value={entry.area}
            onChange={(value) => editEducation(index, (item) => void (item.area = value))}
          />
          <div className="grid three tight">
            <Field
              label="Start"
              value={entry.startDate}
              placeholder="YYYY"
              onChange={(value) => editEducation(index, (item) => void (item.startDate = value))}
            />
            <Field
              label="End"
              value={entry.endDate}
              placeholder="YYYY"
              onChange={(value) => editEducation(index, (item) => void (item.endDate = value))}
            />
            <Field
              label="Grade"
              value={entry.score}
              onChange={(value) => editEducation(index, (item) => void (item.score = value))}
            />
          </div>
        </div>
        <EntryActions
          label={describe(entry, `education ${index + 1}`)}
          index={index}
          count={count}
          onMove={(offset) => editDraft((cv) => moveItem(cv.education!, index, offset))}
          onRemove={() => editDraft((cv) => void cv.education!.splice(index, 1))}
        />
      </div>
    </article>
  );
});

/** One skill group. */
const SkillGroupEditor = memo(function SkillGroupEditor({
  entry,
  index,
}: Omit<EntryProps<SkillEntry>, 'count'>) {
  const editDraft = useWorkspace((state) => state.editDraft);
  const editSkill = useEntryEditor('skills');
  return (
    <div className="grid skill-row">
      <Field
        label="Group"
        value={entry.name}
        placeholder="e.g. Languages"
        onChange={(value) => editSkill(index, (item) => void (item.name = value))}
      />
      <Field
        label="Skills (comma-separated)"
        value={(entry.keywords ?? []).join(', ')}
        onChange={(value) =>
          editSkill(index, (item) => {
            item.keywords = value
              .split(',')
              .map((keyword, position, all) =>
                position < all.length - 1 ? keyword.trim() : keyword.trimStart(),
              );
          })
        }
        dataPath={`skills[${index}].keywords`}
      />
      <button
        type="button"
        className="icon danger"
        aria-label={`Remove skill group ${entry.name || index + 1}`}
        onClick={() => editDraft((cv) => void cv.skills!.splice(index, 1))}
      >
        ×
      </button>
    </div>
  );
});

/** Edits the open CV; every change autosaves. */
export function CvEditor() {
  const draft = useWorkspace((state) => state.draft);
  const editDraft = useWorkspace((state) => state.editDraft);
  if (!draft) return null;

  const basics = draft.basics ?? {};
  const setBasics = (field: keyof NonNullable<Cv['basics']>, value: string) =>
    editDraft((cv) => {
      cv.basics = { ...(cv.basics ?? {}), [field]: value };
    });
  const setLocation = (field: 'city' | 'region' | 'countryCode', value: string) =>
    editDraft((cv) => {
      cv.basics = { ...(cv.basics ?? {}), location: { ...(cv.basics?.location ?? {}), [field]: value } };
    });
  const work = draft.work ?? [];
  const education = draft.education ?? [];
  const skills = draft.skills ?? [];
  const profiles = basics.profiles ?? [];

  return (
    <div className="cv-editor">
      <Section title="Contact details" id="contact">
        <div className="grid two">
          <Field
            label="Full name"
            value={basics.name}
            onChange={(value) => setBasics('name', value)}
            dataPath="basics.name"
          />
          <Field
            label="Headline"
            value={basics.label}
            placeholder="e.g. Senior Data Analyst"
            onChange={(value) => setBasics('label', value)}
            dataPath="basics.label"
          />
          <Field
            label="Email"
            type="email"
            value={basics.email}
            onChange={(value) => setBasics('email', value)}
            dataPath="basics.email"
          />
          <Field
            label="Phone"
            type="tel"
            value={basics.phone}
            onChange={(value) => setBasics('phone', value)}
            dataPath="basics.phone"
          />
          <Field
            label="Website"
            type="url"
            value={basics.url}
            onChange={(value) => setBasics('url', value)}
            dataPath="basics.url"
          />
          <div className="grid three tight">
            <Field
              label="City"
              value={basics.location?.city}
              onChange={(value) => setLocation('city', value)}
            />
            <Field
              label="Region"
              value={basics.location?.region}
              onChange={(value) => setLocation('region', value)}
            />
            <Field
              label="Country"
              value={basics.location?.countryCode}
              onChange={(value) => setLocation('countryCode', value)}
            />
          </div>
        </div>
        <div className="profiles">
          {profiles.map((profile, index) => (
            <div className="grid profile-row" key={profile.id ?? index}>
              <Field
                label="Network"
                value={profile.network}
                placeholder="LinkedIn"
                onChange={(value) => editDraft((cv) => void (cv.basics!.profiles![index].network = value))}
              />
              <Field
                label="Profile URL"
                type="url"
                value={profile.url}
                onChange={(value) => editDraft((cv) => void (cv.basics!.profiles![index].url = value))}
              />
              <button
                type="button"
                className="icon danger"
                aria-label={`Remove profile ${profile.network ?? index + 1}`}
                onClick={() => editDraft((cv) => void cv.basics!.profiles!.splice(index, 1))}
              >
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            className="link"
            onClick={() =>
              editDraft((cv) => {
                cv.basics = {
                  ...(cv.basics ?? {}),
                  profiles: [...(cv.basics?.profiles ?? []), { id: newId(), network: '', url: '' }],
                };
              })
            }
          >
            + Add profile link
          </button>
        </div>
      </Section>

      <Section title="Summary" id="summary">
        <Field
          label="Professional summary"
          multiline
          value={basics.summary}
          placeholder="Two or three sentences about what you do best."
          onChange={(value) => setBasics('summary', value)}
          dataPath="basics.summary"
        />
      </Section>

      <Section
        title="Work experience"
        id="work"
        action={
          <button
            type="button"
            className="secondary"
            onClick={() =>
              editDraft(
                (cv) =>
                  void (cv.work = [
                    { id: newId(), name: '', position: '', highlights: [], highlightIds: [] },
                    ...(cv.work ?? []),
                  ]),
              )
            }
          >
            Add position
          </button>
        }
      >
        {work.length === 0 && <p className="empty">No positions yet.</p>}
        {work.map((entry, index) => (
          <WorkEntryEditor key={entry.id ?? index} entry={entry} index={index} count={work.length} />
        ))}
      </Section>

      <Section
        title="Education"
        id="education"
        action={
          <button
            type="button"
            className="secondary"
            onClick={() =>
              editDraft(
                (cv) => void (cv.education = [...(cv.education ?? []), { id: newId(), institution: '' }]),
              )
            }
          >
            Add education
          </button>
        }
      >
        {education.length === 0 && <p className="empty">No education yet.</p>}
        {education.map((entry, index) => (
          <EducationEntryEditor
            key={entry.id ?? index}
            entry={entry}
            index={index}
            count={education.length}
          />
        ))}
      </Section>

      <Section
        title="Skills"
        id="skills"
        action={
          <button
            type="button"
            className="secondary"
            onClick={() =>
              editDraft(
                (cv) => void (cv.skills = [...(cv.skills ?? []), { id: newId(), name: '', keywords: [] }]),
              )
            }
          >
            Add skill group
          </button>
        }
      >
        {skills.length === 0 && <p className="empty">No skills yet.</p>}
        {skills.map((entry, index) => (
          <SkillGroupEditor key={entry.id ?? index} entry={entry} index={index} />
        ))}
      </Section>
    </div>
  );
}
