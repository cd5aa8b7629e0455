import { useId, type InputHTMLAttributes, type Ref, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

type ShellProps = {
  label: ReactNode;
  /** Shown below the control, linked with aria-describedby. */
  hint?: ReactNode;
  /** The message for this field in the current language (empty = valid). */
  error?: string | null;
  required?: boolean;
  className?: string;
};

type ControlA11y = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string; required?: boolean };

/** Label, control, hint and error of one form field; the control gets the ids it needs. */
function Shell({ label, hint, error, required, className = '', control }: ShellProps & { control: (a: ControlA11y) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const described = [hint ? hintId : '', error ? errId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field form-field ${error ? 'has-error' : ''} ${className}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="req" aria-hidden="true"> *</span>}
      </label>
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described, required })}
      {hint && <p className="field-hint" id={hintId}>{hint}</p>}
      {error && <p className="field-error" id={errId}>{error}</p>}
    </div>
  );
}

type Common = ShellProps & { value: string; onChange: (v: string) => void; name: string };

export function TextField({ label, hint, error, required, className, value, onChange, name, ...rest }:
  Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'name' | 'required'> & { ref?: Ref<HTMLInputElement> }) {
  return (
    <Shell label={label} hint={hint} error={error} required={required} className={className}
      control={(a) => <input {...rest} {...a} name={name} value={value} onChange={(e) => onChange(e.target.value)} />} />
  );
}

export function TextArea({ label, hint, error, required, className, value, onChange, name, ...rest }:
  Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'name' | 'required'>) {
  return (
    <Shell label={label} hint={hint} error={error} required={required} className={className}
      control={(a) => <textarea rows={4} {...rest} {...a} name={name} value={value} onChange={(e) => onChange(e.target.value)} />} />
  );
}

export function SelectField({ label, hint, error, required, className, value, onChange, name, children, ...rest }:
  Common & { children: ReactNode } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'name' | 'required' | 'children'>) {
  return (
    <Shell label={label} hint={hint} error={error} required={required} className={className}
      control={(a) => <select {...rest} {...a} name={name} value={value} onChange={(e) => onChange(e.target.value)}>{children}</select>} />
  );
}

export function CheckboxField({ label, checked, onChange, name, hint }: {
  label: ReactNode; checked: boolean; onChange: (v: boolean) => void; name: string; hint?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="check-field">
      <input type="checkbox" id={id} name={name} checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint && <p className="field-hint" id={`${id}-hint`}>{hint}</p>}
    </div>
  );
}

/** A message about the whole form (saved, failed, conflict); announced to screen readers. */
export function Alert({ kind, children, title }: { kind: 'error' | 'success' | 'info' | 'warning'; children: ReactNode; title?: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' || kind === 'warning' ? 'alert' : 'status'}>
      {title && <p className="alert-title">{title}</p>}
      {children}
    </div>
  );
}
