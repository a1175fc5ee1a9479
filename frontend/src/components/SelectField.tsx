import { useId, type ReactNode } from 'react';

interface SelectFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
  /** `field`: label above (forms); `inline`: label beside (toolbars). */
  layout?: 'field' | 'inline';
  required?: boolean;
}

/**
 * A labelled <select>. The label points at the select (rather than wrapping it), so that the
 * select's accessible name is just the label, not the label plus every option.
 */
export function SelectField({ label, value, onChange, children, layout = 'field', required }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={layout === 'field' ? 'field' : 'inline-field'}>
      <label htmlFor={id} className={layout === 'field' ? 'field__label' : 'inline-field__label'}>
        {label}
      </label>
      <select id={id} value={value} required={required} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}
