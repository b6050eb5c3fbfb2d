/**
 * The structured editor of a master CV: every part of the JSON Resume model, in the CV's own
 * section order, which the person can change (it is what exports print).
 */
import { useCallback, useMemo, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { cvLocale, DEFAULT_CV_LOCALE } from '../../../shared/format/dates';
import type { Cv, CvSection } from '../../../shared/model/cv';
import { reorderSections, sectionsInOrder, shownSections } from '../../../shared/model/order';
import { useWorkspace } from '../state/store-context';
import { ContactSection } from './editor/ContactSection';
import { CvLocaleContext } from './editor/cv-locale';
import { EditorSection } from './editor/EditorSection';
import { useListEditing } from './editor/list-editing';
import { ListSection, newEntry } from './editor/ListSection';
import { ALWAYS_SHOWN, FLUENCY_LIST_ID, FLUENCY_SUGGESTIONS, SECTION_SPECS } from './editor/section-specs';
import { useDragReorder } from './editor/useDragReorder';
import { Field } from './Field';
import { useAfterPaint } from './useAfterPaint';
import '../styles/editor.css';

function SummarySection() {
  const summary = useWorkspace((state) => state.draft?.basics?.summary);
  const editDraft = useWorkspace((state) => state.editDraft);
  return (
    <EditorSection id="summary" title="Summary">
      <Field
        label="Professional summary"
        multiline
        value={summary}
        placeholder="Two or three sentences about what you do best."
        onChange={(value) =>
          editDraft((cv) => {
            cv.basics ??= {};
            cv.basics.summary = value;
          })
        }
        dataPath="basics.summary"
      />
    </EditorSection>
  );
}

/** A button that starts an empty section with its first entry. */
function AddSectionButton({ section }: { section: CvSection }) {
  const spec = SECTION_SPECS[section];
  const editing = useListEditing(spec.list);
  return (
    <button
      type="button"
      className="secondary add-section"
      data-add-for={section}
      onClick={() => editing.add(newEntry(spec), 'end')}
    >
      + {spec.title}
    </button>
  );
}

/** Keeps focus on a moved section's move buttons (the one clicked may now be disabled). */
function settleSectionFocus(section: CvSection): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const card = document.querySelector<HTMLElement>(`[data-section="${section}"]`);
      const active = document.activeElement;
      const isUsable =
        active instanceof HTMLElement && card?.contains(active) && !(active as HTMLButtonElement).disabled;
      if (!card || isUsable) return;
      card.querySelector<HTMLElement>('.section-header [data-move]:not(:disabled)')?.focus();
    }),
  );
}

const NO_SECTIONS: CvSection[] = [];

/**
 * The language the CV's dates are shown in, for the date hints. It reads the whole CV, so it
 * follows the typing one frame late; its children do not re-render with it.
 */
function CvLocaleProvider({ children }: { children: ReactNode }) {
  const draft = useAfterPaint(useWorkspace((state) => state.draft));
  const locale = useMemo(() => (draft ? cvLocale(draft) : DEFAULT_CV_LOCALE), [draft]);
  return <CvLocaleContext.Provider value={locale}>{children}</CvLocaleContext.Provider>;
}

/** Edits the open CV; every change autosaves. It re-renders only when the sections shown change. */
export function CvEditor() {
  const hasDraft = useWorkspace((state) => state.draft !== null);
  const editDraft = useWorkspace((state) => state.editDraft);
  const shown = useWorkspace(
    useShallow((state) => (state.draft ? shownSections(state.draft, ALWAYS_SHOWN) : NO_SECTIONS)),
  );
  const hidden = useWorkspace(
    useShallow((state) => {
      if (!state.draft) return NO_SECTIONS;
      const visible = shownSections(state.draft, ALWAYS_SHOWN);
      return sectionsInOrder(state.draft).filter((section) => !visible.includes(section));
    }),
  );

  const moveSection = useCallback(
    (from: number, to: number) => {
      let moved: CvSection | undefined;
      editDraft((cv: Cv) => {
        const visible = shownSections(cv, ALWAYS_SHOWN);
        if (to < 0 || to >= visible.length || from === to) return;
        moved = visible[from];
        cv.meta = {
          ...(cv.meta ?? {}),
          sectionOrder: reorderSections(sectionsInOrder(cv), visible, from, to),
        };
      });
      if (moved) settleSectionFocus(moved);
    },
    [editDraft],
  );
  const { drag, marker } = useDragReorder('sections', moveSection);

  if (!hasDraft) return null;
  return (
    <CvLocaleProvider>
      <div className="cv-editor">
        <ContactSection />
        <SummarySection />
        {shown.map((section, position) => (
          <ListSection
            key={section}
            section={section}
            position={position}
            count={shown.length}
            onMove={moveSection}
            drag={drag}
            marker={marker?.index === position ? marker.side : undefined}
          />
        ))}
        {hidden.length > 0 && (
          <section className="add-sections" aria-labelledby="add-sections-title">
            <h2 id="add-sections-title">Add a section</h2>
            <div className="add-section-buttons">
              {hidden.map((section) => (
                <AddSectionButton key={section} section={section} />
              ))}
            </div>
          </section>
        )}
        <datalist id={FLUENCY_LIST_ID}>
          {FLUENCY_SUGGESTIONS.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
      </div>
    </CvLocaleProvider>
  );
}
