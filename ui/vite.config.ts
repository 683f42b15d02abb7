// Purpose: Vite (build, dev server for `tauri dev`) and vitest configuration for the Switchboard UI.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

export default defineConfig(({ mode }) => ({
  // Relative asset paths: Tauri serves ui/dist from its own protocol.
  base: './',
  plugins: [svelte(), svelteTesting()],
  // Tests must load Svelte's browser build (mount), not its server build.
  resolve: mode === 'test' ? { conditions: ['browser'] } : undefined,
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    host: '127.0.0.1',
    // Tests read one core source as text (src/lib/data-actions.test.ts checks the credential fields against it).
    fs: mode === 'test' ? { allow: ['.', '../crates/switchboard-core/src/data_actions'] } : undefined,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // WebKitGTK / WKWebView (Safari 15+) and WebView2 (Chromium 105+).
    target: ['es2022', 'chrome105', 'safari15'],
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
}));
