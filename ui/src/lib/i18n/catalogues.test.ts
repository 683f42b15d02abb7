// Purpose: keeps en/fr/ja catalogues in step: same keys, same {placeholders}, no untranslated copies.
import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';
import ja from './ja.json';
import { ERROR_CODES, RATE_LIMIT_MODES, STEP_KINDS, STEP_STATUSES, VALIDATION_CODES, VENDORS } from '../api';
import { DIAGNOSIS_CODES, ENDPOINT_FIELDS, VENDOR_SPECS } from '../connections';

type Node = string | { [key: string]: Node };

const PLURAL_CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/** Values allowed to be identical to English: proper names and true cognates only. Keep it tiny. */
const SAME_AS_ENGLISH = new Set([
  'Switchboard', 'Zoom', 'Zoom Contact Center', 'Salesforce', 'NICE CXone', 'Genesys Cloud', 'OK', 'E-mail',
  // Product names of the data-actions kinds.
  'AWS Lambda', 'Google', 'Microsoft Dynamics 365', 'Zendesk',
]);

function isPluralNode(node: Node): node is Record<string, string> {
  if (typeof node === 'string') return false;
  const keys = Object.keys(node);
  return keys.includes('other') && keys.every((k) => PLURAL_CATEGORIES.has(k) && typeof node[k] === 'string');
}

/** Flattens to dotted keys; a plural node is one entry holding its forms. */
function flatten(node: Node, prefix = '', out = new Map<string, string[]>()): Map<string, string[]> {
  if (typeof node === 'string') {
    out.set(prefix, [node]);
  } else if (isPluralNode(node)) {
    out.set(prefix, Object.values(node));
  } else {
    for (const [key, child] of Object.entries(node)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  }
  return out;
}

function placeholders(value: string): string[] {
  return [...new Set([...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

const catalogues = { en: flatten(en), fr: flatten(fr), ja: flatten(ja) };
const others = ['fr', 'ja'] as const;

describe('i18n catalogues', () => {
  it.each(others)('%s has exactly the keys of en', (locale) => {
    const enKeys = [...catalogues.en.keys()].sort();
    const keys = [...catalogues[locale].keys()].sort();
    expect(keys.filter((k) => !catalogues.en.has(k)), 'keys missing from en').toEqual([]);
    expect(enKeys.filter((k) => !catalogues[locale].has(k)), `keys missing from ${locale}`).toEqual([]);
  });

  it.each(others)('%s uses the same {placeholders} as en', (locale) => {
    const mismatches: string[] = [];
    for (const [key, enForms] of catalogues.en) {
      const forms = catalogues[locale].get(key);
      if (!forms) continue;
      const expected = placeholders(enForms.join(' '));
      const actual = placeholders(forms.join(' '));
      if (expected.join() !== actual.join()) mismatches.push(`${key}: en {${expected}} vs {${actual}}`);
    }
    expect(mismatches).toEqual([]);
  });

  it.each(others)('%s translates every value (no copy of the English text)', (locale) => {
    const copies: string[] = [];
    for (const [key, enForms] of catalogues.en) {
      const forms = catalogues[locale].get(key) ?? [];
      for (const form of forms) {
        // Only placeholders and punctuation ("{entries}, {assigned}") hold no words to translate.
        const words = /\p{L}/u.test(form.replace(/\{[^}]*\}/g, ''));
        if (words && enForms.includes(form) && !SAME_AS_ENGLISH.has(form)) copies.push(`${key}: ${form}`);
      }
    }
    expect(copies).toEqual([]);
  });

  it('has no empty value', () => {
    for (const [locale, map] of Object.entries(catalogues)) {
      for (const [key, forms] of map) {
        for (const form of forms) expect(form.trim(), `${locale}:${key}`).not.toBe('');
      }
    }
  });

  it.each(['en', 'fr', 'ja'] as const)('%s plural nodes have the forms its language needs', (locale) => {
    const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.filter((c) =>
      // "many" in French only applies to very large round numbers; "other" covers it.
      locale === 'fr' ? c !== 'many' : true,
    );
    const raw = { en, fr, ja }[locale] as Node;
    const missing: string[] = [];
    const visit = (node: Node, path: string) => {
      if (typeof node === 'string') return;
      if (isPluralNode(node)) {
        for (const category of needed) if (!(category in node)) missing.push(`${path}.${category}`);
        return;
      }
      for (const [key, child] of Object.entries(node)) visit(child, path ? `${path}.${key}` : key);
    };
    visit(raw, '');
    expect(missing).toEqual([]);
  });

  it('translates every error code, validation code, step status and step kind', () => {
    const required = [
      ...ERROR_CODES.map((c) => `error.${c}`),
      ...VALIDATION_CODES.map((c) => `validation.${c}`),
      ...STEP_STATUSES.map((c) => `status.${c}`),
      ...STEP_KINDS.map((c) => `kind.${c}`),
    ];
    expect(required.filter((key) => !catalogues.en.has(key))).toEqual([]);
  });

  it('gives validation messages the params the core sends', () => {
    expect(placeholders(catalogues.en.get('validation.too_long')![0])).toEqual(['max']);
    expect(placeholders(catalogues.en.get('validation.too_many_country_codes')![0])).toEqual(['max']);
    expect(placeholders(catalogues.en.get('validation.email_list')![0])).toEqual(['item']);
    expect(placeholders(catalogues.en.get('validation.country_codes')![0])).toEqual(['item']);
  });

  it('explains every diagnosis code the core can emit, with a generic fallback', () => {
    const missing = DIAGNOSIS_CODES.map((c) => `diagnosis.${c}`).filter((key) => !catalogues.en.has(key));
    expect(missing).toEqual([]);
    expect(catalogues.en.has('diagnosisExtra.unknown')).toBe(true);
  });

  it('names every vendor, connection field, secret and practice rate-limit mode', () => {
    const required = [
      ...VENDORS.map((v) => `connections.vendor.${v}`),
      ...VENDORS.map((v) => `connections.intro.${v}`),
      ...VENDORS.flatMap((v) => VENDOR_SPECS[v].fields.map((f) => `connections.field.${f.name}`)),
      ...ENDPOINT_FIELDS.map((f) => `connections.field.${f.name}`),
      ...VENDORS.flatMap((v) => VENDOR_SPECS[v].secrets.map((s) => `connections.secret.${s.name}`)),
      ...RATE_LIMIT_MODES.flatMap((m) => [`practice.rateLimitMode.${m}`, `practice.rateLimitEffect.${m}`]),
    ];
    expect(required.filter((key) => !catalogues.en.has(key))).toEqual([]);
  });

  it('gives diagnosis messages the params the core sends', () => {
    expect(placeholders(catalogues.en.get('diagnosis.zoom.missing_scopes')![0])).toEqual(['missing']);
    expect(placeholders(catalogues.en.get('diagnosis.cxone.area_mismatch')![0])).toEqual(['actual', 'configured']);
    expect(placeholders(catalogues.en.get('diagnosis.genesys.missing_permissions')![0])).toEqual(['permissions']);
  });
});
