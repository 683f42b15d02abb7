// Purpose: the address book's entries in the UI: a person's display name, when two entries are the same person,
// merging imported entries into the draft, the regions offered for national phone numbers, and a CSV file's bytes
// as the base64 text preview_csv takes.
import type { AddressEntry } from './api';

/** Regions offered for national phone numbers (always including the saved one). */
export const PHONE_REGIONS = ['FR', 'JP', 'US', 'GB', 'DE', 'CA', 'BE', 'CH', 'ES', 'IT', 'NL', 'AU'] as const;

/** "First Last" (with the middle name when there is one). */
export function entryName(entry: Pick<AddressEntry, 'firstName' | 'lastName'> & { middleName?: string | null }): string {
  return [entry.firstName, entry.middleName ?? '', entry.lastName].filter((part) => part.trim() !== '').join(' ');
}

/**
 * Two entries are the same person when first, last, phone and e-mail match, trimmed and case-insensitive: the
 * core's `Entry::key`, kept here because the draft is merged before it is saved; both are tested against
 * crates/switchboard-core/tests/cases/entry_identity.json.
 */
export function sameEntry(a: AddressEntry, b: AddressEntry): boolean {
  const norm = (v: string | null | undefined) => (v ?? '').trim().toLowerCase();
  return (
    norm(a.firstName) === norm(b.firstName) &&
    norm(a.lastName) === norm(b.lastName) &&
    norm(a.phone) === norm(b.phone) &&
    norm(a.email) === norm(b.email)
  );
}

/** Entries from `incoming` not already in `existing` (nor twice in `incoming`). */
export function mergeEntries(existing: AddressEntry[], incoming: AddressEntry[]): { merged: AddressEntry[]; skipped: number } {
  const merged = [...existing];
  let skipped = 0;
  for (const entry of incoming) {
    if (merged.some((e) => sameEntry(e, entry))) skipped++;
    else merged.push(entry);
  }
  return { merged, skipped };
}

/** Bytes per `String.fromCharCode` call: spreading a whole 10 MB file as arguments would overflow the stack. */
const BASE64_CHUNK = 0x8000;

/** A file's bytes as base64 text, built chunk by chunk (preview_csv takes the file as `contentBase64`). */
export function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += BASE64_CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(start, start + BASE64_CHUNK)));
  }
  return btoa(parts.join(''));
}
