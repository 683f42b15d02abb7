// Purpose: which message a field shows: its saved value's error, a command's validation detail, or the fallback.
import { describe, expect, it } from 'vitest';
import { fieldMessage, validationMessage } from './fieldMessage';
import type { FieldView } from '../lib/api';
import { applyLocale } from '../lib/i18n';
import { ipcError, validationError } from '../test/fixtures';

function field(change: Partial<FieldView> = {}): FieldView {
  return {
    id: 'emails',
    label: 'Notification e-mails',
    help: null,
    kind: 'multiline',
    required: true,
    options: [],
    value: null,
    secretSet: false,
    error: null,
    source: null,
    fromConnection: null,
    countryCodes: null,
    ...change,
  };
}

describe('fieldMessage', () => {
  it('shows nothing for a valid field without a problem', () => {
    expect(fieldMessage(field(), null)).toBeNull();
  });

  it("prefers the saved value's own error", () => {
    const saved = field({ value: 'x', error: { code: 'email_list', params: { item: 'x' } } });
    expect(fieldMessage(saved, { error: validationError('emails', 'required'), source: 'status' })).toBe(
      '“x” is not a valid e-mail address. Separate the addresses with commas.',
    );
  });

  it("translates a command's validation detail with its params", () => {
    const problem = { error: validationError('emails', 'too_long', { max: '255' }), source: 'save' as const };
    expect(fieldMessage(field({ value: 'a@example.com' }), problem)).toBe('This is too long: 255 characters at most.');
    applyLocale('fr');
    expect(fieldMessage(field({ value: 'a@example.com' }), problem)).toMatch(/^Trop long\s: 255 caractères au maximum\.$/);
  });

  it('falls back to "required" or a generic message without detail', () => {
    const error = ipcError('validation', 'emails is invalid', 'emails');
    expect(fieldMessage(field(), { error, source: 'status' })).toBe('This field is required.');
    expect(fieldMessage(field({ value: 'x' }), { error, source: 'status' })).toBe(
      'This value is not valid. Check it and try again.',
    );
    expect(fieldMessage(field(), { error, source: 'save' })).toBe('This value is not valid. Check it and try again.');
  });

  it('shows the error message of another code', () => {
    expect(fieldMessage(field(), { error: ipcError('storage', 'locked'), source: 'save' })).toMatch(
      /^Switchboard could not read or write its data\./,
    );
  });

  it('translates a bare rule', () => {
    applyLocale('ja');
    expect(validationMessage({ code: 'secret_whitespace', params: {} })).toContain('空白か改行');
  });
});
