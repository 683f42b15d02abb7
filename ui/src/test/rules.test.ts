// Purpose: guards project rules in the source: no {@html} (vendor data is text), only ipc.ts imports @tauri-apps.
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob(['/src/**/*.{svelte,ts}', '!/src/**/*.test.ts', '!/src/test/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

describe('source rules', () => {
  it('finds the sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10);
  });

  it('never renders raw HTML', () => {
    const offenders = Object.entries(sources)
      .filter(([, text]) => text.includes('{@html'))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it('imports @tauri-apps only from src/lib/ipc.ts', () => {
    const offenders = Object.entries(sources)
      .filter(([path, text]) => path !== '/src/lib/ipc.ts' && /from ['"]@tauri-apps\//.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it('starts every module with a purpose line', () => {
    const missing = Object.entries(sources)
      .filter(([path]) => !path.endsWith('.d.ts'))
      .filter(([, text]) => !/Purpose:/.test(text.split('\n').slice(0, 3).join('\n')))
      .map(([path]) => path);
    expect(missing).toEqual([]);
  });
});
