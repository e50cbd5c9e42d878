// Composition of the core services, shared by the Electron main process, the browser preview
// (`npm run web`) and the CLI. Nothing here imports 'electron': the platform parts (settings
// cipher, clipboard) come in as arguments.
import { EventBus } from './events.ts';
import { CashfreeClient } from './cashfree/client.ts';
import { CashfreeError } from './cashfree/errors.ts';
import { OrderService } from './orders.ts';
import { Tracker } from './tracker.ts';
import { createHandlers } from './handlers.ts';
import { FaultsRejected } from './handlers.ts';
import type { ClipboardPort, DemoControl, Handlers, PlatformPorts } from './handlers.ts';
import { join } from 'node:path';
import { keyFileProtector, loadOrCreateDataKey, openHistory } from './history/index.ts';
import type { HistoryStore, KeyProtector } from './history/index.ts';
import { startSimulator } from '../simulator/server.ts';
import type { Simulator } from '../simulator/server.ts';
import type { ProfileKind } from '../../shared/domain.ts';
import { newVerificationId } from '../../shared/ids.ts';
import { validateName } from '../../shared/names.ts';
import { APP_VERSION } from './version.ts';
import { PROFILE_LABELS, makeProbeVerificationId, mapProbeResult } from './settings/index.ts';
import type { SettingsService } from './settings/index.ts';
import type { ProbeOutcome } from './settings/index.ts';
import { unwrap } from './failure.ts';
import { RecentErrors, buildDiagnostics } from './log/diagnostics.ts';
import { redactor } from './log/redact.ts';
import { release } from 'node:os';
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

export async function startRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const events = new EventBus();
  const settings = opts.settings;
  const clients = new Map<ProfileKind, Promise<CashfreeClient>>();
  let simulator: Promise<Simulator> | null = null;

  const activeProfile = (): ProfileKind => opts.fixed?.profile ?? settings.getPublicSettings().activeProfile;

  const demoSimulator = (): Promise<Simulator> => (simulator ??= startSimulator({ port: 0, quiet: true, delayMs: demoDelayMs() }));

  async function connectionFor(profile: ProfileKind): Promise<Connection> {
    if (opts.fixed) return opts.fixed.connection;
    if (profile === 'demo') return { baseUrl: (await demoSimulator()).baseUrl, clientId: 'demo', clientSecret: 'demo' };
    return unwrap(await settings.getCredentials(profile));
  }

  /** One client (one keep-alive pool) per profile, made when first needed. */
  function clientFor(profile: ProfileKind): Promise<CashfreeClient> {
    let client = clients.get(profile);
    if (!client) {
      client = connectionFor(profile).then((c) => new CashfreeClient({ ...c, profileLabel: PROFILE_LABELS[profile], appVersion: APP_VERSION }));
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
  // Deleted rows linger in the file's free pages until compacted: retention must really remove them.
  const applyRetention = (): void => {
    if (history.deleteOlderThan(settings.getPreferences().retentionDays) > 0) history.compact();
  };
  applyRetention();
  const retentionTimer = setInterval(applyRetention, 24 * 60 * 60 * 1000);
  retentionTimer.unref();

  const tracker = new Tracker({
    refresh: (id) => orders.refresh(id),
    // Deleted from history (Delete all, retention) while followed: nothing left to poll for.
    isGone: (err) => err instanceof CashfreeError && err.code === 'not_found' && err.httpStatus === null,
  });
  // One-shot CLI runs leave following orders to the app.
  const track = (id: string): void => void (opts.track && tracker.watch(id));
  const orders = new OrderService({ clientFor, store: history, events, activeProfile, track, newId: () => newVerificationId() });

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
  });

  const handlers = createHandlers({
    info: () => ({ version: APP_VERSION, profile: activeProfile(), demo: activeProfile() === 'demo', transport: opts.transport }),
    orders,
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
      if (profile) forgetClient(profile);
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
      tracker.close();
      clearInterval(retentionTimer);
      // Calls in flight are cut short, not waited for: a silent server would hold close() for the whole timeout.
      await Promise.all([...clients.values()].map((c) => c.then((x) => x.destroy()).catch(() => {})));
      if (simulator) await (await simulator).close();
      history.close();
    },
  };
}
