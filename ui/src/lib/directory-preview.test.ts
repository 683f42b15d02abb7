// Purpose: the Directory Sync preview's search, filter and sort: digits found whatever the punctuation, "not translated"
// covering every other status, flagged ones only, and the status sort putting what needs attention first.
import { describe, expect, it } from 'vitest';
import { visibleRows } from './directory-preview';
import type { PreviewRow } from './api';

const row = (name: string, before: string | null, status: PreviewRow['status'], after: string | null = null): PreviewRow => ({
  name,
  email: `${name.toLowerCase().replace(/\s/g, '.')}@example.com`,
  extension: null,
  before,
  after,
  status,
  reason: null,
});

const rows = [
  row('Émilie Lefèvre', '01 42 76 49 78', 'translated', '+33142764978'),
  row('Zoé Martin', '12', 'invalid'),
  row('山田 太郎', '+81 3 1234 5678', 'unchanged', '+81312345678'),
  row('Paul Durand', '555 0100', 'no_match'),
  row('Anne Petit', null, 'empty'),
];

const names = (list: PreviewRow[]) => list.map((r) => r.name);

describe('visibleRows', () => {
  it('finds a number by its digits whatever the punctuation, and names in any case', () => {
    expect(names(visibleRows(rows, '0142764978', 'all', 'name', 'fr'))).toEqual(['Émilie Lefèvre']);
    expect(names(visibleRows(rows, '+33 1 42', 'all', 'name', 'fr'))).toEqual(['Émilie Lefèvre']);
    expect(names(visibleRows(rows, 'ZOÉ', 'all', 'name', 'fr'))).toEqual(['Zoé Martin']);
    expect(names(visibleRows(rows, '山田', 'all', 'name', 'ja'))).toEqual(['山田 太郎']);
  });

  it('filters translated, not translated and flagged rows', () => {
    expect(names(visibleRows(rows, '', 'translated', 'name', 'en'))).toEqual(['Émilie Lefèvre']);
    expect(visibleRows(rows, '', 'not_translated', 'name', 'en')).toHaveLength(4);
    expect(names(visibleRows(rows, '', 'flagged', 'name', 'en'))).toEqual(['Paul Durand', 'Zoé Martin']);
  });

  it('sorts by status with what needs attention first', () => {
    expect(visibleRows(rows, '', 'all', 'status', 'en').map((r) => r.status)).toEqual([
      'invalid',
      'no_match',
      'empty',
      'unchanged',
      'translated',
    ]);
    expect(names(visibleRows(rows, '', 'all', 'name', 'fr'))[0]).toBe('Anne Petit');
  });
});
