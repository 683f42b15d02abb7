// Purpose: the address book's entry helpers: merging imported entries skips people already listed and repeats,
// with the same identity rule as the core (one table of cases for both). A file goes to preview_csv as base64.
import { describe, expect, it } from 'vitest';
import { mergeEntries, sameEntry, toBase64 } from './address-book';
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

describe('toBase64', () => {
  it('encodes a file larger than one chunk byte for byte, without spreading it whole', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const encoded = toBase64(bytes.buffer);
    const decoded = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
    expect(decoded).toEqual(bytes);
    expect(toBase64(new Uint8Array([239, 187, 191]).buffer)).toBe('77u/');
  });
});
