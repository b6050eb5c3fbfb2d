/**
 * One list section of the CV (work, education, skills, projects…): its entries, in order, with
 * add, move (drag, buttons, Alt+↑ / ↓) and remove with undo.
 */
import { memo } from 'react';
import { newId, type CvSection } from '../../../../shared/model/cv';
import { useWorkspace } from '../../state/store-context';
import { EditorSection, type SectionReorder } from './EditorSection';
import { EntryCard } from './EntryCard';
import { useListEditing, type Entry } from './list-editing';
import { SECTION_SPECS, type SectionSpec } from './section-specs';
import { useDragReorder } from './useDragReorder';

/** A fresh, empty entry of a section. */
export function newEntry(spec: SectionSpec): Entry {
  return {
    id: newId(),
    ...(spec.hasBullets ? { highlights: [], highlightIds: [] } : {}),
    ...Object.fromEntries((spec.chips ?? []).map((chips) => [chips.key, []])),
  };
}

const NO_ENTRIES: Entry[] = [];

interface ListSectionProps extends SectionReorder {
  section: CvSection;
}

/** A list section; memoised, so typing in another section does not re-render it. */
export const ListSection = memo(function ListSection({
  section,
  position,
  count,
  onMove,
  drag: sectionDrag,
  marker: sectionMarker,
}: ListSectionProps) {
  const spec = SECTION_SPECS[section];
  const entries = useWorkspace((state) => spec.list.read(state.draft ?? {})) ?? NO_ENTRIES;
  const editing = useListEditing(spec.list);
  const { drag, marker } = useDragReorder(spec.list.key, editing.move);
  return (
    <EditorSection
      id={section}
      title={spec.title}
      reorder={{ position, count, onMove, drag: sectionDrag, marker: sectionMarker }}
      action={
        <button
          type="button"
          className="secondary"
          data-add-for={section}
          onClick={() => editing.add(newEntry(spec), spec.addAt)}
        >
          {spec.addLabel}
        </button>
      }
    >
      {entries.length === 0 && <p className="empty">{spec.emptyText}</p>}
      <div className={`entry-list entry-list-${section} ${spec.isCompact ? 'compact' : ''}`}>
        {entries.map((entry, index) => (
          <EntryCard
            key={entry.id ?? index}
            spec={spec}
            entry={entry}
            index={index}
            count={entries.length}
            editing={editing}
            drag={drag}
            marker={marker?.index === index ? marker.side : undefined}
          />
        ))}
      </div>
    </EditorSection>
  );
});
