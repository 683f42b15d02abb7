// Purpose: finding rows in the Directory Sync preview: a search over name, e-mail, extension and both numbers (any
// case, digits matched whatever the punctuation), a filter (all / translated / not translated / flagged) and a sort.
import type { PreviewRow, TranslationStatus } from './api';

export type PreviewFilter = 'all' | 'translated' | 'not_translated' | 'flagged';
export type PreviewSort = 'listed' | 'name' | 'status' | 'number';

/** Statuses that need the admin's eye: no pattern matched, or the result is no valid number. */
export const FLAGGED: readonly TranslationStatus[] = ['no_match', 'invalid'];

/** The order the status sort uses: what needs attention first. */
const STATUS_ORDER: readonly TranslationStatus[] = ['invalid', 'no_match', 'empty', 'unchanged', 'translated'];

const digits = (text: string) => text.replace(/\D/g, '');

function matchesQuery(row: PreviewRow, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const texts = [row.name, row.email, row.before ?? '', row.after ?? '', row.extension?.toString() ?? ''];
  if (texts.some((text) => text.toLowerCase().includes(q))) return true;
  const qDigits = digits(q);
  return qDigits.length >= 2 && [row.before, row.after].some((n) => n !== null && digits(n).includes(qDigits));
}

function matchesFilter(row: PreviewRow, filter: PreviewFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'translated':
      return row.status === 'translated';
    case 'not_translated':
      return row.status !== 'translated';
    case 'flagged':
      return FLAGGED.includes(row.status);
  }
}

/** The rows to show, in the chosen order (stable: equal rows keep the preview's order). */
export function visibleRows(rows: readonly PreviewRow[], query: string, filter: PreviewFilter, sort: PreviewSort, locale: string): PreviewRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const shown = rows.filter((row) => matchesFilter(row, filter) && matchesQuery(row, query));
  const by: Record<PreviewSort, (a: PreviewRow, b: PreviewRow) => number> = {
    listed: () => 0,
    name: (a, b) => collator.compare(a.name, b.name),
    status: (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || collator.compare(a.name, b.name),
    number: (a, b) => collator.compare(a.before ?? '', b.before ?? ''),
  };
  return shown.sort(by[sort]);
}
