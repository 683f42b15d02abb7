// Purpose: how an object of the core's review is named, one way for the review screen and a finished flow's summary
// (an address book with its entries and assignments counted).
import type { ObjectReview } from './api';
import { t, tn } from './i18n';

/** The object's name, with its entries and assignments for an address book. */
export function objectName(object: ObjectReview): string {
  if (object.entries === null) return object.name;
  const counts = t('review.objects.counts', {
    entries: tn('review.objects.entries', object.entries),
    assigned: tn('review.objects.assigned', object.assigned ?? 0),
  });
  return `${object.name} — ${counts}`;
}
