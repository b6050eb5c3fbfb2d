/**
 * One entry of a reorderable list: a drag handle, move up / down and remove buttons, Alt+↑ / ↓
 * anywhere inside it, and a drop line while another entry is dragged over it.
 */
import type { DragEvent, KeyboardEvent, ReactNode } from 'react';
import type { ListEditing } from './list-editing';
import { FieldGroup } from '../field-group';
import type { DragController, DropMarker } from './useDragReorder';

/** Moves an item by Alt+↑ / Alt+↓; returns true when the key was used. */
export function moveByKey(
  event: KeyboardEvent<HTMLElement>,
  index: number,
  count: number,
  move: (from: number, to: number) => void,
): boolean {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return false;
  const offset = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
  if (offset === 0) return false;
  event.preventDefault();
  event.stopPropagation();
  const target = index + offset;
  if (target >= 0 && target < count) move(index, target);
  return true;
}

/** The grip that starts a drag; mouse only (the buttons and Alt+↑ / ↓ do the same by keyboard). */
export function DragHandle({
  onDragStart,
  onDragEnd,
}: {
  onDragStart: (event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
}) {
  return (
    <span
      className="drag-handle"
      draggable
      aria-hidden="true"
      title="Drag to move (or Alt+↑ / Alt+↓)"
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
    >
      ⠿
    </span>
  );
}

interface MoveButtonsProps {
  label: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
}

/** Move up and move down, named after what they move. */
export function MoveButtons({ label, index, count, onMove }: MoveButtonsProps) {
  return (
    <>
      <button
        type="button"
        className="icon"
        data-move="up"
        aria-label={`Move ${label} up`}
        disabled={index === 0}
        onClick={() => onMove(index, index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon"
        data-move="down"
        aria-label={`Move ${label} down`}
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
      >
        ↓
      </button>
    </>
  );
}

interface ReorderableProps {
  /** What the entry is, for its accessible name and its buttons ("Data Engineer at Nordlicht"). */
  label: string;
  index: number;
  count: number;
  editing: ListEditing;
  drag: DragController;
  marker: DropMarker['side'] | undefined;
  className?: string;
  children: ReactNode;
  /** Shown above the fields, e.g. an importer's note on the entry. */
  note?: ReactNode;
  /** Shown below, across the card's width (the bullets, with their own buttons). */
  footer?: ReactNode;
}

/** An entry card that can be dragged, moved by keyboard, and removed (with undo). */
export function Reorderable({
  label,
  index,
  count,
  editing,
  drag,
  marker,
  className,
  children,
  note,
  footer,
}: ReorderableProps) {
  return (
    <article
      className={`reorderable ${className ?? ''} ${marker ? `drop-${marker}` : ''}`}
      aria-label={label}
      aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
      tabIndex={-1}
      data-entry-of={editing.key}
      data-drag-item=""
      onKeyDown={(event) => moveByKey(event, index, count, editing.move)}
      onDragOver={(event) => drag.over(index, event)}
      onDrop={(event) => drag.drop(index, event)}
    >
      <FieldGroup>
        {note}
        <div className="reorderable-row">
          <DragHandle onDragStart={(event) => drag.start(index, event)} onDragEnd={drag.end} />
          <div className="reorderable-body">{children}</div>
          <div className="row-actions">
            <MoveButtons label={label} index={index} count={count} onMove={editing.move} />
            <button
              type="button"
              className="icon danger"
              aria-label={`Remove ${label}`}
              onClick={() => editing.remove(index, label)}
            >
              ×
            </button>
          </div>
        </div>
        {footer && <div className="reorderable-footer">{footer}</div>}
      </FieldGroup>
    </article>
  );
}
