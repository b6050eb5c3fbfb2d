/**
 * A titled card of the editor; a list section's card can also be moved among the others by its
 * grip, its move buttons, or Alt+↑ / ↓ in its header.
 */
import type { ReactNode } from 'react';
import { FieldGroup } from '../field-group';
import { DragHandle, MoveButtons, moveByKey } from './Reorderable';
import type { DragController, DropMarker } from './useDragReorder';

/** How a section card moves among the others. */
export interface SectionReorder {
  position: number;
  count: number;
  onMove: (from: number, to: number) => void;
  drag: DragController;
  marker: DropMarker['side'] | undefined;
}

interface EditorSectionProps {
  id: string;
  title: string;
  children: ReactNode;
  /** A button at the right of the header (Add …). */
  action?: ReactNode;
  reorder?: SectionReorder;
}

/** A section of the editor with its heading. */
export function EditorSection({ id, title, children, action, reorder }: EditorSectionProps) {
  return (
    <section
      className={`editor-section ${reorder?.marker ? `drop-${reorder.marker}` : ''}`}
      aria-labelledby={`${id}-title`}
      data-section={id}
      data-drag-item=""
      onDragOver={reorder ? (event) => reorder.drag.over(reorder.position, event) : undefined}
      onDrop={reorder ? (event) => reorder.drag.drop(reorder.position, event) : undefined}
    >
      <header
        className="section-header"
        aria-keyshortcuts={reorder ? 'Alt+ArrowUp Alt+ArrowDown' : undefined}
        onKeyDown={
          reorder ? (event) => moveByKey(event, reorder.position, reorder.count, reorder.onMove) : undefined
        }
      >
        {reorder && (
          <DragHandle
            onDragStart={(event) => reorder.drag.start(reorder.position, event)}
            onDragEnd={reorder.drag.end}
          />
        )}
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="section-tools">
          {reorder && (
            <span className="section-moves">
              <MoveButtons
                label={`${title} section`}
                index={reorder.position}
                count={reorder.count}
                onMove={reorder.onMove}
              />
            </span>
          )}
          {action}
        </div>
      </header>
      <FieldGroup>{children}</FieldGroup>
    </section>
  );
}
