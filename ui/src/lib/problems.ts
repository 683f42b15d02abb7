// Purpose: translating the problem codes the core sends (entry.*, phone.*, row.*, csv.*, map.*, rules.*), with
// namespace fallbacks and a generic text naming a code the catalogues do not know.
import { formatParam } from './connections';
import { t, type MessageKey, type Params } from './i18n';

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
