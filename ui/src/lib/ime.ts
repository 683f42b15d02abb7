// Purpose: composition-safe Enter handling for Japanese (and other) IMEs: Enter never commits while
// a composition is open. Checks `isComposing` / keyCode 229 AND tracks compositionstart/end itself,
// because WebKit reports isComposing=false on the Enter that confirms a composition.

/** Tracks composition state for one element; `composing` stays true until the task after compositionend. */
export class CompositionTracker {
  #composing = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  start(): void {
    clearTimeout(this.#timer);
    this.#composing = true;
  }

  end(): void {
    clearTimeout(this.#timer);
    // The confirming Enter's keydown can arrive right after compositionend (WebKit): keep the
    // guard up until the current event sequence is over.
    this.#timer = setTimeout(() => {
      this.#composing = false;
    }, 0);
  }

  get composing(): boolean {
    return this.#composing;
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }
}

/** True when this keydown is an Enter that belongs to the IME, not to the application. */
export function isImeEvent(event: KeyboardEvent, tracker?: CompositionTracker): boolean {
  return event.isComposing || event.keyCode === 229 || (tracker?.composing ?? false);
}

/** True for a plain Enter the application may act on (no IME composition, no modifier but Ctrl/Meta). */
export function isCommitEnter(event: KeyboardEvent, tracker?: CompositionTracker): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.altKey && !isImeEvent(event, tracker);
}

/**
 * Svelte action: calls `onEnter` on a committing Enter (never during an IME composition).
 * Usage: <input use:enterCommit={() => save()} />
 */
export function enterCommit(node: HTMLElement, onEnter: (event: KeyboardEvent) => void) {
  let handler = onEnter;
  const tracker = new CompositionTracker();
  const onStart = () => tracker.start();
  const onEnd = () => tracker.end();
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    if (!isCommitEnter(event, tracker)) return;
    event.preventDefault();
    handler(event);
  };
  node.addEventListener('compositionstart', onStart);
  node.addEventListener('compositionend', onEnd);
  node.addEventListener('keydown', onKeydown);
  return {
    update(next: (event: KeyboardEvent) => void) {
      handler = next;
    },
    destroy() {
      tracker.dispose();
      node.removeEventListener('compositionstart', onStart);
      node.removeEventListener('compositionend', onEnd);
      node.removeEventListener('keydown', onKeydown);
    },
  };
}
