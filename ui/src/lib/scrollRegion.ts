// Purpose: a Svelte action for a table's scroll container: while its content is wider than it
// (long names kept on one line), it joins the Tab order so that keyboard users can scroll it with
// the arrow keys (WCAG 2.1.1; axe's scrollable-region-focusable), and leaves it again otherwise.

export function scrollRegion(node: HTMLElement, label: string) {
  node.setAttribute('role', 'region');
  node.setAttribute('aria-label', label);
  const update = () => {
    if (node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1) {
      node.setAttribute('tabindex', '0');
    } else {
      node.removeAttribute('tabindex');
    }
  };
  // jsdom (the unit tests) has no ResizeObserver; there is nothing to measure there either.
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
  observer?.observe(node);
  if (node.firstElementChild) observer?.observe(node.firstElementChild);
  update();
  return {
    update(next: string) {
      node.setAttribute('aria-label', next);
      update();
    },
    destroy() {
      observer?.disconnect();
    },
  };
}
