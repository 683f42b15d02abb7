// Purpose: what the Connections page shows per vendor (fields, choices, secrets), turning a form draft into the
// tagged ConnectionSettings object, translating a Test's checks (`diagnosis.<code>` with list params), and what a
// vendor call's failure or a missing connection means.
import { CXONE_CLOUDS, GENESYS_REGIONS, SALESFORCE_ENVIRONMENTS, VENDOR_SECRETS } from './api';
import type { Check, ConnectionSettings, Failure, IpcError, Vendor } from './api';
import { formatDateTime, formatList, formatNumber, t, type MessageKey, type Params } from './i18n';

// Diagnosis codes, Genesys regions, choices and each vendor's secrets come from the core (the generated contract).
export { DIAGNOSIS_CODES, GENESYS_REGIONS } from './api';

/** One non-secret input; `options` makes it a select whose labels are `connections.option.<value>` (or the value). */
export interface FieldSpec {
  name: string;
  optional?: boolean;
  options?: readonly string[];
  /** Option labels are translated (`connections.option.<value>`) rather than shown as is (region domains). */
  translatedOptions?: boolean;
  /** Shown only when this returns true for the current draft. */
  shownWhen?: (draft: Record<string, string>) => boolean;
  autocomplete?: 'username' | 'off';
}

export interface SecretSpec {
  name: string;
  optional?: boolean;
}

export interface VendorSpec {
  vendor: Vendor;
  fields: FieldSpec[];
  secrets: SecretSpec[];
}

/** The Advanced inputs every connection has. */
export const ENDPOINT_FIELDS: FieldSpec[] = [
  { name: 'tokenBase', optional: true },
  { name: 'apiBase', optional: true },
];

export const VENDOR_SPECS: Record<Vendor, VendorSpec> = {
  zoom: {
    vendor: 'zoom',
    fields: [{ name: 'accountId' }, { name: 'clientId' }],
    secrets: [...VENDOR_SECRETS.zoom],
  },
  cxone: {
    vendor: 'cxone',
    fields: [
      { name: 'accessKeyId' },
      { name: 'clientId' },
      { name: 'cloud', options: CXONE_CLOUDS, translatedOptions: true },
      { name: 'area', optional: true },
      { name: 'tenantId', optional: true },
    ],
    secrets: [...VENDOR_SECRETS.cxone],
  },
  salesforce: {
    vendor: 'salesforce',
    fields: [
      { name: 'environment', options: SALESFORCE_ENVIRONMENTS, translatedOptions: true },
      {
        name: 'myDomainHost',
        shownWhen: (d) => d.environment === 'my_domain' || d.environment === 'hyperforce',
      },
      { name: 'username', autocomplete: 'username' },
      { name: 'consumerKey' },
    ],
    secrets: [...VENDOR_SECRETS.salesforce],
  },
  genesys: {
    vendor: 'genesys',
    fields: [{ name: 'region', options: GENESYS_REGIONS }, { name: 'clientId' }],
    secrets: [...VENDOR_SECRETS.genesys],
  },
};

const DEFAULTS: Record<string, string> = { cloud: 'commercial', environment: 'production', region: 'mypurecloud.com' };

/** The form's starting values: the saved settings, else empty inputs and the first choice of each select. */
export function draftFrom(vendor: Vendor, settings: ConnectionSettings | null): Record<string, string> {
  const draft: Record<string, string> = {};
  for (const field of [...VENDOR_SPECS[vendor].fields, ...ENDPOINT_FIELDS]) {
    const saved = settings ? (settings as unknown as Record<string, unknown>)[field.name] : undefined;
    draft[field.name] = typeof saved === 'string' ? saved : (DEFAULTS[field.name] ?? '');
  }
  return draft;
}

/** The settings object `save_connection` takes: the vendor tag, trimmed values, optional ones only when filled. */
export function settingsFrom(
  vendor: Vendor,
  draft: Record<string, string>,
  saved: ConnectionSettings | null,
  confirmed: string[] = [],
): ConnectionSettings {
  const out: Record<string, unknown> = { vendor };
  for (const field of [...VENDOR_SPECS[vendor].fields, ...ENDPOINT_FIELDS]) {
    if (field.shownWhen && !field.shownWhen(draft)) continue;
    const value = (draft[field.name] ?? '').trim();
    if (field.optional || field.shownWhen) {
      if (value !== '') out[field.name] = value;
    } else {
      out[field.name] = value;
    }
  }
  // A practice connection stays one: the flag is set by the core, never by this form.
  if (saved?.practice) out.practice = true;
  // Hosts the admin confirmed for credentials are remembered while an address still uses them.
  const inUse = ENDPOINT_FIELDS.map((f) => hostOf(out[f.name])).filter((h): h is string => h !== null);
  const hosts = [...new Set([...(saved?.confirmedHosts ?? []), ...confirmed])].filter((h) => inUse.includes(h));
  if (hosts.length > 0) out.confirmedHosts = hosts;
  return out as unknown as ConnectionSettings;
}

