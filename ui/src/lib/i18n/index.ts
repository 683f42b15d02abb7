// Purpose: t(key, params) over the en/fr/ja catalogues, plurals, date/number/list/country-name formatting, and
// locale switching.
import en from './en.json';
import { LOCALES, type Locale } from '../api';
import { localeState } from './locale.svelte';

type Catalogue = { [key: string]: string | Catalogue };
type PluralNode = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/** Dotted paths to plain strings in en.json (plural nodes excluded). */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K}`
    : T[K] extends { other: string }
      ? never
      : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** Dotted paths to plural nodes ({one?, other, ...}) in en.json. */
type Plurals<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? never
    : T[K] extends { other: string }
      ? `${P}${K}`
      : Plurals<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<typeof en>;
export type PluralKey = Plurals<typeof en>;
export type Params = Record<string, string | number>;

/** English is in the main bundle (the fallback for every key); French and Japanese are their own
 *  chunks, fetched by `loadLocale` before the first switch to them, so the window does not parse
 *  two catalogues it may never show before its first paint. */
const catalogues: Partial<Record<Locale, Catalogue>> = { en };
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Catalogue }>> = {
  fr: () => import('./fr.json'),
  ja: () => import('./ja.json'),
};

/** Fetches `locale`'s catalogue once; `applyLocale` needs it loaded to show that language. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (catalogues[locale] || locale === 'en') return;
  catalogues[locale] = (await loaders[locale]()).default;
}

/** Loads `locale`'s catalogue, then switches to it: what the app calls. */
export async function switchLocale(locale: Locale): Promise<void> {
  await loadLocale(locale);
  applyLocale(locale);
}

/** Language names are endonyms: the same in every catalogue by design, so they live here. */
export const LOCALE_LABELS: Record<Locale, string> = { en: 'English', fr: 'Français', ja: '日本語' };

export function currentLocale(): Locale {
  return localeState.current;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Switches the UI language and sets <html lang> (CJK font choice, screen readers). The
 *  catalogue must be loaded (`loadLocale`); until it is, text falls back to English. */
export function applyLocale(locale: Locale): void {
  localeState.current = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

function lookup(catalogue: Catalogue, key: string): string | Catalogue | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return node;
}

export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

function resolve(key: string): string | Catalogue | undefined {
  const current = catalogues[localeState.current];
  return (current && lookup(current, key)) ?? lookup(en, key);
}

/** Translates `key` in the current locale; falls back to English, then to the key itself. */
export function t(key: MessageKey, params?: Params): string {
  const found = resolve(key);
  return typeof found === 'string' ? interpolate(found, params) : key;
}

/** Translates a plural node with Intl.PluralRules; `count` is also passed as the {count} param. */
export function tn(key: PluralKey, count: number, params: Params = {}): string {
  const found = resolve(key);
  if (typeof found !== 'object') return key;
  const node = found as PluralNode;
  const category = new Intl.PluralRules(localeState.current).select(count);
  const form = node[category] ?? node.other;
  return interpolate(form, { count: formatNumber(count), ...params });
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(localeState.current).format(value);
}

/** Formats an ISO timestamp as a medium date and short time; returns the input if unparsable. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeState.current, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Formats an ISO timestamp as a long date (an expiry, a renewal); returns the input if unparsable. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeState.current, { dateStyle: 'long' }).format(date);
}

/** Joins labels as a list in the current language ("A, B and C" / "A、B、C"). */
export function formatList(items: string[]): string {
  return new Intl.ListFormat(localeState.current, { style: 'long', type: 'conjunction' }).format(items);
}

/** The country's name in the UI language ("France", "フランス"), else the code. */
export function regionName(code: string): string {
  try {
    return new Intl.DisplayNames([currentLocale()], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
