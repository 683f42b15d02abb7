// Purpose: proves Enter never commits during an IME composition (Chromium and WebKit event orders).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enterCommit, isCommitEnter } from './ime';

function enter(init: KeyboardEventInit = {}): KeyboardEvent {
  return new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true, cancelable: true, ...init });
}

describe('enterCommit', () => {
  let input: HTMLInputElement;
  let onEnter: ReturnType<typeof vi.fn>;
  let action: ReturnType<typeof enterCommit>;

  beforeEach(() => {
    vi.useFakeTimers();
    input = document.createElement('input');
    document.body.append(input);
    onEnter = vi.fn();
    action = enterCommit(input, onEnter);
  });

  afterEach(() => {
    action.destroy();
    input.remove();
    vi.useRealTimers();
  });

  it('commits on a plain Enter and prevents its default', () => {
    const event = enter();
    input.dispatchEvent(event);
    expect(onEnter).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
  });

  it('ignores Enter while the browser says it is composing', () => {
    input.dispatchEvent(enter({ isComposing: true }));
    input.dispatchEvent(enter({ keyCode: 229 }));
    expect(onEnter).not.toHaveBeenCalled();
  });

  it('ignores Enter between compositionstart and compositionend even if isComposing is false', () => {
    input.dispatchEvent(new CompositionEvent('compositionstart'));
    input.dispatchEvent(enter());
    expect(onEnter).not.toHaveBeenCalled();
  });

  it('ignores the confirming Enter that WebKit sends right after compositionend', () => {
    input.dispatchEvent(new CompositionEvent('compositionstart'));
    input.dispatchEvent(new CompositionEvent('compositionend'));
    input.dispatchEvent(enter());
    expect(onEnter).not.toHaveBeenCalled();
    vi.runAllTimers();
    input.dispatchEvent(enter());
    expect(onEnter).toHaveBeenCalledTimes(1);
  });

  it('ignores other keys and Shift+Enter', () => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    input.dispatchEvent(enter({ shiftKey: true }));
    expect(onEnter).not.toHaveBeenCalled();
  });

  it('stops listening once destroyed', () => {
    action.destroy();
    input.dispatchEvent(enter());
    expect(onEnter).not.toHaveBeenCalled();
  });
});

describe('isCommitEnter', () => {
  it('is false for IME key events', () => {
    expect(isCommitEnter(enter({ isComposing: true }))).toBe(false);
    expect(isCommitEnter(enter({ keyCode: 229 }))).toBe(false);
    expect(isCommitEnter(enter())).toBe(true);
  });
});
