// The browser preview writes the clipboard itself and clears copied personal data after a while.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const board = { text: '' };
Object.defineProperty(navigator, 'clipboard', {
  configurable: true,
  value: {
    readText: async () => board.text,
    writeText: async (t: string) => void (board.text = t),
  },
});

const { clipboardWriter } = await import('../../renderer/src/api.ts');
let seconds = 5;
const write = clipboardWriter(() => seconds);
const api = { 'clipboard.write': write };

describe('browser clipboard', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    seconds = 5;
    board.text = '';
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('clears sensitive text after the configured time if it is still there', async () => {
    expect(await api['clipboard.write']({ text: 'Account: 026291800001191', sensitive: true })).toEqual({ ok: true, data: null });
    expect(board.text).toBe('Account: 026291800001191');
    await vi.advanceTimersByTimeAsync(4_000);
    expect(board.text).toBe('Account: 026291800001191');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(board.text).toBe('');
  });

  it('keeps links, and what the agent copied since', async () => {
    await api['clipboard.write']({ text: 'upi://pay?pa=x' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(board.text).toBe('upi://pay?pa=x');
    await api['clipboard.write']({ text: 'secret', sensitive: true });
    board.text = 'something else';
    await vi.advanceTimersByTimeAsync(10_000);
    expect(board.text).toBe('something else');
  });

  it('cannot read the clipboard without focus, so it leaves it', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    await api['clipboard.write']({ text: 'secret', sensitive: true });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(board.text).toBe('secret');
  });
});
