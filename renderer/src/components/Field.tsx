/**
 * Labelled text inputs used throughout the editor.
 */
import { useId } from 'react';
import { useFieldGroup } from './field-group';

interface FieldProps {
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  placeholder?: string;
  multiline?: boolean;
  type?: 'text' | 'email' | 'tel' | 'url';
  className?: string;
  /** Marks the control for tests and for scrolling to evidence. */
  dataPath?: string;
  /** The id of a `<datalist>` of suggestions. */
  list?: string;
  /** A line under the control: how the value will read ("Shown as Mar 2019"). */
  hint?: string;
}

/** A text field with a visible label. */
export function Field({ label, value, onChange, placeholder, multiline, type = 'text', className, dataPath, list, hint }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const form = useFieldGroup();
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          form={form}
          value={value ?? ''}
          placeholder={placeholder}
          rows={Math.max(3, Math.ceil((value ?? '').length / 90))}
          onChange={(event) => onChange(event.target.value)}
          data-path={dataPath}
        />
      ) : (
        <input
          id={id}
          form={form}
          type={type}
          list={list}
          value={value ?? ''}
          placeholder={placeholder}
          onChange={(event) => onChange(event.target.value)}
          data-path={dataPath}
          aria-describedby={hintId}
        />
      )}
      {hint && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
