// Purpose: the address book's entry helpers: merging imported entries skips people already listed and repeats.
import { describe, expect, it } from 'vitest';
import { mergeEntries } from './address-book';
import { addressEntry } from '../test/fixtures';

describe('mergeEntries', () => {
  it('skips people already listed (same first, last, phone and e-mail) and repeats', () => {
    const marie = addressEntry();
    const other = addressEntry({ firstName: 'Ken', phone: '+81355550000' });
    const { merged, skipped } = mergeEntries([marie], [addressEntry({ firstName: 'MARIE' }), other, other]);
    expect(merged).toEqual([marie, other]);
    expect(skipped).toBe(2);
  });
});
