// Composition of the core services, shared by the Electron main process, the browser preview
// (`npm run web`) and the CLI. Nothing here imports 'electron'.
import { EventBus } from './events.ts';
import { CashfreeClient } from './cashfree/client.ts';
import { OrderService } from './orders.ts';
import { Tracker } from './tracker.ts';
import { createHandlers } from './handlers.ts';
import { FaultsRejected } from './handlers.ts';
import type { ClipboardPort, DemoControl, Handlers, PlatformPorts } from './handlers.ts';
import { MemoryStore } from './store.ts';
import { startSimulator } from '../simulator/server.ts';
import type { ProfileKind } from '../../shared/domain.ts';
import { newVerificationId } from '../../shared/ids.ts';
import { validateName } from '../../shared/names.ts';
import { APP_VERSION } from './version.ts';

export interface Connection {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  publicKeyPem?: string;
  apiVersion?: string;
  timeoutMs?: number;
}

export interface RuntimeOptions {
  dataDir: string;
  transport: 'electron' | 'browser' | 'cli';
  profile: ProfileKind;
  /** Required for Sandbox and Production; Demo starts its own simulator. */
  connection?: Connection;
  clipboard?: ClipboardPort;
  /** Desktop-only jobs (save dialog, image clipboard, presenter window, notifications). */
  platform?: Partial<PlatformPorts>;
  /** Start tracking open orders found in history (the app does; one-shot CLI calls do not). */
  track?: boolean;
}

export interface Runtime {
  handlers: Handlers;
  events: EventBus;
  orders: OrderService;
  client: CashfreeClient;
  close(): Promise<void>;
}

export async function startRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const events = new EventBus();
  let demo: DemoControl | null = null;
  let connection = opts.connection;
  let closeSimulator = async (): Promise<void> => {};
  if (opts.profile === 'demo' && !connection) {
    const sim = await startSimulator({ port: 0, quiet: true });
    connection = { baseUrl: sim.baseUrl, clientId: 'demo', clientSecret: 'demo' };
    demo = {
      pay: async (id, nameAtBank) => void sim.pay(id, nameAtBank ? { name_at_bank: nameAtBank } : undefined),
      fail: async (id) => void sim.fail(id),
      expire: async (id) => void sim.expire(id),
      faults: async (plan) => {
        if (plan === null) return sim.clearFaults();
        try {
          sim.setFaults(plan);
        } catch (err) {
          throw new FaultsRejected(`The simulator refused that fault plan: ${err instanceof Error ? err.message.split('\n')[0] : 'not valid'}`);
        }
      },
    };
    closeSimulator = () => sim.close();
  }
  if (!connection) throw new Error(`The ${opts.profile} profile has no connection settings.`);

  const client = new CashfreeClient({ ...connection, userAgent: `RPD-Desk/${APP_VERSION}` });
  const store = new MemoryStore();
  const orders = new OrderService({ client, store, events, profile: opts.profile, newId: () => newVerificationId() });
  const tracker = new Tracker({ refresh: (id) => orders.refresh(id) });
  const session: string[] = [];
  events.on('order.updated', (o) => {
    if (!session.includes(o.verificationId)) session.unshift(o.verificationId);
  });
  const handlers = createHandlers({
    info: () => ({ version: APP_VERSION, profile: opts.profile, demo: demo !== null, transport: opts.transport }),
    orders,
    tracker,
    openOrders: () => session.map((id) => orders.get(id)).filter((o) => o !== null),
    demo,
    clipboard: opts.clipboard ?? null,
    platform: opts.platform,
    validateName,
  });
  void client.prewarm().catch(() => {});
  return {
    handlers,
    events,
    orders,
    client,
    async close() {
      tracker.close();
      await client.close();
      await closeSimulator();
    },
  };
}
