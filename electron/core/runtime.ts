// Composition of the core services, shared by the Electron main process, the browser preview
// (`npm run web`) and the CLI. Nothing here imports 'electron': the platform parts (settings
// cipher, clipboard) come in as arguments.
import { EventBus } from './events.ts';
import { CashfreeClient } from './cashfree/client.ts';
import { CashfreeError } from './cashfree/errors.ts';
import { OrderService } from './orders.ts';
import { Tracker } from './tracker.ts';
import type { Attention } from './tracker.ts';
import { RateBudget } from './cashfree/budget.ts';
import { systemClock } from './clock.ts';
import type { Clock } from './clock.ts';
import { createHandlers } from './handlers.ts';
import { FaultsRejected } from './handlers.ts';
import type { ClipboardPort, DemoControl, Handlers, PlatformPorts } from './handlers.ts';
import { join } from 'node:path';
import { keyFileProtector, loadOrCreateDataKey, openHistory } from './history/index.ts';
import type { HistoryStore, KeyProtector } from './history/index.ts';
import { retainInBackground } from './history/retention.ts';
import type { RetentionRun } from './history/retention.ts';
import { startSimulator } from '../simulator/server.ts';
import type { Simulator } from '../simulator/server.ts';
import type { Order, ProfileKind } from '../../shared/domain.ts';
import { newVerificationId } from '../../shared/ids.ts';
import { validateName } from '../../shared/names.ts';
import { APP_VERSION } from './version.ts';
import { PROFILE_LABELS, makeProbeVerificationId, mapProbeResult } from './settings/index.ts';
import type { SettingsService } from './settings/index.ts';
import type { ProbeOutcome } from './settings/index.ts';
import { AppFailure, unwrap } from './failure.ts';
import { RecentErrors, buildDiagnostics } from './log/diagnostics.ts';
import { redactor } from './log/redact.ts';
import { release } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Integration } from '../browser-bridge/integration.ts';

export const HISTORY_FILE = 'history.db';

export interface Connection {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  publicKeyPem?: string;
  apiVersion?: string;
  timeoutMs?: number;
  proxyUrl?: string;
}

export interface RuntimeOptions {
  dataDir: string;
  transport: 'electron' | 'browser' | 'cli';
  settings: SettingsService;
  /** The CLI's fixed connection from the environment, instead of the settings' profiles. */
  fixed?: { profile: ProfileKind; connection: Connection };
  clipboard?: ClipboardPort;
  /** Resume tracking open orders found in history (the app does; one-shot CLI calls do not). */
  track?: boolean;
  /** Guards the history's data key: the OS keychain in the app; a key file elsewhere. */
  keyProtector?: KeyProtector;
  /** Desktop-only jobs (save dialog, image clipboard, presenter window, notifications). */
  platform?: Partial<PlatformPorts>;
  /** Where errors go (electron-log in the app; stderr elsewhere). Messages are redacted first. */
  log?: { error(...args: unknown[]): void };
  openLogs?: () => Promise<void>;
  logFile?: string;
  packaged?: boolean;
  /**
   * Quiet time before retention runs after start (default 15 s; activity pushes it back). The
   * CLI runs none unless this is set.
   */
  retentionIdleMs?: number;
  /** The core's time (benchmarks run a faster one); default the wall clock. */
  clock?: Clock;
  /** Turns the browser extension's host on or off per browser (Settings). */
  browserIntegration?: Integration;
}

export interface Runtime {
  handlers: Handlers;
  events: EventBus;
  history: HistoryStore;
  orders: OrderService;
  tracker: Tracker;
  /** The client of the active profile (the CLI reads status through it). */
  client(): Promise<CashfreeClient>;
  close(): Promise<void>;
}

/**
 * RPD_DEMO_DELAY_MS makes the Demo simulator answer as slowly as a distant Cashfree (the renderer
 * benchmark sets a known round trip). Demo only: real profiles never read it.
 */
function demoDelayMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.RPD_DEMO_DELAY_MS ?? '0');
  return Number.isInteger(ms) && ms >= 0 && ms <= 10_000 ? ms : 0;
}

/** A failure that polling again will not cure: the agent must fix keys, IP whitelisting or the signature. */
function attentionFor(err: unknown): Attention | null {
  const error = err instanceof CashfreeError ? err : err instanceof AppFailure ? err.error : null;
  if (!error || error.retryable) return null;
  return { code: error.code, message: error.message };
}

export async function startRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const events = new EventBus();
  const settings = opts.settings;
  const clients = new Map<ProfileKind, Promise<CashfreeClient>>();
  const clock = opts.clock ?? systemClock;
  /** What Cashfree's answers say of each account's request budget, shared by all desks of a team. */
  const budgets = new Map<ProfileKind, RateBudget>();
  const budgetOf = (profile: ProfileKind): RateBudget => {
    let budget = budgets.get(profile);
    if (!budget) budgets.set(profile, (budget = new RateBudget(clock.now)));
    return budget;
  };
  let simulator: Promise<Simulator> | null = null;

  const activeProfile = (): ProfileKind => opts.fixed?.profile ?? settings.getPublicSettings().activeProfile;

  // The client redacts its own secret from every answer, so the Demo secret must be one that no
  // answer can contain by chance (a plain "demo" would cut it out of the link rpd.demo@simulator).
  const demoSecret = `demo_${randomBytes(16).toString('hex')}`;
  const demoSimulator = (): Promise<Simulator> =>
    (simulator ??= startSimulator({ port: 0, quiet: true, delayMs: demoDelayMs(), clientId: 'demo', clientSecret: demoSecret }));

  async function connectionFor(profile: ProfileKind): Promise<Connection> {
    if (profile === 'demo' && !opts.fixed) return { baseUrl: (await demoSimulator()).baseUrl, clientId: 'demo', clientSecret: demoSecret };
    const connection = opts.fixed?.connection ?? unwrap(await settings.getCredentials(profile));
    // Registered again right before use: a secret saved a moment ago is masked from its first call.
    redactor.registerSecret(connection.clientSecret);
    return connection;
  }

  /**
   * In every transport (app, preview, CLI) the redactor knows each saved secret from the start
   * and after every settings change, so no log, error text or echoed answer can carry one.
   */
  async function registerSecrets(): Promise<void> {
    if (opts.fixed) return redactor.registerSecret(opts.fixed.connection.clientSecret);
    for (const kind of ['sandbox', 'production'] as const) {
      const creds = await settings.getCredentials(kind);
      if (creds.ok) redactor.registerSecret(creds.data.clientSecret);
    }
  }
  await registerSecrets();
  events.on('settings.changed', () => void registerSecrets());

  /** One client (one keep-alive pool) per profile, made when first needed. */
  function clientFor(profile: ProfileKind): Promise<CashfreeClient> {
    let client = clients.get(profile);
    if (!client) {
      client = connectionFor(profile).then(
        (c) =>
          new CashfreeClient({
            ...c,
            profileLabel: PROFILE_LABELS[profile],
            appVersion: APP_VERSION,
            budget: budgetOf(profile),
            retry: { now: clock.now, sleep: clock.sleep },
          }),
      );
      client.catch(() => clients.delete(profile));
      clients.set(profile, client);
    }
    return client;
  }

  /** New keys or a new address take effect at the next call. */
  function forgetClient(profile: ProfileKind): void {
    const client = clients.get(profile);
    clients.delete(profile);
    void client?.then((c) => c.close()).catch(() => {});
  }

  const dataKey = await loadOrCreateDataKey(opts.dataDir, opts.keyProtector ?? keyFileProtector);
  const history = openHistory({ file: join(opts.dataDir, HISTORY_FILE), dataKey: dataKey.key, protection: dataKey.protection });
  // Retention deletes old orders and compacts the file (deleted rows linger in free pages until
  // then) on a worker thread, in idle time after start and daily: never on the start path.
  const retentionIdleMs = opts.retentionIdleMs ?? 15_000;
  let retentionRun: RetentionRun | null = null;
  let retentionTimer: NodeJS.Timeout | null = null;
  let retentionDueAt = 0;
  let closed = false;
  const scheduleRetention = (inMs: number): void => {
    if (retentionTimer) clearTimeout(retentionTimer);
    retentionDueAt = Date.now() + inMs;
    retentionTimer = setTimeout(runRetention, inMs);
    retentionTimer.unref();
  };
  function runRetention(): void {
    retentionTimer = null;
    if (closed || retentionRun) return;
    const run = retainInBackground(history.file, settings.getPreferences().retentionDays);
    retentionRun = run;
    run.done
      .catch((err: unknown) => log.error(redactor.redactString(`history retention failed: ${err instanceof Error ? err.message : String(err)}`)))
      .finally(() => {
        retentionRun = null;
        if (!closed) scheduleRetention(24 * 60 * 60 * 1000);
      });
  }

  const tracker = new Tracker({
    refresh: (id) => orders.refresh(id),
    lookup: (id) => history.get(id),
    budgetFor: (order) => budgetOf(order?.profile ?? activeProfile()),
    // Deleted from history (Delete all, retention) while followed: nothing left to poll for.
    isGone: (err) => err instanceof CashfreeError && err.code === 'not_found' && err.httpStatus === null,
    attentionFor,
    onAttention: (id, attention) => void orders.setAttention(id, attention),
    clock,
  });
  /** Follows again the orders that stopped for errors the agent had to fix (new keys, Re-check). */
  const refollow = (order: Order): void => {
    if (order.attention) orders.setAttention(order.verificationId, null);
    tracker.watch(order.verificationId, 0);
  };
  // One-shot CLI runs leave following orders to the app.
  const track = (id: string): void => void (opts.track && tracker.watch(id));
  const orders = new OrderService({ clientFor, store: history, events, activeProfile, track, now: clock.now, newId: () => newVerificationId() });

  const demo: DemoControl = {
    pay: async (id, nameAtBank) => void (await demoSimulator()).pay(id, nameAtBank ? { name_at_bank: nameAtBank } : undefined),
    fail: async (id) => void (await demoSimulator()).fail(id),
    expire: async (id) => void (await demoSimulator()).expire(id),
    faults: async (plan) => {
      const sim = await demoSimulator();
      if (plan === null) return sim.clearFaults();
      try {
        sim.setFaults(plan);
      } catch (err) {
        throw new FaultsRejected(`The simulator refused that fault plan: ${err instanceof Error ? err.message.split('\n')[0] : 'not valid'}`);
      }
    },
  };

  async function testConnection(profile: ProfileKind): Promise<ProbeOutcome> {
    let client: CashfreeClient;
    try {
      client = new CashfreeClient({ ...(await connectionFor(profile)), profileLabel: PROFILE_LABELS[profile], appVersion: APP_VERSION, retry: { maxAttempts: 1 } });
    } catch (err) {
      if (err instanceof CashfreeError) return { ok: false, code: err.code, message: err.message };
      // No saved keys (a new address removed the secret): nothing is sent anywhere.
      if (err instanceof AppFailure) return { ok: false, code: err.error.code, message: err.error.message };
      throw err;
    }
    try {
      await client.status({ verificationId: makeProbeVerificationId() });
      return { ok: true, code: 'ok', message: `Connected to ${PROFILE_LABELS[profile]}: the keys work.` };
    } catch (err) {
      if (!(err instanceof CashfreeError)) throw err;
      if (err.httpStatus === null) {
        if (err.code === 'not_configured' || err.code === 'invalid_input') return { ok: false, code: err.code, message: err.message };
        return mapProbeResult({ kind: 'network', profile, host: new URL(client.baseUrl).host, errorCode: err.code === 'timeout' ? 'UND_ERR_CONNECT_TIMEOUT' : undefined });
      }
      return mapProbeResult({
        kind: 'http',
        profile,
        status: err.httpStatus,
        body: { code: err.cashfreeCode ?? undefined, message: err.cashfreeMessage ?? undefined },
        signed: (await connectionFor(profile)).publicKeyPem !== undefined,
      });
    } finally {
      await client.close();
    }
  }

  const prewarm = (): Promise<void> =>
    clientFor(activeProfile())
      .then((c) => c.prewarm())
      .catch(() => {});

  const recentErrors = new RecentErrors();
  const log = opts.log ?? { error: (...args: unknown[]) => console.error(...args) };
  const diagnostics = (): string =>
    buildDiagnostics({
      appVersion: APP_VERSION,
      versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
      os: { platform: process.platform, arch: process.arch, release: release() },
      profileKind: activeProfile(),
      packaged: opts.packaged ?? false,
      keychain: { keychain: 'os', weak: 'weak', none: 'unavailable' }[settings.keychain] as 'os' | 'weak' | 'unavailable',
      logFile: opts.logFile,
      lastErrors: recentErrors.list(),
      now: Date.now(),
    });

  const session: string[] = [];
  events.on('order.updated', (o) => {
    if (!session.includes(o.verificationId)) session.unshift(o.verificationId);
    // The compaction holds the file's write lock for a while: keep it out of the way of an agent at work.
    if (retentionTimer && retentionDueAt - Date.now() < retentionIdleMs) scheduleRetention(retentionIdleMs);
  });
  // One-shot CLI runs leave housekeeping to the app.
  if (opts.transport !== 'cli' || opts.retentionIdleMs !== undefined) scheduleRetention(retentionIdleMs);

  const handlers = createHandlers({
    info: () => ({ version: APP_VERSION, profile: activeProfile(), demo: activeProfile() === 'demo', transport: opts.transport }),
    orders,
    recheck: (id) => {
      const order = orders.get(id);
      if (order?.attention && opts.track) refollow(order);
      return orders.refresh(id);
    },
    onScreen: (id) => tracker.setOnScreen(id),
    openOrders: () => session.map((id) => orders.get(id)).filter((o) => o !== null),
    demo: () => (activeProfile() === 'demo' ? demo : null),
    clipboard: opts.clipboard ?? null,
    validateName,
    settings,
    testConnection,
    prewarm,
    diagnostics,
    openLogs: opts.openLogs ?? null,
    onError: (channel, error, cause) => {
      recentErrors.record(error.code, `${channel}: ${error.message}`, Date.now());
      if (cause) log.error(redactor.redactString(`${channel} failed: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`));
    },
    history,
    platform: opts.platform,
    browserIntegration: opts.browserIntegration ?? null,
    onSettingsChanged: (profile) => {
      if (profile) {
        forgetClient(profile);
        if (opts.track) for (const order of history.listOpen()) if (order.attention && order.profile === profile) refollow(order);
      }
      events.emit('settings.changed', settings.getPublicSettings());
    },
  });

  // Open orders resume; those whose validity passed while the app was closed are asked once
  // and come back final.
  if (opts.track) for (const order of history.listOpen()) tracker.watch(order.verificationId, 0);
  // A one-shot CLI call gains nothing from an extra request ahead of its only one.
  if (opts.transport !== 'cli') void prewarm();

  return {
    handlers,
    events,
    history,
    orders,
    tracker,
    client: () => clientFor(activeProfile()),
    async close() {
      closed = true;
      tracker.close();
      if (retentionTimer) clearTimeout(retentionTimer);
      await retentionRun?.stop();
      // Calls in flight are cut short, not waited for: a silent server would hold close() for the whole timeout.
      await Promise.all([...clients.values()].map((c) => c.then((x) => x.destroy()).catch(() => {})));
      if (simulator) await (await simulator).close();
      history.close();
    },
  };
}
