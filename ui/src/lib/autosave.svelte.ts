// Purpose: saving an editor's document as the user edits it. Saves go out in order, one after
// the other; typed text is saved after a short pause, any other edit at once; and a save's reply
// may replace the edited document only if nothing was edited since it was sent.

export class Autosave<T> {
  #version = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<unknown> = Promise.resolve();
  readonly #current: () => T | null;
  readonly #save: (doc: T, latest: () => boolean) => Promise<void>;
  readonly #delay: number;

  /**
   * `current` gives the document as edited now; `save` sends a snapshot of it and handles the
   * reply (and its errors), asking `latest()` whether the reply is still the newest state.
   */
  constructor(current: () => T | null, save: (doc: T, latest: () => boolean) => Promise<void>, delay = 300) {
    this.#current = current;
    this.#save = save;
    this.#delay = delay;
  }

  /** An edit: saved after the pause when `debounce` (typing), else at once. */
  edited(debounce = false): void {
    this.#version++;
    clearTimeout(this.#timer);
    if (debounce) this.#timer = setTimeout(() => void this.flush(), this.#delay);
    else void this.flush();
  }

  /** The document was replaced from elsewhere (an import): replies to earlier saves no longer apply. */
  replaced(): void {
    this.#version++;
  }

  /** Sends the current document after the saves before it. */
  flush(): Promise<unknown> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const doc = this.#current();
    if (doc === null) return this.#saving;
    const sent = this.#version;
    const snapshot = $state.snapshot(doc) as T;
    this.#saving = this.#saving.then(() => this.#save(snapshot, () => sent === this.#version));
    return this.#saving;
  }

  /** Resolves once every edit is saved (what reads the saved document must wait for it). */
  settled(): Promise<unknown> {
    return this.#timer !== undefined ? this.flush() : this.#saving;
  }

  /** Saves a paused text edit now (the user left the field or the editor). */
  flushPending(): void {
    if (this.#timer !== undefined) void this.flush();
  }
}
