import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { Countdown } from '../../renderer/src/features/order/Countdown.tsx';

beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-11-25T08:00:00Z') }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Countdown', () => {
  it('ticks down every second in m:ss and turns urgent in the last minute', async () => {
    render(<Countdown validUpto={Date.now() + 61_500} />);
    const timer = screen.getByRole('timer', { name: 'Time left' });
    expect(timer.textContent).toBe('1:01');
    expect(timer.className).toContain('countdown-soon');
    await act(async () => vi.advanceTimersByTime(1_000));
    expect(timer.textContent).toBe('1:00');
    await act(async () => vi.advanceTimersByTime(1_000));
    expect(timer.textContent).toBe('0:59');
    expect(timer.className).toContain('countdown-urgent');
  });

  it('stops at 0:00', async () => {
    render(<Countdown validUpto={Date.now() + 2_000} />);
    await act(async () => vi.advanceTimersByTime(5_000));
    expect(screen.getByRole('timer').textContent).toBe('0:00');
  });
});
