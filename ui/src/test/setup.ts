// Purpose: vitest setup: jest-dom matchers, a <dialog> polyfill for jsdom, IPC mocks cleared after each test.
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { LOCALES } from '../lib/api';
import { applyLocale, loadLocale } from '../lib/i18n';

// The app fetches a catalogue before switching to it (switchLocale); tests switch synchronously
// with applyLocale, so every catalogue is loaded first.
await Promise.all(LOCALES.map((locale) => loadLocale(locale)));

// jsdom has HTMLDialogElement but no showModal/close.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
    const first = this.querySelector<HTMLElement>('button, input, select, textarea, [tabindex]');
    first?.focus();
  };
  HTMLDialogElement.prototype.show = HTMLDialogElement.prototype.showModal;
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

afterEach(() => {
  clearMocks();
  applyLocale('en');
});
