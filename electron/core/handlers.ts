// Every contract channel, implemented once over injected services. Each handler takes
// `unknown`, parses it with the channel's schema and answers a Result; nothing throws across.
import { contract } from '../../shared/contract.ts';
import type { AppInfo, ChannelName, ChannelOutput } from '../../shared/contract.ts';
import type { Result } from '../../shared/result.ts';
import { fail, ok } from '../../shared/result.ts';
import type { z } from 'zod';
import { CashfreeError } from './cashfree/errors.ts';
import type { OrderService } from './orders.ts';
import type { Tracker } from './tracker.ts';
import type { Order } from '../../shared/domain.ts';
import { qrFileName } from '../../shared/qr.ts';
import { qrPng } from './qr-image.ts';

export interface DemoControl {
  pay(verificationId: string, nameAtBank?: string): Promise<void>;
  fail(verificationId: string): Promise<void>;
  expire(verificationId: string): Promise<void>;
  /** The simulator's fault plan; null clears it. Throws FaultsRejected when the plan is not valid. */
  faults(plan: Record<string, unknown> | null): Promise<void>;
}

export class FaultsRejected extends Error {}

export interface ClipboardPort {
  write(text: string, sensitive: boolean): Promise<void>;
}

/**
 * What only a desktop shell can do. Each is null where there is none (browser preview, CLI):
 * the renderer then does the job itself (download, page clipboard, overlay, Notification API).
 */
export interface PlatformPorts {
  /** Asks where to save and writes the bytes there; false when the agent cancels. */
  saveFile: ((suggestedName: string, data: Uint8Array) => Promise<boolean>) | null;
  copyImage: ((png: Uint8Array) => Promise<void>) | null;
  present: ((verificationId: string) => Promise<void>) | null;
  notify: ((title: string, body: string) => Promise<void>) | null;
}

export interface Services {
  info: () => AppInfo;
  orders: OrderService;
  tracker: Tracker;
  /** Open orders of this run, newest first. */
  openOrders: () => Order[];
  demo: DemoControl | null;
  clipboard: ClipboardPort | null;
  platform?: Partial<PlatformPorts>;
  validateName: (name: string) => { ok: true; name: string } | { ok: false; reason: string };
}

export type Handler<K extends ChannelName> = (input: unknown) => Promise<Result<ChannelOutput<K>>>;
export type Handlers = { [K in ChannelName]: Handler<K> };

type Impl<K extends ChannelName> = (input: z.output<(typeof contract)[K]['input']>) => Promise<ChannelOutput<K>> | ChannelOutput<K>;

export function createHandlers(s: Services): Handlers {
  const orderOrFail = (verificationId: string): Order => {
    const order = s.orders.get(verificationId);
    if (!order) throw new CashfreeError('not_found', `There is no order ${verificationId} on this computer.`);
    return order;
  };
  const demo = (): DemoControl => {
    if (!s.demo) throw new CashfreeError('unavailable', 'Simulated payments exist only in the Demo profile.');
    return s.demo;
  };
  const port = <P extends keyof PlatformPorts>(name: P): NonNullable<PlatformPorts[P]> => {
    const fn = s.platform?.[name];
    if (!fn) throw new CashfreeError('unavailable', 'Only the desktop app does that; in a browser the page does it itself.');
    return fn as NonNullable<PlatformPorts[P]>;
  };
  const qrOf = async (verificationId: string): Promise<{ order: Order; png: Buffer }> => {
    const order = orderOrFail(verificationId);
    if (!order.links || order.state !== 'created') throw new CashfreeError('unavailable', 'This order has no payment link to show any more.');
    return { order, png: await qrPng(order.links.upi) };
  };
  const impls: { [K in ChannelName]: Impl<K> } = {
    'app.info': () => s.info(),
    'order.create': async ({ name, note, replaces }) => {
      const checked = s.validateName(name);
      if (!checked.ok) throw new CashfreeError('invalid_input', checked.reason);
      const order = await s.orders.create({ name: checked.name, note, replaces });
      s.tracker.watch(order.verificationId);
      return order;
    },
    'order.get': ({ verificationId }) => orderOrFail(verificationId),
    'order.open': () => s.openOrders(),
    'order.recheck': ({ verificationId }) => (orderOrFail(verificationId), s.orders.refresh(verificationId)),
    'demo.pay': async ({ verificationId, nameAtBank }) => {
      orderOrFail(verificationId);
      await demo().pay(verificationId, nameAtBank);
      return null;
    },
    'demo.fail': async ({ verificationId }) => {
      orderOrFail(verificationId);
      await demo().fail(verificationId);
      return null;
    },
    'demo.expire': async ({ verificationId }) => {
      orderOrFail(verificationId);
      await demo().expire(verificationId);
      return null;
    },
    'demo.fault': async ({ faults }) => {
      try {
        await demo().faults(faults);
      } catch (err) {
        if (err instanceof FaultsRejected) throw new CashfreeError('invalid_input', err.message);
        throw err;
      }
      return null;
    },
    'qr.save': async ({ verificationId }) => {
      const saveFile = port('saveFile');
      const { order, png } = await qrOf(verificationId);
      return { saved: await saveFile(qrFileName(order.name, order.verificationId), png) };
    },
    'qr.copy': async ({ verificationId }) => {
      const copyImage = port('copyImage');
      await copyImage((await qrOf(verificationId)).png);
      return null;
    },
    'window.present': async ({ verificationId }) => {
      const present = port('present');
      orderOrFail(verificationId);
      await present(verificationId);
      return null;
    },
    'notify.show': async ({ title, body }) => {
      await port('notify')(title, body);
      return null;
    },
    'clipboard.write': async ({ text, sensitive }) => {
      if (!s.clipboard) throw new CashfreeError('unavailable', 'This window writes to the clipboard itself.');
      await s.clipboard.write(text, sensitive ?? false);
      return null;
    },
  };
  const handlers = {} as Record<ChannelName, Handler<ChannelName>>;
  for (const channel of Object.keys(contract) as ChannelName[]) {
    handlers[channel] = wrap(channel, impls[channel] as Impl<ChannelName>);
  }
  return handlers as Handlers;
}

function wrap<K extends ChannelName>(channel: K, impl: Impl<K>): Handler<K> {
  const { input: inSchema, output: outSchema } = contract[channel];
  return async (raw) => {
    const parsed = inSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return fail('invalid_input', `Invalid input for ${channel}: ${where}${issue?.message ?? 'not accepted'}.`);
    }
    try {
      const data = await impl(parsed.data as never);
      return ok(outSchema.parse(data) as ChannelOutput<K>);
    } catch (err) {
      if (err instanceof CashfreeError) return { ok: false, error: err.toAppError() };
      return fail('internal', `Something went wrong in ${channel}. The details are in the log.`);
    }
  };
}
