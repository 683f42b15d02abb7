// Purpose: t() interpolation and fallbacks, plurals through Intl.PluralRules, <html lang> on every switch.
import { describe, expect, it } from 'vitest';
import { applyLocale, currentLocale, formatList, interpolate, t, tn } from './index';

describe('t', () => {
  it('interpolates {placeholders} and leaves unknown ones visible', () => {
    expect(t('home.openLabel', { name: 'Acme' })).toBe('Open Acme');
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('follows the current locale', () => {
    applyLocale('fr');
    expect(t('flow.markDone')).toBe('Marquer comme terminée');
    applyLocale('ja');
    expect(t('flow.markDone')).toBe('完了にする');
    expect(currentLocale()).toBe('ja');
  });

  it('translates validation messages with their params', () => {
    applyLocale('fr');
    expect(t('validation.too_long', { max: 64 })).toBe('Trop long\u00a0: 64 caractères au maximum.');
    applyLocale('ja');
    expect(t('validation.email_list', { item: 'x@' })).toContain('「x@」');
  });
});

describe('tn', () => {
  it('picks plural forms with Intl.PluralRules', () => {
    applyLocale('en');
    expect(tn('home.count', 1)).toBe('1 profile');
    expect(tn('home.count', 0)).toBe('0 profiles');
    applyLocale('fr');
    expect(tn('home.count', 0)).toBe('0 profil');
    expect(tn('home.count', 2)).toBe('2 profils');
    applyLocale('ja');
    expect(tn('home.count', 1)).toBe('1 件のプロファイル');
  });

  it('passes extra params', () => {
    applyLocale('en');
    expect(tn('progress.steps', 3, { total: 8 })).toBe('3 steps done out of 8');
    applyLocale('fr');
    expect(tn('progress.steps', 1, { total: 8 })).toBe('1 étape terminée sur 8');
    // French singular covers 0 and 1, with no « (s) » left for the reader to sort out.
    expect(tn('directory.previewShown', 0, { total: 3 })).toBe('0 utilisateur affiché sur 3.');
    expect(tn('directory.previewShown', 2, { total: 3 })).toBe('2 utilisateurs affichés sur 3.');
  });
});

describe('applyLocale', () => {
  it('sets <html lang> on every switch', () => {
    applyLocale('ja');
    expect(document.documentElement.lang).toBe('ja');
    applyLocale('fr');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('formats lists in the current language', () => {
    applyLocale('en');
    expect(formatList(['A', 'B', 'C'])).toBe('A, B, and C');
    applyLocale('fr');
    expect(formatList(['A', 'B'])).toBe('A et B');
  });
});
