// Simulated time for benchmarks that follow a team for half an hour: time stands still while
// anything is happening and jumps to the next timer once everything is idle (a discrete-event
// clock). Real sockets, SQLite and timers-in-waiting all run as usual; only the waiting is skipped.
// So the figures do not depend on how busy the machine is, and a run takes seconds.
//
// "Idle" is read from the clock itself: every part of a desk and the simulator reads the time or
// sets a timer whenever it does anything, so a few turns of the event loop in which nobody does
// means the real I/O in flight has settled and only timers are left.
import type { Clock } from '../electron/core/clock.ts';

/** Event-loop turns without any use of the clock after which the process counts as idle. */
const IDLE_TURNS = 6;

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

export interface EventClock extends Clock {
  /** Runs simulated time until `done` resolves; timers due meanwhile fire in order. */
  run<T>(done: Promise<T>): Promise<T>;
  /** Timer firings so far (the run's size). */
  readonly steps: number;
}

export function eventClock(start: number): EventClock {
  let now = start;
  let seq = 0;
  let activity = 0;
  let steps = 0;
  const timers = new Map<number, Timer>();
  const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  async function settle(): Promise<void> {
    for (let idle = 0; idle < IDLE_TURNS; ) {
      const seen = activity;
      await turn();
      idle = activity === seen ? idle + 1 : 0;
    }
  }

  const clock: EventClock = {
    now: () => (activity++, now),
    setTimeout(fn, ms) {
      activity++;
      const id = ++seq;
      timers.set(id, { at: now + Math.max(0, Math.ceil(ms)), seq: id, fn });
      // A handle like Node's, so callers may unref it; it never keeps the process alive.
      return { id, unref() {}, ref() {}, hasRef: () => false } as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimeout(handle) {
      activity++;
      const id = (handle as unknown as { id?: number } | null)?.id;
      if (id !== undefined) timers.delete(id);
    },
    sleep: (ms) => new Promise((resolve) => clock.setTimeout(resolve, ms)),
    get steps() {
      return steps;
    },
    async run(done) {
      let finished = false;
      const result = done.finally(() => void (finished = true));
      result.catch(() => {});
      while (!finished) {
        await settle();
        if (finished) break;
        let next: Timer | null = null;
        for (const t of timers.values()) if (!next || t.at < next.at || (t.at === next.at && t.seq < next.seq)) next = t;
        if (!next) throw new Error('simulated time stopped: nothing is waiting and the run has not finished');
        timers.delete(next.seq);
        now = Math.max(now, next.at);
        steps++;
        next.fn();
      }
      return result;
    },
  };
  return clock;
}
