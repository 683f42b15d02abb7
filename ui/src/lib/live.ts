// Purpose: shared helpers of the live steps (Directory Sync flow): translating the core's codes (entry.*, phone.*,
// row.*, csv.*, map.*, rules.*, run failures), country names, attribute labels and the phone regions offered.
import type { AcdAttribute, AddressEntry, Failure, IpcError, Vendor, ZoomAttribute } from './ipc';
import { diagnosisMessages, formatParam, vendorName } from './connections';
import { currentLocale, t, type MessageKey, type Params } from './i18n';

/** Regions offered for national phone numbers (always including the saved one). */
export const PHONE_REGIONS = ['FR', 'JP', 'US', 'GB', 'DE', 'CA', 'BE', 'CH', 'ES', 'IT', 'NL', 'AU'] as const;

function lookup(key: string, params?: Params): string | null {
  const text = t(key as MessageKey, params);
  return text === key ? null : text;
}

function stringParams(params: Record<string, unknown> | undefined): Params {
  const out: Params = {};
  for (const [name, value] of Object.entries(params ?? {})) out[name] = formatParam(value);
  return out;
}

/**
 * A code from the core, translated: the code itself when it is a full key (`phone.invalid`, `rules.star_not_last`),
 * else `<namespace>.<code>` for each namespace given; an unknown code gets a generic text naming it.
 */
export function codeText(code: string, namespaces: string[] = [], params?: Record<string, unknown>): string {
  const p = stringParams(params);
  const direct = code.includes('.') ? lookup(code, p) : null;
  if (direct) return direct;
  for (const ns of namespaces) {
    const found = lookup(`${ns}.${code}`, p);
    if (found) return found;
  }
  return t('live.unknownCode', { code });
}

/** An entry / row problem (entry.*, phone.*, row.*). */
export function problemText(code: string): string {
  return codeText(code, ['entry', 'phone', 'row']);
}

/** A failure with a diagnosis code (a vendor error, a stopped run): what is wrong and what to fix where. */
export function failureText(failure: Failure): string[] {
  return diagnosisMessages({ id: 'live', ok: false, code: failure.code, params: failure.params ?? {} });
}

/** The hint for a missing connection: which vendor to add on the Connections page. */
export function connectionMissingText(error: IpcError): string {
  const vendor = (error.field ?? 'cxone') as Vendor;
  const name = ['zoom', 'cxone', 'salesforce', 'genesys'].includes(vendor) ? vendorName(vendor) : vendor;
  return t('live.connectionMissing', { vendor: name });
}

/** The country's name in the UI language ("France", "フランス"), else the code. */
export function regionName(code: string): string {
  try {
    return new Intl.DisplayNames([currentLocale()], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function acdLabel(attribute: AcdAttribute): string {
  return lookup(`attr.acd.${attribute}`) ?? attribute;
}

export function zoomLabel(attribute: ZoomAttribute): string {
  return lookup(`attr.zoom.${attribute}`) ?? attribute;
}

/** "First Last" (with the middle name when there is one). */
export function entryName(entry: Pick<AddressEntry, 'firstName' | 'lastName'> & { middleName?: string | null }): string {
  return [entry.firstName, entry.middleName ?? '', entry.lastName].filter((part) => part.trim() !== '').join(' ');
}

/** Two entries are the same person when first, last, phone and e-mail match (case-insensitive names). */
export function sameEntry(a: AddressEntry, b: AddressEntry): boolean {
  const norm = (v: string | null) => (v ?? '').trim().toLowerCase();
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
