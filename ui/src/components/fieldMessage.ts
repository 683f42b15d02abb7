// Purpose: the translated message to show under a field: its saved value's FieldError, else a command's error.
import type { FieldView, IpcError } from '../lib/ipc';
import { t } from '../lib/i18n';

/** An error a command reported for one field: while saving it, or while marking its step done. */
export interface FieldProblem {
  error: IpcError;
  source: 'save' | 'status';
}

export function fieldMessage(field: FieldView, problem: FieldProblem | null): string | null {
  if (field.error) return t(`validation.${field.error.code}`, field.error.params);
  if (!problem) return null;
  const { error, source } = problem;
  if (error.code !== 'validation') return t(`error.${error.code}`);
  const empty = field.kind === 'secret' ? !field.secretSet : (field.value ?? '') === '';
  return source === 'status' && field.required && empty ? t('validation.required') : t('field.invalid');
}
