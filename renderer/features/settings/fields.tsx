/**
 * The settings page's controls: a checkbox, a select and a text field that
 * saves on Enter or when focus leaves it. Each writes one setting at once.
 */
import { useId, useState, type ReactNode } from 'react';

interface CheckProps {
  label: string;
  hint?: string;
  checked: boolean;
  disabled?: boolean;
  onChange(value: boolean): void;
}

export function CheckField({ label, hint, checked, disabled, onChange }: CheckProps) {
  const id = useId();
  return (
    <div className="setting">
      <label className="check">
        <input
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{label}</span>
      </label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

interface SelectProps<T extends string | number> {
  label: string;
  hint?: string;
  value: T;
  options: readonly { value: T; label: string; lang?: string }[];
  disabled?: boolean;
  onChange(value: T): void;
}

export function SelectField<T extends string | number>(props: SelectProps<T>) {
  const { label, hint, value, options, disabled, onChange } = props;
  const id = useId();
  // A value from a hand-edited file that is not among the choices is still shown truthfully.
  const all = options.some((o) => o.value === value) ? options : [...options, { value, label: String(value) }];
  return (
    <div className="setting field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input"
        value={String(value)}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(all.find((o) => String(o.value) === e.target.value)!.value)}
      >
        {all.map((o) => (
          <option key={String(o.value)} value={String(o.value)} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

interface TextProps {
  label: string;
  hint?: ReactNode;
  value: string;
  type?: 'text' | 'url';
  /** Returns a message when the draft cannot be saved (shown under the field), null to save it. */
  validate?(draft: string): string | null;
  onSave(value: string): Promise<void> | void;
}

export function TextField({ label, hint, value, type = 'text', validate, onSave }: TextProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = draft ?? value;
  const save = async () => {
    if (draft === null || draft === value) return;
    const message = validate?.(draft) ?? null;
    setProblem(message);
    if (message) return;
    await onSave(draft);
    setDraft(null);
  };
  return (
    <div className="setting field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type={type}
        value={shown}
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={[hint && `${id}-hint`, problem && `${id}-error`].filter(Boolean).join(' ') || undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape' && draft !== null) {
            e.stopPropagation();
            setDraft(null);
            setProblem(null);
          }
        }}
      />
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {problem && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
