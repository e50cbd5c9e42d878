// The one place that talks to main: window.rpd in Electron, the HTTP bridge in a browser.
import { CHANNELS, EVENTS } from '../../shared/channels.ts';
import type { ChannelName, EventName, RpdApi } from '../../shared/contract.ts';
import type { Result } from '../../shared/result.ts';

declare global {
  interface Window {
    rpd?: RpdApi;
  }
}

function bridgeApi(token: string): RpdApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    api[channel] = async (input: unknown): Promise<Result<unknown>> => {
      if (channel === 'clipboard.write') return writeClipboard(input as { text: string });
      try {
        const res = await fetch(`/api/${channel satisfies ChannelName}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-rpd-token': token },
          body: JSON.stringify(input ?? null),
        });
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'unavailable', message: 'RPD Desk is not running. Start it again and reload this page.', retryable: true } };
      }
    };
  }
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  let source: EventSource | null = null;
  api.on = (event: EventName, listener: (p: unknown) => void) => {
    if (!source) {
      source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      for (const name of EVENTS) {
        source.addEventListener(name, (e) => {
          const payload: unknown = JSON.parse((e as MessageEvent<string>).data);
          for (const l of listeners.get(name) ?? []) l(payload);
        });
      }
    }
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  };
  return api as RpdApi;
}

/** In a browser there is no main process: the page writes the clipboard itself. */
async function writeClipboard({ text }: { text: string }): Promise<Result<null>> {
  try {
    await navigator.clipboard.writeText(text);
    return { ok: true, data: null };
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'The browser did not allow writing to the clipboard.', retryable: true } };
  }
}

function tokenFromLocation(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) sessionStorage.setItem('rpd-token', fromHash);
  return fromHash ?? sessionStorage.getItem('rpd-token') ?? '';
}

export const api: RpdApi = window.rpd ?? bridgeApi(tokenFromLocation());
