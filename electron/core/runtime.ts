// Composition of the core services, shared by the Electron main process, the browser preview
// (`npm run web`) and the CLI. Nothing here imports 'electron': the platform parts (settings
// cipher, clipboard) come in as arguments.
import { EventBus } from './events.ts';
import { CashfreeClient } from './cashfree/client.ts';
import { CashfreeError } from './cashfree/errors.ts';
import { OrderService } from './orders.ts';
import { Tracker } from './tracker.ts';
import { createHandlers } from './handlers.ts';
import type { ClipboardPort, DemoControl, Handlers } from './handlers.ts';
import { MemoryStore } from './store.ts';
import type { OrderStore } from './store.ts';
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
  store?: OrderStore;
}

export interface Runtime {
  handlers: Handlers;
  events: EventBus;
  orders: OrderService;
  tracker: Tracker;
  /** The client of the active profile (the CLI reads status through it). */
  client(): Promise<CashfreeClient>;
  close(): Promise<void>;
}

export async function startRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const events = new EventBus();
  const settings = opts.settings;
  const clients = new Map<ProfileKind, Promise<CashfreeClient>>();
  let simulator: Promise<Simulator> | null = null;

  const activeProfile = (): ProfileKind => opts.fixed?.profile ?? settings.getPublicSettings().activeProfile;

  const demoSimulator = (): Promise<Simulator> => (simulator ??= startSimulator({ port: 0, quiet: true }));

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

  const store = opts.store ?? new MemoryStore();
  const orders = new OrderService({ clientFor, store, events, activeProfile, newId: () => newVerificationId() });
  const tracker = new Tracker({ refresh: (id) => orders.refresh(id) });

  const demo: DemoControl = {
    pay: async (id, nameAtBank) => void (await demoSimulator()).pay(id, nameAtBank ? { name_at_bank: nameAtBank } : undefined),
    fail: async (id) => void (await demoSimulator()).fail(id),
    expire: async (id) => void (await demoSimulator()).expire(id),
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

  const session: string[] = [];
  events.on('order.updated', (o) => {
    if (!session.includes(o.verificationId)) session.unshift(o.verificationId);
  });

  const handlers = createHandlers({
    info: () => ({ version: APP_VERSION, profile: activeProfile(), demo: activeProfile() === 'demo', transport: opts.transport }),
    orders,
    tracker,
    openOrders: () => session.map((id) => orders.get(id)).filter((o) => o !== null),
    demo: () => (activeProfile() === 'demo' ? demo : null),
    clipboard: opts.clipboard ?? null,
    validateName,
    settings,
    testConnection,
    onSettingsChanged: (profile) => {
      if (profile) forgetClient(profile);
      events.emit('settings.changed', settings.getPublicSettings());
    },
  });

  if (opts.track) for (const order of store.listOpen()) tracker.watch(order.verificationId, 0);
  void clientFor(activeProfile())
    .then((c) => c.prewarm())
    .catch(() => {});

  return {
    handlers,
    events,
    orders,
    tracker,
    client: () => clientFor(activeProfile()),
    async close() {
      tracker.close();
      await Promise.all([...clients.values()].map((c) => c.then((x) => x.close()).catch(() => {})));
      if (simulator) await (await simulator).close();
    },
  };
}
