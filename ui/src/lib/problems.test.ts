// Purpose: translating the core's problem codes (full keys, namespace fallbacks, unknown codes) and that every code
// the core may send for the flows' vendor steps is translated in English, French and Japanese.
import { describe, expect, it } from 'vitest';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import ja from './i18n/ja.json';
import { applyLocale, regionName } from './i18n';
import { ACD_ATTRIBUTES, TRANSLATION_STATUSES, ZOOM_ATTRIBUTES } from './api';
import { codeText, problemText } from './problems';

type Node = string | { [key: string]: Node };

function has(catalogue: Node, key: string): boolean {
  let node: Node | undefined = catalogue;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return false;
    node = node[part];
  }
  return typeof node === 'string';
}

const CODES = [
  'entry.first_name_missing',
  'entry.last_name_missing',
  'entry.too_long',
  'entry.email_invalid',
  'entry.formula',
  'phone.empty',
  'phone.unparseable',
  'phone.invalid',
  'row.cell_count',
  'row.duplicate',
  'csv.not_utf8',
  'csv.empty',
  'csv.missing_columns',
  'csv.duplicate_column',
  'csv.malformed',
  'map.incompatible',
  'map.duplicate_acd',
  'rules.empty_match',
  'rules.bad_match_character',
  'rules.star_not_last',
  'rules.strip_too_long',
  'rules.bad_prefix',
  'rules.duplicate_set_name',
  'rules.unreachable',
  'rules.empty_set_name',
  'diagnosis.cxone.address_book_missing',
  ...TRANSLATION_STATUSES.map((s) => `translation.${s}`),
  ...ACD_ATTRIBUTES.map((a) => `attr.acd.${a}`),
  ...ZOOM_ATTRIBUTES.map((a) => `attr.zoom.${a}`),
  'error.vendor',
  'error.connection_missing',
  'error.live_check_required',
];

describe('live step strings', () => {
  it.each([
    ['en', en],
    ['fr', fr],
    ['ja', ja],
  ] as const)('%s translates every code of the live steps', (_, catalogue) => {
    expect(CODES.filter((key) => !has(catalogue as Node, key))).toEqual([]);
  });

  it('names the attributes as CXone and Zoom show them, in each language', () => {
    expect(en.attr.acd['business-phone']).toBe('Business Phone');
    expect(fr.attr.acd['business-phone']).toBe('Téléphone professionnel');
    expect(ja.attr.acd['business-phone']).toBe('会社電話');
    expect([en.attr.zoom.phone, fr.attr.zoom.phone, ja.attr.zoom.phone]).toEqual(['Phone', 'Téléphone', '電話']);
  });
});

describe('codeText', () => {
  it('takes a full key, a code under a namespace, or says it cannot explain it', () => {
    expect(codeText('phone.invalid')).toContain('numbering plan');
    expect(problemText('first_name_missing')).toBe('Enter a first name.');
    expect(codeText('not_utf8', ['csv'], { line: 4 })).toContain('from line 4');
    expect(codeText('csv.missing_columns', [], { missing: ['Phone', 'E-mail'] })).toContain('Phone and E-mail');
    expect(codeText('rules.brand_new')).toContain('(rules.brand_new)');
  });

  it('translates in the current language', () => {
    applyLocale('ja');
    expect(problemText('phone.empty')).toBe('電話番号または携帯電話番号を入力してください。');
    expect(regionName('FR')).toBe('フランス');
  });
});
