import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClipboardGuard } from '../electron/shell/desktop/clipboard-guard.ts';

function fakeClipboard() {
  const board = { text: '' };
  return { board, read: async () => board.text, write: async (t: string) => void (board.text = t) };
}

describe('ClipboardGuard', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('clears sensitive text after the configured time if it is still there', async () => {
    const { board, read, write } = fakeClipboard();
    const guard = new ClipboardGuard({ read, write, clearAfterSeconds: () => 60 });
    await guard.write('Account: 026291800001191', true);
    expect(board.text).toBe('Account: 026291800001191');
    await vi.advanceTimersByTimeAsync(59_000);
    expect(board.text).toBe('Account: 026291800001191');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(board.text).toBe('');
    expect(guard.pending).toBe(false);
  });

  it('leaves the clipboard alone when the agent copied something else meanwhile', async () => {
    const { board, read, write } = fakeClipboard();
    const guard = new ClipboardGuard({ read, write, clearAfterSeconds: () => 30 });
    await guard.write('secret', true);
    board.text = 'copied elsewhere';
    await vi.advanceTimersByTimeAsync(31_000);
    expect(board.text).toBe('copied elsewhere');
  });

  it('never clears links and messages, and 0 seconds keeps everything', async () => {
    const { board, read, write } = fakeClipboard();
    let seconds = 10;
    const guard = new ClipboardGuard({ read, write, clearAfterSeconds: () => seconds });
    await guard.write('upi://pay?pa=x', false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(board.text).toBe('upi://pay?pa=x');
    seconds = 0;
    await guard.write('secret', true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(board.text).toBe('secret');
  });

  it('a later copy cancels the pending clear of an earlier one', async () => {
    const { board, read, write } = fakeClipboard();
    const guard = new ClipboardGuard({ read, write, clearAfterSeconds: () => 10 });
    await guard.write('secret one', true);
    await vi.advanceTimersByTimeAsync(5_000);
    await guard.write('link', false);
    expect(guard.pending).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(board.text).toBe('link');
  });
});
