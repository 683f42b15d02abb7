// Purpose: the translated message to show under a field: its saved value's FieldError, else a command's error.
import type { FieldError, FieldView, IpcError } from '../lib/api';
import { t } from '../lib/i18n';

/** An error a command reported for one field: while saving it, or while marking its step done. */
export interface FieldProblem {
  error: IpcError;
  source: 'save' | 'status';
}

/** A validation rule's message, as for an inline field error (`validation.<code>` with its params). */
export function validationMessage(error: FieldError): string {
  return t(`validation.${error.code}`, error.params);
}

export function fieldMessage(field: FieldView, problem: FieldProblem | null): string | null {
  if (field.error) return validationMessage(field.error);
  if (!problem) return null;
  const { error, source } = problem;
  if (error.code !== 'validation') return t(`error.${error.code}`);
  if (error.detail) return validationMessage(error.detail);
  const empty = field.kind === 'secret' ? !field.secretSet : (field.value ?? '') === '';
  return source === 'status' && field.required && empty ? t('validation.required') : t('field.invalid');
}
