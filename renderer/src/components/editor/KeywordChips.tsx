/**
 * A list of short values (skills, courses, keywords, roles) as chips: type and press Enter or a
 * comma to add; on a chip, Enter edits it, Delete or Backspace removes it, ← / → move between
 * chips and Alt+← / → move the chip itself.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { moveItem } from '../../../../shared/model/order';
import { useFieldGroup } from '../field-group';

interface KeywordChipsProps {
  /** The visible label ("Skills"). */
  label: string;
  /** One value, in words ("skill"). */
  itemNoun: string;
  /** What the list belongs to ("Languages"), so each add field has its own name. */
  owner: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** JSON Resume path of the list (`skills[0].keywords`); each chip gets `…[index]`. */
  path: string;
}

/** Splits typed or pasted text into values (commas, semicolons and line breaks separate them). */
function splitValues(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Appends values not already present (compared without case). */
function withAdded(values: string[], added: string[]): string[] {
  const result = [...values];
  for (const value of added) {
    if (!result.some((existing) => existing.toLowerCase() === value.toLowerCase())) result.push(value);
  }
  return result;
}

/** Chips of a string list, edited by keyboard or mouse. */
export function KeywordChips({ label, itemNoun, owner, values, onChange, path }: KeywordChipsProps) {
  const labelId = useId();
  const hintId = useId();
  const form = useFieldGroup();
  const boxRef = useRef<HTMLDivElement>(null);
  const [typed, setTyped] = useState('');
  const [editing, setEditing] = useState<{ index: number; text: string } | null>(null);
  const editRef = useRef<HTMLInputElement>(null);
  // An edit ends once: Enter or Escape, and not again by the blur of the field going away.
  const isEditDone = useRef(true);

  const isEditing = editing !== null;
  useEffect(() => {
    if (!isEditing) return;
    editRef.current?.focus();
    editRef.current?.select();
  }, [isEditing]);

  /** Focuses a chip once the list shows the change; past the end, the add field. */
  const focusChip = (index: number) =>
    requestAnimationFrame(() => {
      const chips = boxRef.current?.querySelectorAll<HTMLElement>('.chip-text') ?? [];
      const target =
        index >= 0 && index < chips.length
          ? chips[index]
          : boxRef.current?.querySelector<HTMLElement>('.chip-input');
      target?.focus();
    });

  const addTyped = (text: string) => {
    const added = splitValues(text);
    if (added.length > 0) onChange(withAdded(values, added));
    setTyped('');
  };

  const remove = (index: number) => {
    onChange(values.filter((_, position) => position !== index));
    focusChip(values.length - 1 === 0 ? -1 : Math.min(index, values.length - 2));
  };

  const startEdit = (index: number, text: string) => {
    isEditDone.current = false;
    setEditing({ index, text });
  };

  const finishEdit = (isKept: boolean) => {
    if (!editing || isEditDone.current) return;
    isEditDone.current = true;
    const { index, text } = editing;
    setEditing(null);
    if (isKept) {
      const parts = splitValues(text);
      const others = values.filter((_, position) => position !== index);
      const fresh = parts.filter(
        (part) => !others.some((other) => other.toLowerCase() === part.toLowerCase()),
      );
      const next = [...values.slice(0, index), ...fresh, ...values.slice(index + 1)];
      if (next.join('\u0000') !== values.join('\u0000')) onChange(next);
      if (fresh.length === 0) {
        focusChip(Math.min(index, next.length - 1));
        return;
      }
    }
    focusChip(index);
  };

  const onChipKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const { key } = event;
    if (event.altKey && (key === 'ArrowLeft' || key === 'ArrowRight')) {
      event.preventDefault();
      event.stopPropagation();
      const target = index + (key === 'ArrowLeft' ? -1 : 1);
      if (target < 0 || target >= values.length) return;
      onChange(moveItem(values, index, target));
      focusChip(target);
    } else if (key === 'Delete' || key === 'Backspace') {
      event.preventDefault();
      remove(index);
    } else if (key === 'ArrowLeft' || key === 'ArrowRight') {
      event.preventDefault();
      focusChip(Math.max(0, index + (key === 'ArrowLeft' ? -1 : 1)));
    } else if (key === 'Home' || key === 'End') {
      event.preventDefault();
      focusChip(key === 'Home' ? 0 : values.length - 1);
    }
  };

  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      addTyped(typed);
    } else if (
      (event.key === 'Backspace' || event.key === 'ArrowLeft') &&
      typed === '' &&
      values.length > 0
    ) {
      event.preventDefault();
      focusChip(values.length - 1);
    }
  };

  return (
    <div className="field chip-field">
      <span className="field-label" id={labelId}>
        {label}
      </span>
      <div className="chip-box" ref={boxRef}>
        {values.length > 0 && (
          <ul className="keyword-chips" aria-labelledby={labelId}>
            {values.map((value, index) => (
              <li key={`${index}-${value}`} className="keyword-chip">
                {editing?.index === index ? (
                  <input
                    ref={editRef}
                    form={form}
                    className="chip-edit"
                    aria-label={`Edit ${itemNoun} ${value}`}
                    value={editing.text}
                    size={Math.max(4, editing.text.length + 1)}
                    onChange={(event) => setEditing({ index, text: event.target.value })}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') {
                        event.preventDefault();
                        finishEdit(true);
                      } else if (event.key === 'Escape') {
                        event.preventDefault();
                        event.stopPropagation();
                        finishEdit(false);
                      }
                    }}
                    onBlur={() => finishEdit(true)}
                  />
                ) : (
                  <>
                    <button
                      type="button"
                      className="chip-text"
                      data-path={`${path}[${index}]`}
                      aria-describedby={hintId}
                      onClick={() => startEdit(index, value)}
                      onKeyDown={(event) => onChipKey(event, index)}
                    >
                      {value}
                    </button>
                    <button
                      type="button"
                      className="chip-remove"
                      tabIndex={-1}
                      aria-label={`Remove ${itemNoun} ${value}`}
                      onClick={() => remove(index)}
                    >
                      ×
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        <input
          form={form}
          className="chip-input"
          aria-label={`Add ${itemNoun} to ${owner}`}
          aria-describedby={hintId}
          placeholder={values.length > 0 ? `Add ${itemNoun}…` : `Type a ${itemNoun}, then Enter`}
          value={typed}
          data-path={path}
          onChange={(event) => {
            const text = event.target.value;
            if (/[,;]/.test(text)) {
              const parts = text.split(/[,;]/);
              const rest = parts.pop() ?? '';
              addTyped(parts.join(','));
              setTyped(rest.trimStart());
            } else setTyped(text);
          }}
          onKeyDown={onInputKey}
          onBlur={() => {
            if (typed.trim()) addTyped(typed);
          }}
        />
      </div>
      <span id={hintId} className="visually-hidden">
        Enter or a comma adds. On a {itemNoun}: Enter edits it, Delete removes it, Alt+Left or Alt+Right moves
        it.
      </span>
    </div>
  );
}
