// Purpose: every ErrorCode renders its translated message (en, fr, ja), with the English detail folded away.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import ErrorNotice from './ErrorNotice.svelte';
import { ERROR_CODES, type ErrorCode } from '../lib/api';
import { applyLocale, t } from '../lib/i18n';
import en from '../lib/i18n/en.json';
import fr from '../lib/i18n/fr.json';
import ja from '../lib/i18n/ja.json';

const catalogues = { en, fr, ja } as const;

describe('ErrorNotice', () => {
  for (const locale of ['en', 'fr', 'ja'] as const) {
    it.each(ERROR_CODES)(`renders %s in ${locale}`, (code: ErrorCode) => {
      applyLocale(locale);
      render(ErrorNotice, { error: { code, message: `detail for ${code}` } });
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toContain(catalogues[locale].error[code]);
      expect(alert.querySelector('details')).toHaveTextContent(`detail for ${code}`);
      expect(alert.querySelector('details')).not.toHaveAttribute('open');
    });
  }

  it('adds the keychain fix to keychain_unavailable', () => {
    render(ErrorNotice, { error: { code: 'keychain_unavailable', message: 'x' } });
    expect(screen.getByRole('alert')).toHaveTextContent(t('keychain.fix'));
  });

  it('says which rule a refused document broke, e.g. a text too long', () => {
    applyLocale('fr');
    render(ErrorNotice, {
      error: { code: 'validation', message: 'x', field: 'name', detail: { code: 'too_long', params: { max: '200' } } },
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Trop long : 200 caractères au maximum.');
    applyLocale('en');
  });

  it('prefers a context message when given', () => {
    render(ErrorNotice, { error: { code: 'conflict', message: 'x' }, message: 'Name taken' });
    expect(screen.getByRole('alert')).toHaveTextContent('Name taken');
  });
});
