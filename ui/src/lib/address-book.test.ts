// Purpose: the address book's entry helpers: merging imported entries skips people already listed and repeats,
// with the same identity rule as the core (one table of cases for both).
import { describe, expect, it } from 'vitest';
import { mergeEntries, sameEntry } from './address-book';
import type { AddressEntry } from './api';
import entryIdentity from '../../../crates/switchboard-core/tests/cases/entry_identity.json';
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

describe('sameEntry and the core agree', () => {
  // The core's test reads the same table (crates/switchboard-core/tests/core/address_book_csv.rs).
  const cases = entryIdentity.cases as [Partial<AddressEntry>, Partial<AddressEntry>, boolean][];
  const entry = (e: Partial<AddressEntry>): AddressEntry => ({ firstName: '', lastName: '', ...e });

  it.each(cases)('%j and %j: same person %s', (a, b, same) => {
    expect(sameEntry(entry(a), entry(b))).toBe(same);
    expect(mergeEntries([entry(a)], [entry(b)]).skipped).toBe(same ? 1 : 0);
  });
});
