// Purpose: the reactive current locale (Svelte 5 runes); t() reads it, so templates re-render on a switch.
import type { Locale } from '../api';

export const localeState = $state<{ current: Locale }>({ current: 'en' });
