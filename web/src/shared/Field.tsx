// A labelled form field with the server's message for it shown beside it
// (and announced: the input is described by the message and marked invalid).
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export type FieldProps = { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string };

export function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: (props: FieldProps) => ComponentChildren }) {
  const id = useId();
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  const props: FieldProps = { id, ...(error ? { 'aria-invalid': 'true' as const } : {}), ...(described ? { 'aria-describedby': described } : {}) };
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children(props)}
      {hint && <span class="hint" id={`${id}-hint`}>{hint}</span>}
      {error && <span class="field-error" id={`${id}-error`}>{error}</span>}
    </div>
  );
}
