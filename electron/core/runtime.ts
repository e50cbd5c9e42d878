// Composition of the core, shared by the Electron main process, the browser preview
// (`npm run web`) and the CLI: it makes each feature's parts, merges the features' handlers and
// binds them to the contract. No logic of its own lives here. Nothing here imports 'electron':
// the platform parts (settings cipher, clipboard, desktop ports) come in as arguments.
import { join } from 'node:path';
import type { ProfileKind } from '../../shared/domain.ts';
import { newVerificationId } from '../../shared/ids.ts';
import { appFeature } from './app/handlers.ts';
import type { CashfreeClient } from './cashfree/client.ts';
import { Connections } from './connections.ts';
import type { Connection } from './connections.ts';
import { deskHandlers } from './desk/handlers.ts';
import type { ClipboardPort, PlatformPorts } from './desk/ports.ts';
import { EventBus } from './events.ts';
import { bindHandlers } from './handlers.ts';
import type { Handlers } from './handlers.ts';
import { historyHandlers } from './history/handlers.ts';
import { isNoSuchOrder, keyFileProtector, loadOrCreateDataKey, openHistory } from './history/index.ts';
import type { HistoryStore, KeyProtector } from './history/index.ts';
import { startRetention } from './history/retention.ts';
import { demoControl } from './orders/demo.ts';
import { orderHandlers } from './orders/handlers.ts';
import { OrderService } from './orders/service.ts';
import { ordersOfThisRun } from './orders/session.ts';
import { attentionFor, following as followingOf } from './orders/following.ts';
import { systemClock } from './clock.ts';
import type { Clock } from './clock.ts';
import { Tracker } from './orders/tracker.ts';
import { settingsHandlers } from './settings/handlers.ts';
import type { SettingsService } from './settings/index.ts';
import { testConnection } from './settings/test-connection.ts';
import { browserHandlers } from '../browser-bridge/handlers.ts';
import type { Integration } from '../browser-bridge/integration.ts';

export type { Connection };
export const HISTORY_FILE = 'history.db';

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
  /** The core's time (benchmarks run a faster one); default the wall clock. */
  clock?: Clock;
  /**
   * Quiet time before retention runs after start (default 15 s; activity pushes it back). The
   * CLI runs none unless this is set.
   */
  retentionIdleMs?: number;
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

export async function startRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const { settings } = opts;
  const events = new EventBus();
  const clock = opts.clock ?? systemClock;
  const connections = new Connections({ settings, fixed: opts.fixed, clock });
  const activeProfile = (): ProfileKind => connections.activeProfile();
  await connections.registerSecrets();
  events.on('settings.changed', () => void connections.registerSecrets());

  const dataKey = await loadOrCreateDataKey(opts.dataDir, opts.keyProtector ?? keyFileProtector);
  const history = openHistory({ file: join(opts.dataDir, HISTORY_FILE), dataKey: dataKey.key, protection: dataKey.protection });
  const retentionDays = (): number => settings.getPreferences().retentionDays;
  const log = opts.log ?? { error: (...args: unknown[]) => console.error(...args) };
  // One-shot CLI runs leave housekeeping to the app.
  const stopRetention =
    opts.transport !== 'cli' || opts.retentionIdleMs !== undefined
      ? startRetention({ file: history.file, retentionDays, idleMs: opts.retentionIdleMs ?? 15_000, events, log })
      : async () => {};

  // Deleted from history (Delete all, retention) while followed: nothing left to poll for.
  const tracker = new Tracker({
    refresh: (id) => orders.refresh(id),
    lookup: (id) => history.get(id),
    budgetFor: (order) => connections.budgetOf(order?.profile ?? activeProfile()),
    isGone: isNoSuchOrder,
    attentionFor,
    onAttention: (id, attention) => void orders.setAttention(id, attention),
    clock,
  });
  const orders = new OrderService({
    clientFor: (profile) => connections.clientFor(profile),
    store: history,
    events,
    activeProfile,
    // One-shot CLI runs leave following orders to the app.
    track: (id) => void (opts.track && tracker.watch(id)),
    now: clock.now,
    newId: () => newVerificationId(),
  });
  const following = followingOf(orders, tracker, () => history.listOpen(), opts.track ?? false);
  const demo = demoControl(() => connections.simulator());
  const app = appFeature({ ...opts, log, activeProfile, keychain: () => settings.keychain });

  const handlers = bindHandlers(
    {
      ...app.handlers,
      ...orderHandlers({
        orders,
        openOrders: ordersOfThisRun(events, (id) => orders.get(id)),
        demo: () => (activeProfile() === 'demo' ? demo : null),
        prewarm: () => connections.prewarm(),
        following,
        onScreen: (id) => tracker.setOnScreen(id),
      }),
      ...deskHandlers({ order: (id) => orders.require(id), clipboard: opts.clipboard ?? null, platform: opts.platform }),
      ...settingsHandlers({
        settings,
        testConnection: (profile) => testConnection(connections, profile),
        changed: (profile) => {
          if (profile) {
            connections.forget(profile);
            following.profileChanged(profile);
          }
          events.emit('settings.changed', settings.getPublicSettings());
        },
      }),
      ...historyHandlers({ history, retentionDays, saveFile: opts.platform?.saveFile }),
      ...browserHandlers(opts.browserIntegration ?? null),
    },
    app.onError,
  );

  // Open orders resume; those whose validity passed while the app was closed are asked once
  // and come back final.
  if (opts.track) for (const order of history.listOpen()) tracker.watch(order.verificationId, 0);
  // A one-shot CLI call gains nothing from an extra request ahead of its only one.
  if (opts.transport !== 'cli') void connections.prewarm();

  return {
    handlers,
    events,
    history,
    orders,
    tracker,
    client: () => connections.clientFor(activeProfile()),
    async close() {
      tracker.close();
      await stopRetention();
      await connections.close();
      history.close();
    },
  };
}
