/**
 * Reordering a list by drag and drop: a handle starts the drag, each item is a drop target
 * whose upper or lower half places the dragged item before or after it.
 */
import { useMemo, useState, type DragEvent } from 'react';
import { dropIndex } from '../../../../shared/model/order';

/** Where a dragged item would land: before or after the item at `index`. */
export interface DropMarker {
  index: number;
  side: 'before' | 'after';
}

/** The drag handlers of one list; stable, so items can be memoised. */
export interface DragController {
  start(index: number, event: DragEvent<HTMLElement>): void;
  over(index: number, event: DragEvent<HTMLElement>): void;
  drop(index: number, event: DragEvent<HTMLElement>): void;
  end(): void;
}

function sideOf(event: DragEvent<HTMLElement>): DropMarker['side'] {
  const box = event.currentTarget.getBoundingClientRect();
  return event.clientY > box.top + box.height / 2 ? 'after' : 'before';
}

/**
 * Drag and drop within one list. Each list drags its own data type, so an entry never lands in
 * another section and a section never lands inside a list. `onMove` should be stable.
 */
export function useDragReorder(
  key: string,
  onMove: (from: number, to: number) => void,
): { drag: DragController; marker: DropMarker | null } {
  const [marker, setMarker] = useState<DropMarker | null>(null);
  const drag = useMemo<DragController>(() => {
    const type = `application/x-cv-tailor-${key.toLowerCase()}`;
    return {
      start(index, event) {
        event.stopPropagation();
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData(type, String(index));
        const item = event.currentTarget.closest<HTMLElement>('[data-drag-item]');
        if (item) event.dataTransfer.setDragImage(item, 20, 20);
      },
      over(index, event) {
        if (!event.dataTransfer.types.includes(type)) return;
        event.preventDefault();
        event.stopPropagation();
        event.dataTransfer.dropEffect = 'move';
        const side = sideOf(event);
        setMarker((current) =>
          current?.index === index && current.side === side ? current : { index, side },
        );
      },
      drop(index, event) {
        if (!event.dataTransfer.types.includes(type)) return;
        event.preventDefault();
        event.stopPropagation();
        setMarker(null);
        const from = Number(event.dataTransfer.getData(type));
        if (!Number.isInteger(from)) return;
        const to = dropIndex(from, index, sideOf(event) === 'after');
        if (to !== from) onMove(from, to);
      },
      end() {
        setMarker(null);
      },
    };
  }, [key, onMove]);
  return { drag, marker };
}
