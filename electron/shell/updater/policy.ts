// Auto-update policy and flow, without Electron: when to check, and the sequence
// check -> download in the background -> ask the agent -> restart. electron.ts beside this file
// plugs electron-updater's autoUpdater in through UpdaterPort.

export interface UpdatePolicyInput {
  /** app.isPackaged: never update dev or unpackaged runs. */
  packaged: boolean;
  /** The `autoUpdate` setting. */
  autoUpdateSetting: boolean;
  /** A build flag for demo/training builds, which must not change under a trainer's feet. */
  demoBuild: boolean;
  platform: string;
  /** Environment: APPIMAGE (Linux updates only work for AppImage), RPD_DESK_DISABLE_UPDATES (IT-managed installs). */
  env: Readonly<Record<string, string | undefined>>;
  /** A number in [0, 1) spreading checks of many desktops over time. */
  random: number;
}

export type UpdatePolicy =
  | { enabled: false; reason: string }
  | { enabled: true; firstCheckDelayMs: number; intervalMs: number };

export const FIRST_CHECK_DELAY_MS = 30_000;
export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;
/** Up to 30 minutes of spread, so hundreds of desktops started at 9:00 do not all ask at once. */
export const CHECK_JITTER_MS = 30 * 60 * 1000;

export function updatePolicy(input: UpdatePolicyInput): UpdatePolicy {
  if (!input.packaged) return { enabled: false, reason: 'not a packaged build' };
  if (input.demoBuild) return { enabled: false, reason: 'demo build' };
  if (!input.autoUpdateSetting) return { enabled: false, reason: 'turned off in settings' };
  const managed = input.env.RPD_DESK_DISABLE_UPDATES;
  if (managed !== undefined && managed !== '' && managed !== '0') return { enabled: false, reason: 'updates managed by IT' };
  if (input.platform === 'linux' && !input.env.APPIMAGE) return { enabled: false, reason: 'Linux package: updated by the system package manager' };
  const spread = Math.floor(Math.min(Math.max(input.random, 0), 0.999_999) * CHECK_JITTER_MS);
  return { enabled: true, firstCheckDelayMs: FIRST_CHECK_DELAY_MS + spread, intervalMs: CHECK_INTERVAL_MS + spread };
}

export type UpdateStatus =
  | { state: 'disabled'; reason: string }
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'up-to-date'; checkedAt: number }
  | { state: 'downloading'; version: string; percent: number }
  | { state: 'ready'; version: string }
  | { state: 'error'; message: string };

export interface UpdaterHandlers {
  available(version: string): void;
  notAvailable(): void;
  progress(percent: number): void;
  downloaded(version: string): void;
  error(error: unknown): void;
}

/** What the flow needs from electron-updater. */
export interface UpdaterPort {
  /** Starts a check; with autoDownload on, an available update downloads in the background. */
  check(): Promise<void>;
  installAndRestart(): void;
  subscribe(handlers: UpdaterHandlers): void;
}

export interface Scheduler {
  /** Runs fn after ms; returns a cancel function. */
  after(ms: number, fn: () => void): () => void;
  every(ms: number, fn: () => void): () => void;
}

export const realScheduler: Scheduler = {
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return () => clearTimeout(t);
  },
  every(ms, fn) {
    const t = setInterval(fn, ms);
    t.unref?.();
    return () => clearInterval(t);
  },
};

export interface UpdateFlowOptions {
  updater: UpdaterPort;
  policy: UpdatePolicy;
  /** Ask the agent whether to restart now (dialog, or an event to the renderer). */
  askToRestart(version: string): Promise<boolean>;
  onStatus?(status: UpdateStatus): void;
  scheduler?: Scheduler;
  now?: () => number;
}

export interface UpdateFlow {
  start(): void;
  stop(): void;
  /** A check the agent asked for ("Check for updates"); ignored while disabled or busy. */
  checkNow(): Promise<void>;
  /** Restart into the downloaded update (for a renderer "Restart now" button). */
  restartNow(): boolean;
  status(): UpdateStatus;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createUpdateFlow(options: UpdateFlowOptions): UpdateFlow {
  const scheduler = options.scheduler ?? realScheduler;
  const now = options.now ?? Date.now;
  let status: UpdateStatus = options.policy.enabled ? { state: 'idle' } : { state: 'disabled', reason: options.policy.reason };
  const cancels: Array<() => void> = [];
  const askedFor = new Set<string>();
  let subscribed = false;

  const set = (next: UpdateStatus): void => {
    status = next;
    options.onStatus?.(next);
  };
  const busy = (): boolean => status.state === 'checking' || status.state === 'downloading' || status.state === 'ready';

  const handlers: UpdaterHandlers = {
    available: (version) => set({ state: 'downloading', version, percent: 0 }),
    notAvailable: () => set({ state: 'up-to-date', checkedAt: now() }),
    progress: (percent) => {
      if (status.state === 'downloading') set({ ...status, percent: Math.round(Math.min(Math.max(percent, 0), 100)) });
    },
    downloaded: (version) => {
      set({ state: 'ready', version });
      // Ask once per version; if the agent says later, it installs on the next quit anyway.
      if (askedFor.has(version)) return;
      askedFor.add(version);
      options
        .askToRestart(version)
        .then((restart) => {
          if (restart && status.state === 'ready') options.updater.installAndRestart();
        })
        .catch((error: unknown) => set({ state: 'error', message: messageOf(error) }));
    },
    error: (error) => set({ state: 'error', message: messageOf(error) }),
  };

  const ensureSubscribed = (): void => {
    if (subscribed) return;
    options.updater.subscribe(handlers);
    subscribed = true;
  };

  const checkNow = async (): Promise<void> => {
    if (!options.policy.enabled || busy()) return;
    ensureSubscribed();
    set({ state: 'checking' });
    try {
      await options.updater.check();
      // electron-updater reports the outcome through events; a check that found nothing and
      // emitted nothing still must not stay "checking".
      if (status.state === 'checking') set({ state: 'up-to-date', checkedAt: now() });
    } catch (error) {
      set({ state: 'error', message: messageOf(error) });
    }
  };

  return {
    start() {
      const policy = options.policy;
      if (!policy.enabled || cancels.length > 0) return;
      ensureSubscribed();
      cancels.push(scheduler.after(policy.firstCheckDelayMs, () => void checkNow()));
      cancels.push(scheduler.every(policy.intervalMs, () => void checkNow()));
    },
    stop() {
      for (const cancel of cancels.splice(0)) cancel();
    },
    checkNow,
    restartNow() {
      if (status.state !== 'ready') return false;
      options.updater.installAndRestart();
      return true;
    },
    status: () => status,
  };
}
