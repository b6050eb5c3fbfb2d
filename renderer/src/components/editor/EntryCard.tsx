/**
 * One entry of a list section, drawn from its section's spec: the field grid, chip lists and
 * bullets, inside a card that can be moved and removed.
 */
import { memo, useContext } from 'react';
import { BulletList } from '../BulletList';
import { Field } from '../Field';
import { CvLocaleContext, dateHint } from './cv-locale';
import { KeywordChips } from './KeywordChips';
import type { Entry, ListEditing } from './list-editing';
import { Reorderable } from './Reorderable';
import { entryName, listOf, textOf, type FieldSpec, type SectionSpec } from './section-specs';
import type { DragController, DropMarker } from './useDragReorder';

interface EntryCardProps {
  spec: SectionSpec;
  entry: Entry;
  index: number;
  count: number;
  editing: ListEditing;
  drag: DragController;
  marker: DropMarker['side'] | undefined;
}

/** One entry; memoised, so typing in another entry does not re-render it. */
export const EntryCard = memo(function EntryCard({
  spec,
  entry,
  index,
  count,
  editing,
  drag,
  marker,
}: EntryCardProps) {
  const name = entryName(spec, entry, index);
  const locale = useContext(CvLocaleContext);
  const path = `${spec.section}[${index}]`;
  const field = (item: FieldSpec) => (
    <Field
      key={item.key}
      label={item.label}
      value={textOf(entry, item.key)}
      placeholder={item.placeholder}
      type={item.type}
      multiline={item.multiline}
      list={item.list}
      hint={item.date ? dateHint(textOf(entry, item.key), locale) : undefined}
      className={item.multiline ? 'span-all' : undefined}
      dataPath={`${path}.${item.key}`}
      onChange={(value) => editing.setText(index, item.key, value)}
    />
  );
  const Note = spec.Note;
  return (
    <Reorderable
      label={name}
      index={index}
      count={count}
      editing={editing}
      drag={drag}
      marker={marker}
      className={`entry-card entry-${spec.section}`}
      note={Note ? <Note index={index} /> : undefined}
      footer={
        spec.hasBullets ? (
          <BulletList
            bullets={listOf(entry, 'highlights')}
            ids={listOf(entry, 'highlightIds')}
            pathPrefix={path}
            onChange={(bullets, ids) => editing.setBullets(index, bullets, ids)}
          />
        ) : undefined
      }
    >
      <div className={`grid two entry-fields ${spec.isCompact ? 'keep-row' : ''}`}>
        {spec.cells.map((cell) =>
          Array.isArray(cell) ? (
            <div
              key={cell.map((item) => item.key).join('-')}
              className={`grid ${cell.length === 3 ? 'three' : 'two'} tight`}
            >
              {cell.map(field)}
            </div>
          ) : (
            field(cell)
          ),
        )}
      </div>
      {spec.chips?.map((chips) => (
        <KeywordChips
          key={chips.key}
          label={chips.label}
          itemNoun={chips.itemNoun}
          owner={name}
          values={listOf(entry, chips.key)}
          path={`${path}.${chips.key}`}
          onChange={(values) => editing.setList(index, chips.key, values)}
        />
      ))}
    </Reorderable>
  );
});
