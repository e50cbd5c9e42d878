// Time as the core sees it: the wall clock in the app, a faster one in benchmarks that compress
// half an hour of a team's work into seconds. Timers are looked up at call time, so tests'
// fake timers apply.
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): ReturnType<typeof setTimeout>;
  clearTimeout(handle: ReturnType<typeof setTimeout>): void;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A clock running `factor` times faster than the wall clock, from `start`. */
export function scaledClock(factor: number, start = Date.now()): Clock {
  const t0 = performance.now();
  return {
    now: () => Math.round(start + (performance.now() - t0) * factor),
    setTimeout: (fn, ms) => setTimeout(fn, Math.max(0, ms) / factor),
    clearTimeout: (handle) => clearTimeout(handle),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms) / factor)),
  };
}
