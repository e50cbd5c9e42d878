// The one place that talks to main: window.rpd in Electron, the HTTP bridge in a browser.
// In a browser there is no main process for the desktop-only channels, so the page does those
// jobs itself here (clipboard, QR image, notifications), and the rest of the UI never asks
// which transport it runs on. Nothing here is module state: `createApi()` makes one client, which
// main.tsx hands to the whole UI through one React context (context.ts).
import { CHANNELS, EVENTS } from '../../shared/channels.ts';
import type { ChannelInput, ChannelName, ChannelOutput, EventName, RpdApi } from '../../shared/contract.ts';
import { qrFileName } from '../../shared/qr.ts';
import type { AppError, Result } from '../../shared/result.ts';
import { downloadBlob } from './lib/download.ts';
import { qrPngBlob } from './lib/qr.ts';

declare global {
  interface Window {
    rpd?: RpdApi;
  }
}

type Local = { [K in ChannelName]?: (input: ChannelInput<K>) => Promise<Result<ChannelOutput<K>>> };

const failure = (message: string, retryable = true, code: AppError['code'] = 'unavailable'): Result<never> => ({
  ok: false,
  error: { code, message, retryable },
});

function bridgeApi(token: string): RpdApi {
  const api: Record<string, unknown> = {};
  // preferences.clipboardClearSeconds, for the preview's own clearing: read once, kept by the event.
  let clearSeconds = 60;
  const clipboard = clipboardWriter(() => clearSeconds);
  const call = async <K extends ChannelName>(channel: K, input: unknown): Promise<Result<ChannelOutput<K>>> => {
    try {
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-rpd-token': token },
        body: JSON.stringify(input ?? null),
      });
      return (await res.json()) as Result<ChannelOutput<K>>;
    } catch {
      return failure('RPD Desk is not running. Start it again and reload this page.');
    }
  };
  /** The order's name and UPI link, while the link can still be paid. */
  const payableOrder = async (verificationId: string): Promise<Result<{ name: string; link: string }>> => {
    const order = await call('order.get', { verificationId });
    if (!order.ok) return order;
    if (!order.data.links || order.data.state !== 'created') return failure('This order has no payment link to show any more.', false);
    return { ok: true, data: { name: order.data.name, link: order.data.links.upi } };
  };
  const local: Local = {
    'clipboard.write': clipboard,
    'qr.save': async ({ verificationId }) => {
      const order = await payableOrder(verificationId);
      if (!order.ok) return order;
      downloadBlob(await qrPngBlob(order.data.link), qrFileName(order.data.name, verificationId));
      return { ok: true, data: { saved: true } };
    },
    'qr.copy': async ({ verificationId }) => {
      const order = await payableOrder(verificationId);
      if (!order.ok) return order;
      try {
        await navigator.clipboard.write([new ClipboardItem({ 'image/png': qrPngBlob(order.data.link) })]);
        return { ok: true, data: null };
      } catch {
        return failure('The browser did not allow copying an image. Use Save QR image instead.', false);
      }
    },
    'window.present': async () => failure('A separate window exists only in the desktop app: use the full-screen view.', false),
    'notify.show': async ({ title, body }) => {
      if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return failure('Notifications are not allowed in this browser.', false);
      new Notification(title, { body });
      return { ok: true, data: null };
    },
  };
  for (const channel of CHANNELS) {
    api[channel] = local[channel] ?? ((input: unknown) => call(channel, input));
  }
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  let streaming = false;
  api.on = (event: EventName, listener: (p: unknown) => void) => {
    if (!streaming) {
      streaming = true;
      void streamEvents(token, (name, payload) => {
        if ((EVENTS as readonly string[]).includes(name)) for (const l of listeners.get(name as EventName) ?? []) l(payload);
      });
    }
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  };
  const typed = api as RpdApi;
  void typed['settings.get'](undefined).then((r) => r.ok && (clearSeconds = r.data.preferences.clipboardClearSeconds));
  typed.on('settings.changed', (s) => (clearSeconds = s.preferences.clipboardClearSeconds));
  return typed;
}

/**
 * The bridge's server-sent events, read with fetch so the token goes in a header (EventSource can
 * only put it in the URL, which ends up in logs). Reconnects after a second when the stream ends,
 * with the id of the last event read, and the bridge sends what was missed meanwhile. When it no
 * longer can (the break was too long), the page loads again: what it shows may be stale.
 */
async function streamEvents(token: string, dispatch: (name: string, payload: unknown) => void): Promise<void> {
  let lastId: string | undefined;
  for (;;) {
    try {
      const res = await fetch('/api/events', { headers: { 'x-rpd-token': token, ...(lastId ? { 'last-event-id': lastId } : {}) } });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        const frames = (buffer += chunk.value).split('\n\n');
        buffer = frames.pop() ?? '';
        for (const frame of frames) {
          const field = (name: string) => frame.split('\n').find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
          const name = field('event');
          const data = field('data');
          lastId = field('id') ?? lastId;
          if (name === 'stream.reset') return location.reload();
          if (name && data !== undefined) dispatch(name, JSON.parse(data));
        }
      }
    } catch {
      // Server gone or restarting: try again below.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * In a browser the page writes the clipboard itself. Personal data is cleared after a while if
 * it is still there; a page may read the clipboard only while it has focus, so this is best effort.
 */
export function clipboardWriter(clearSeconds: () => number): (input: { text: string; sensitive?: boolean }) => Promise<Result<null>> {
  let clearTimer: ReturnType<typeof setTimeout> | null = null;
  return async ({ text, sensitive }) => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      return failure('The browser did not allow writing to the clipboard. Click in the window and try again.');
    }
    if (clearTimer) clearTimeout(clearTimer);
    clearTimer = null;
    const seconds = clearSeconds();
    if (sensitive && seconds > 0) {
      clearTimer = setTimeout(() => {
        clearTimer = null;
        if (!document.hasFocus()) return;
        void navigator.clipboard
          .readText()
          .then((current) => (current === text ? navigator.clipboard.writeText('') : undefined))
          .catch(() => {});
      }, seconds * 1000);
    }
    return { ok: true, data: null };
  };
}

function tokenFromLocation(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('rpd-token', fromHash);
    // Out of the address bar, where it could be copied, shared or shown on a shared screen.
    history.replaceState(null, '', location.pathname + location.search);
  }
  return fromHash ?? sessionStorage.getItem('rpd-token') ?? '';
}

export interface ApiClient {
  api: RpdApi;
  /** True inside the Electron app, where main does the desktop-only jobs (separate windows...). */
  isDesktop: boolean;
}

export function createApi(): ApiClient {
  return window.rpd ? { api: window.rpd, isDesktop: true } : { api: bridgeApi(tokenFromLocation()), isDesktop: false };
}
