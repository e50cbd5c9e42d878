import { describe, expect, it } from 'vitest';
import {
  CHECK_INTERVAL_MS,
  CHECK_JITTER_MS,
  FIRST_CHECK_DELAY_MS,
  createUpdateFlow,
  updatePolicy,
  type Scheduler,
  type UpdatePolicyInput,
  type UpdateStatus,
  type UpdaterHandlers,
  type UpdaterPort,
} from '../../electron/shell/updater/policy.ts';

const packagedWin: UpdatePolicyInput = { packaged: true, autoUpdateSetting: true, demoBuild: false, platform: 'win32', env: {}, random: 0 };

describe('updatePolicy', () => {
  it('checks shortly after start and every four hours, spread per desktop', () => {
    expect(updatePolicy(packagedWin)).toEqual({ enabled: true, firstCheckDelayMs: FIRST_CHECK_DELAY_MS, intervalMs: CHECK_INTERVAL_MS });
    const spread = updatePolicy({ ...packagedWin, random: 0.5 });
    expect(spread).toEqual({ enabled: true, firstCheckDelayMs: FIRST_CHECK_DELAY_MS + CHECK_JITTER_MS / 2, intervalMs: CHECK_INTERVAL_MS + CHECK_JITTER_MS / 2 });
    const max = updatePolicy({ ...packagedWin, random: 1 });
    expect(max.enabled && max.firstCheckDelayMs).toBeLessThan(FIRST_CHECK_DELAY_MS + CHECK_JITTER_MS);
  });

  it.each<[string, Partial<UpdatePolicyInput>]>([
    ['not a packaged build', { packaged: false }],
    ['demo build', { demoBuild: true }],
    ['turned off in settings', { autoUpdateSetting: false }],
    ['updates managed by IT', { env: { RPD_DESK_DISABLE_UPDATES: '1' } }],
    ['Linux package: updated by the system package manager', { platform: 'linux' }],
  ])('is off: %s', (reason, change) => {
    expect(updatePolicy({ ...packagedWin, ...change })).toEqual({ enabled: false, reason });
  });

  it('runs for a Linux AppImage and ignores RPD_DESK_DISABLE_UPDATES=0', () => {
    expect(updatePolicy({ ...packagedWin, platform: 'linux', env: { APPIMAGE: '/opt/RPD-Desk.AppImage', RPD_DESK_DISABLE_UPDATES: '0' } }).enabled).toBe(true);
  });
});

/** A stand-in for electron-updater that emits what the test tells it to. */
class ScriptedUpdater implements UpdaterPort {
  handlers: UpdaterHandlers | null = null;
  checks = 0;
  installs = 0;
  onCheck: (h: UpdaterHandlers) => void = (h) => h.notAvailable();
  subscribe(handlers: UpdaterHandlers): void {
    this.handlers = handlers;
  }
  async check(): Promise<void> {
    this.checks++;
    if (this.handlers) this.onCheck(this.handlers);
  }
  installAndRestart(): void {
    this.installs++;
  }
}

/** Records scheduled work so the test runs it explicitly instead of waiting. */
class ManualScheduler implements Scheduler {
  jobs: Array<{ kind: 'after' | 'every'; ms: number; fn: () => void; cancelled: boolean }> = [];
  after(ms: number, fn: () => void) {
    return this.#add('after', ms, fn);
  }
  every(ms: number, fn: () => void) {
    return this.#add('every', ms, fn);
  }
  #add(kind: 'after' | 'every', ms: number, fn: () => void) {
    const job = { kind, ms, fn, cancelled: false };
    this.jobs.push(job);
    return () => {
      job.cancelled = true;
    };
  }
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('createUpdateFlow', () => {
  const policy = { enabled: true as const, firstCheckDelayMs: 30_000, intervalMs: 14_400_000 };

  it('downloads in the background, asks once, and restarts only when the agent agrees', async () => {
    const updater = new ScriptedUpdater();
    updater.onCheck = (h) => {
      h.available('1.2.0');
      h.progress(42.4);
      h.downloaded('1.2.0');
    };
    const asked: string[] = [];
    let answer = false;
    const statuses: UpdateStatus[] = [];
    const scheduler = new ManualScheduler();
    const flow = createUpdateFlow({
      updater,
      policy,
      scheduler,
      askToRestart: async (v) => {
        asked.push(v);
        return answer;
      },
      onStatus: (s) => statuses.push(s),
    });
    flow.start();
    expect(scheduler.jobs.map((j) => [j.kind, j.ms])).toEqual([
      ['after', 30_000],
      ['every', 14_400_000],
    ]);
    scheduler.jobs[0]!.fn();
    await flush();
    expect(statuses.map((s) => s.state)).toEqual(['checking', 'downloading', 'downloading', 'ready']);
    expect(statuses[2]).toEqual({ state: 'downloading', version: '1.2.0', percent: 42 });
    expect(asked).toEqual(['1.2.0']);
    expect(updater.installs).toBe(0); // the agent said "later"
    // A later check while an update waits does nothing, and the agent is not asked again.
    scheduler.jobs[1]!.fn();
    await flush();
    expect(updater.checks).toBe(1);
    expect(asked).toEqual(['1.2.0']);
    answer = true;
    expect(flow.restartNow()).toBe(true);
    expect(updater.installs).toBe(1);
    flow.stop();
    expect(scheduler.jobs.every((j) => j.cancelled)).toBe(true);
  });

  it('restarts right away when the agent says yes', async () => {
    const updater = new ScriptedUpdater();
    updater.onCheck = (h) => {
      h.available('2.0.0');
      h.downloaded('2.0.0');
    };
    const flow = createUpdateFlow({ updater, policy, scheduler: new ManualScheduler(), askToRestart: async () => true });
    await flow.checkNow();
    await flush();
    expect(updater.installs).toBe(1);
  });

  it('reports errors and goes back to checking on the next round', async () => {
    const updater = new ScriptedUpdater();
    updater.check = async () => {
      updater.checks++;
      throw new Error('net::ERR_CONNECTION_REFUSED');
    };
    const flow = createUpdateFlow({ updater, policy, scheduler: new ManualScheduler(), askToRestart: async () => false, now: () => 5 });
    await flow.checkNow();
    expect(flow.status()).toEqual({ state: 'error', message: 'net::ERR_CONNECTION_REFUSED' });
    updater.check = async () => {
      updater.checks++;
    };
    await flow.checkNow();
    expect(updater.checks).toBe(2);
    expect(flow.status()).toEqual({ state: 'up-to-date', checkedAt: 5 });
  });

  it('never checks, schedules or restarts when the policy is off', async () => {
    const updater = new ScriptedUpdater();
    const scheduler = new ManualScheduler();
    const flow = createUpdateFlow({ updater, policy: { enabled: false, reason: 'demo build' }, scheduler, askToRestart: async () => true });
    flow.start();
    await flow.checkNow();
    expect(scheduler.jobs).toEqual([]);
    expect(updater.checks).toBe(0);
    expect(updater.handlers).toBeNull();
    expect(flow.restartNow()).toBe(false);
    expect(flow.status()).toEqual({ state: 'disabled', reason: 'demo build' });
  });
});
