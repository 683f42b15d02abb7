// Purpose: keyboard focus in editable tables. After a row is removed, focus goes to the remove
// button now at that place (or the last one), else to a fallback (the table's Add button), so a
// keyboard user never lands on the page's top.
import { tick } from 'svelte';

export async function focusAfterRemove(
  root: HTMLElement | undefined,
  row: number,
  fallback = 'button.add',
): Promise<void> {
  await tick();
  const buttons = root?.querySelectorAll<HTMLElement>('button.remove') ?? [];
  (buttons[Math.min(row, buttons.length - 1)] ?? root?.querySelector<HTMLElement>(fallback))?.focus();
}
