// Every contract channel, implemented once over injected services. Each handler takes
// `unknown`, parses it with the channel's schema and answers a Result; nothing throws across.
import { contract } from '../../shared/contract.ts';
import type { AppInfo, ChannelName, ChannelOutput } from '../../shared/contract.ts';
import type { Result } from '../../shared/result.ts';
import { fail, ok } from '../../shared/result.ts';
import type { z } from 'zod';
import { CashfreeError } from './cashfree/errors.ts';
import type { OrderService } from './orders.ts';
import type { Order, ProfileKind } from '../../shared/domain.ts';
import type { SettingsService } from './settings/index.ts';
import type { ProbeOutcome } from '../../shared/contract.ts';
import { AppFailure, failure, unwrap } from './failure.ts';
import { HistoryError } from './history/index.ts';
import type { HistoryStore } from './history/index.ts';
import type { AppError, ErrorCode } from '../../shared/result.ts';
import { qrFileName } from '../../shared/qr.ts';
import { qrPng } from './qr-image.ts';
import { isVerificationId } from '../../shared/ids.ts';
import { cleanNote } from '../../shared/text.ts';
import type { Integration } from '../browser-bridge/integration.ts';

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
  /** Asks where to save (the file type follows the name's extension) and writes the data there; null when the agent cancels. */
  saveFile: ((suggestedName: string, data: Uint8Array | string) => Promise<string | null>) | null;
  copyImage: ((png: Uint8Array) => Promise<void>) | null;
  present: ((verificationId: string) => Promise<void>) | null;
  notify: ((title: string, body: string) => Promise<void>) | null;
}

export interface Services {
  info: () => AppInfo;
  orders: OrderService;
  /** Asks Cashfree now; an order that stopped for errors the agent had to fix is followed again. */
  recheck: (verificationId: string) => Promise<Order>;
  /** The order on the agent's screen (null: none), followed more closely. */
  onScreen: (verificationId: string | null) => void;
  /** Open orders of this run, newest first. */
  openOrders: () => Order[];
  /** The simulator's controls while the Demo profile is active, else null. */
  demo: () => DemoControl | null;
  clipboard: ClipboardPort | null;
  platform?: Partial<PlatformPorts>;
  validateName: (name: string) => { ok: true; name: string } | { ok: false; reason: string };
  settings: SettingsService;
  testConnection: (profile: ProfileKind) => Promise<ProbeOutcome>;
  diagnostics: () => string;
  /** Opens the logs folder (the app); null in a browser. */
  openLogs: (() => Promise<void>) | null;
  /** Every error answered, for diagnostics; internal ones with their cause, for the log. */
  onError: (channel: ChannelName, error: AppError, cause?: unknown) => void;
  /** Opens the active profile's connection ahead of the first call; never fails. */
  prewarm: () => Promise<void>;
  history: HistoryStore;
  /** After a settings change; names the profile whose keys or address changed. */
  onSettingsChanged: (profile?: ProfileKind) => void;
  /** Browser integration (host manifests per browser); absent in the CLI. */
  browserIntegration?: Integration | null;
}

export type Handler<K extends ChannelName> = (input: unknown) => Promise<Result<ChannelOutput<K>>>;
export type Handlers = { [K in ChannelName]: Handler<K> };

type Impl<K extends ChannelName> = (input: z.output<(typeof contract)[K]['input']>) => Promise<ChannelOutput<K>> | ChannelOutput<K>;

