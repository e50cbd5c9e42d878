// The team benchmark's clock: simulated time stands still while real work runs and jumps to the
// next timer once everything is idle. Checked against the real simulator over a real socket.
import { describe, expect, it } from 'vitest';
import { request } from 'undici';
import { eventClock } from '../bench/event-clock.ts';
import { startSimulator } from '../electron/simulator/server.ts';

describe('eventClock', () => {
  it('fires timers in order of their time, and a sleep takes exactly its simulated time', async () => {
    const clock = eventClock(1_000);
    const fired: [string, number][] = [];
    clock.setTimeout(() => fired.push(['b', clock.now()]), 500);
    clock.setTimeout(() => fired.push(['a', clock.now()]), 200);
    const dropped = clock.setTimeout(() => fired.push(['never', clock.now()]), 300);
    clock.clearTimeout(dropped);
    const slept = await clock.run(
      (async () => {
        const t0 = clock.now();
        await clock.sleep(60_000);
        return clock.now() - t0;
      })(),
    );
    expect(fired).toEqual([
      ['a', 1_200],
      ['b', 1_500],
    ]);
    expect(slept).toBe(60_000);
  });

  it('lets a real answer take only the simulated delay the simulator waits on the same clock', async () => {
    const clock = eventClock(Date.UTC(2026, 11, 1, 4, 30, 17));
    const sim = await startSimulator({ quiet: true, now: clock.now, sleep: clock.sleep, delayMs: 250, rateLimitPerMinute: 100 });
    try {
      const took = await clock.run(
        (async () => {
          const t0 = clock.now();
          const res = await request(`${sim.baseUrl}/remitter/status?verification_id=none`, { headers: { 'x-client-id': 'id', 'x-client-secret': 'secret' } });
          await res.body.dump();
          expect(res.headers['x-ratelimit-remaining']).toBe('99');
          return clock.now() - t0;
        })(),
      );
      expect(took).toBe(250);
    } finally {
      await sim.close();
    }
  });
});
