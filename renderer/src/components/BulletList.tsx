/**
 * Editable bullets of one entry: edit, add, remove, move.
 */
import { newId } from '../../../shared/model/cv';
import { useFieldGroup } from './field-group';

interface BulletListProps {
  bullets: string[];
  ids: string[];
  pathPrefix: string;
  onChange: (bullets: string[], ids: string[]) => void;
}

/** The bullet editor of a work entry or project. */
export function BulletList({ bullets, ids, pathPrefix, onChange }: BulletListProps) {
  const form = useFieldGroup();
  const update = (index: number, text: string) => {
    const next = [...bullets];
    next[index] = text;
    onChange(next, ids);
  };
  const remove = (index: number) =>
    onChange(
      bullets.filter((_, position) => position !== index),
      ids.filter((_, position) => position !== index),
    );
  const move = (index: number, offset: number) => {
    const target = index + offset;
    if (target < 0 || target >= bullets.length) return;
    const nextBullets = [...bullets];
    const nextIds = [...ids];
    [nextBullets[index], nextBullets[target]] = [nextBullets[target], nextBullets[index]];
    [nextIds[index], nextIds[target]] = [nextIds[target], nextIds[index]];
    onChange(nextBullets, nextIds);
  };
  return (
    <div className="bullets">
      <ul>
        {bullets.map((bullet, index) => (
          <li key={ids[index] ?? index} className="bullet-row">
            <span className="bullet-dot" aria-hidden="true">
              •
            </span>
            <textarea
              form={form}
              aria-label={`Bullet ${index + 1}`}
              value={bullet}
              rows={Math.max(1, Math.ceil(bullet.length / 80))}
              onChange={(event) => update(index, event.target.value)}
              onKeyDown={(event) => {
                // Alt+↑ / ↓ moves the bullet, not the entry that holds it.
                const offset = event.altKey ? (event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0) : 0;
                if (offset === 0) return;
                event.preventDefault();
                event.stopPropagation();
                move(index, offset);
              }}
              aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
              data-path={`${pathPrefix}.highlights[${index}]`}
            />
            <div className="row-actions">
              <button type="button" className="icon" aria-label={`Move bullet ${index + 1} up`} onClick={() => move(index, -1)} disabled={index === 0}>
                ↑
              </button>
              <button
                type="button"
                className="icon"
                aria-label={`Move bullet ${index + 1} down`}
                onClick={() => move(index, 1)}
                disabled={index === bullets.length - 1}
              >
                ↓
              </button>
              <button type="button" className="icon danger" aria-label={`Remove bullet ${index + 1}`} onClick={() => remove(index)}>
                ×
              </button>
            </div>
          </li>
        ))}
      </ul>
      <button type="button" className="link" onClick={() => onChange([...bullets, ''], [...ids, newId('b')])}>
        + Add bullet
      </button>
    </div>
  );
}
