// Purpose: how the Zoom Contact Center ↔ Salesforce editors name things: Zoom's four default agent statuses keep
// the English name its API gives, followed by the name Zoom's own interface shows in the admin's language.
import { t, type MessageKey } from './i18n';

const DEFAULT_STATUSES = ['Offline', 'Ready', 'Not Ready', 'Occupied'] as const;

/** `Occupied (対応中)` for a default status in Japanese; a custom status as the account named it. */
export function zoomStatusLabel(name: string, custom: boolean): string {
  const known = DEFAULT_STATUSES.find((s) => s.toLowerCase() === name.trim().toLowerCase());
  if (custom || known === undefined) return name;
  const local = t(`statusMap.zoomDefault.${known.replace(' ', '')}` as MessageKey);
  return local === known ? known : `${known} (${local})`;
}