export function createHandlers(s: Services): Handlers {
  const orderOrFail = (verificationId: string): Order => {
    const order = s.orders.get(verificationId);
    if (!order) throw failure('not_found', `There is no order ${verificationId} on this computer.`);
    return order;
  };
  const demo = (): DemoControl => {
    const control = s.demo();
    if (!control) throw failure('unavailable', 'Simulated payments exist only in the Demo profile.');
    return control;
  };
  const changed = <T>(value: T, profile?: ProfileKind): T => {
    s.onSettingsChanged(profile);
    return value;
  };
  const port = <P extends keyof PlatformPorts>(name: P): NonNullable<PlatformPorts[P]> => {
    const fn = s.platform?.[name];
    if (!fn) throw failure('unavailable', 'Only the desktop app does that; in a browser the page does it itself.');
    return fn as NonNullable<PlatformPorts[P]>;
  };
  const integration = (): Integration => {
    if (!s.browserIntegration) throw failure('unavailable', 'Browser integration is set up from the app.');
    return s.browserIntegration;
  };
  const qrOf = async (verificationId: string): Promise<{ order: Order; png: Buffer }> => {
    const order = orderOrFail(verificationId);
    if (!order.links || order.state !== 'created') throw failure('unavailable', 'This order has no payment link to show any more.');
    return { order, png: await qrPng(order.links.upi) };
  };
  const impls: { [K in ChannelName]: Impl<K> } = {
    'app.info': () => s.info(),
    'app.diagnostics': () => ({ text: s.diagnostics() }),
    'app.openLogs': async () => {
      if (!s.openLogs) throw failure('unavailable', 'The logs folder opens from the desktop app.');
      await s.openLogs();
      return null;
    },
    'order.prewarm': async () => {
      await s.prewarm();
      return null;
    },
    'order.create': async ({ name, note, replaces }) => {
      const checked = s.validateName(name);
      if (!checked.ok) throw failure('invalid_input', checked.reason);
      // A new link for an order this computer made; any other id would link history to nothing.
      if (replaces !== undefined && !isVerificationId(replaces)) {
        throw failure('invalid_input', 'The order to replace must be given by its verification id (letters, digits, ".", "-", "_").');
      }
      if (replaces !== undefined && !s.orders.get(replaces)) throw failure('invalid_input', `There is no order ${replaces} in this computer's history to replace.`);
      return s.orders.create({ name: checked.name, note: note === undefined ? undefined : cleanNote(note), replaces });
    },
    'order.get': ({ verificationId }) => orderOrFail(verificationId),
    'order.open': () => s.openOrders(),
    'order.recheck': ({ verificationId }) => (orderOrFail(verificationId), s.recheck(verificationId)),
    'order.focus': ({ verificationId }) => (s.onScreen(verificationId), null),
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
        if (err instanceof FaultsRejected) throw failure('invalid_input', err.message);
        throw err;
      }
      return null;
    },
    'qr.save': async ({ verificationId }) => {
      const saveFile = port('saveFile');
      const { order, png } = await qrOf(verificationId);
      return { saved: (await saveFile(qrFileName(order.name, order.verificationId), png)) !== null };
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
      if (!s.clipboard) throw failure('unavailable', 'This window writes to the clipboard itself.');
      await s.clipboard.write(text, sensitive ?? false);
      return null;
    },
    'settings.get': () => s.settings.getPublicSettings(),
    'settings.setProfile': ({ kind, confirmProduction }) => {
      const answer = unwrap(s.settings.setActiveProfile(kind, { confirmProduction }));
      return answer.status === 'switched' ? changed(answer) : answer;
    },
    'settings.saveCredentials': async ({ kind, ...input }) => changed(unwrap(await s.settings.saveCredentials(kind, input)), kind),
    'settings.deleteCredentials': ({ kind }) => changed(unwrap(s.settings.deleteCredentials(kind)), kind),
    'settings.setBaseUrl': async ({ kind, url, ...secret }) => changed(unwrap(await s.settings.setCustomBaseUrl(kind, url, secret)), kind),
    'settings.updatePreferences': (patch) => changed(unwrap(s.settings.updatePreferences(patch))),
    'settings.testConnection': ({ kind }) => s.testConnection(kind),
    'settings.export': () => ({ json: s.settings.exportSettingsJson() }),
    'settings.importPreview': ({ json }) => unwrap(s.settings.previewImport(json)),
    'settings.import': async ({ json, apply }) => {
      const settings = unwrap(await s.settings.importSettings(json, apply));
      // An imported address takes effect at the next call of its profile.
      s.onSettingsChanged('sandbox');
      return changed(settings, 'production');
    },
    'history.search': (query) => s.history.search(query ?? {}),
    'history.info': () => ({ count: s.history.count(), protection: s.history.protection, retentionDays: s.settings.getPreferences().retentionDays }),
    'history.export': async ({ query, full }) => {
      // A BOM so spreadsheet programs read names in any script as UTF-8.
      let csv = '\ufeff';
      const rows = s.history.exportCsv(query ?? {}, { full: full ?? false }, (chunk) => (csv += chunk));
      const saveFile = s.platform?.saveFile;
      if (!saveFile) return { rows, savedTo: null, csv };
      const savedTo = await saveFile(`rpd-history-${new Date().toISOString().slice(0, 10)}.csv`, csv);
      return { rows, savedTo, csv: null };
    },
    'history.deleteAll': () => ({ deleted: s.history.deleteAll() }),
    'browser.integration': () => integration().status(),
    'browser.setIntegration': async ({ browser, on }) => {
      await integration().set(browser, on);
      return integration().status();
    },
  };
  const handlers = {} as Record<ChannelName, Handler<ChannelName>>;
  for (const channel of Object.keys(contract) as ChannelName[]) {
    handlers[channel] = wrap(channel, impls[channel] as Impl<ChannelName>, s.onError);
  }
  return handlers as Handlers;
}

function wrap<K extends ChannelName>(channel: K, impl: Impl<K>, onError: Services['onError']): Handler<K> {
  const { input: inSchema, output: outSchema } = contract[channel];
  return async (raw) => {
    const answer = await settle(raw);
    // Internal errors were reported with their cause already; bad input is the caller's.
    if (!answer.ok && answer.error.code !== 'invalid_input' && answer.error.code !== 'internal') onError(channel, answer.error);
    return answer;
  };
  async function settle(raw: unknown): Promise<Result<ChannelOutput<K>>> {
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
      if (err instanceof AppFailure) return { ok: false, error: err.error };
      if (err instanceof HistoryError) return fail(HISTORY_CODES[err.code] ?? 'internal', `History: ${err.message}.`);
      const error: AppError = { code: 'internal', message: `Something went wrong in ${channel}. The details are in the log.`, retryable: false };
      onError(channel, error, err);
      return { ok: false, error };
    }
  }
}

const HISTORY_CODES: Partial<Record<HistoryError['code'], ErrorCode>> = {
  not_found: 'not_found',
  invalid_input: 'invalid_input',
  duplicate_id: 'duplicate_id',
  key_unavailable: 'unavailable',
};