/** The lower-case host of an address typed in the form, or null. */
function hostOf(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    return new URL(value).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function lookupOr(key: string, params: Params | undefined, fallback: string): string {
  const text = t(key as MessageKey, params);
  return text === key ? fallback : text;
}

export function vendorName(vendor: Vendor): string {
  return t(`connections.vendor.${vendor}`);
}

export function fieldLabel(name: string): string {
  return lookupOr(`connections.field.${name}`, undefined, name);
}

export function secretLabel(name: string): string {
  return lookupOr(`connections.secret.${name}`, undefined, name);
}

export function optionLabel(value: string): string {
  return lookupOr(`connections.option.${value}`, undefined, value);
}

/** A check's name ("Sign-in (token)"); an id this UI does not know yet is shown as is. */
export function checkLabel(id: string): string {
  return lookupOr(`check.${id}`, undefined, id);
}

/** One param as text: lists joined in the current language, numbers localised, empty lists said so. */
export function formatParam(value: unknown): string {
  if (Array.isArray(value)) {
    return value.length === 0 ? t('diagnosisExtra.noneListed') : formatList(value.map((v) => formatParam(v)));
  }
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? t('diagnosisExtra.yes') : t('diagnosisExtra.no');
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}

function messageParams(check: Check): Params {
  const params: Params = {};
  for (const [name, value] of Object.entries(check.params ?? {})) params[name] = formatParam(value);
  // Field and rule names become the form's label and the rule's own message.
  if (check.code === 'settings.invalid') {
    if (typeof check.params.field === 'string') params.field = fieldLabel(check.params.field);
    const rule = check.params.rule;
    params.rule = typeof rule === 'string' ? lookupOr(`validation.${rule}`, undefined, rule) : '';
  }
  if (check.code === 'settings.missing_secret' && typeof check.params.field === 'string') {
    params.field = secretLabel(check.params.field);
  }
  if (typeof check.params.retryAt === 'string') params.retryAt = formatDateTime(check.params.retryAt);
  return params;
}

/**
 * What a failed check means and how to fix it, in the current language: `diagnosis.<code>`, then what the
 * vendor said (wait time, its own message) when it said it; an unknown code gets a generic message.
 */
export function diagnosisMessages(check: Check): string[] {
  if (check.ok || !check.code) return [];
  const params = messageParams(check);
  const main = lookupOr(`diagnosis.${check.code}`, params, t('diagnosisExtra.unknown', { code: check.code }));
  const extra: string[] = [];
  const has = (name: string) => check.params[name] !== undefined && check.params[name] !== null && check.params[name] !== '';
  if (check.code === 'rate_limited' || check.code === 'zoom.daily_rate_limit') {
    if (has('retryAfterSeconds')) extra.push(t('diagnosisExtra.retryAfterSeconds', params));
    if (has('retryAt')) extra.push(t('diagnosisExtra.retryAt', params));
  }
  if (check.code === 'salesforce.request_limit_exceeded' && has('usage')) extra.push(t('diagnosisExtra.usage', params));
  if (has('error')) extra.push(t('diagnosisExtra.vendorError', params));
  if (has('vendorMessage')) extra.push(t('diagnosisExtra.vendorMessage', params));
  return [main, ...extra];
}

/** A failure with a diagnosis code (a vendor error, a stopped run): what is wrong and what to fix where. */
export function failureText(failure: Failure): string[] {
  // A failure's code may be a run's own (not a diagnosis code): the messages fall back to it as text.
  const check = { id: 'failure', ok: false, code: failure.code, params: failure.params ?? {} };
  return diagnosisMessages(check as unknown as Check);
}

/** The hint for a missing connection: which vendor to add on the Connections page. */
export function connectionMissingText(error: IpcError): string {
  const vendor = (error.field ?? 'cxone') as Vendor;
  const name = ['zoom', 'cxone', 'salesforce', 'genesys'].includes(vendor) ? vendorName(vendor) : vendor;
  return t('live.connectionMissing', { vendor: name });
}
