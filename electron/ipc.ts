// Binds the core handlers to ipcMain. Each call's sender frame must be one of our windows'
// main frames loaded from the app's own origin; the handler itself parses the input.
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, EVENTS } from '../shared/channels.ts';
import type { Handlers } from './core/handlers.ts';
import type { EventBus } from './core/events.ts';
import { fail } from '../shared/result.ts';

export function bindIpc(handlers: Handlers, events: EventBus, isTrustedSender: (e: IpcMainInvokeEvent) => boolean, targets: () => WebContents[]): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event)) return fail('invalid_input', 'Request from an untrusted frame refused.');
      return handlers[channel](input);
    });
  }
  const unsubscribe = EVENTS.map((name) =>
    events.on(name, (payload) => {
      for (const wc of targets()) if (!wc.isDestroyed()) wc.send(name, payload);
    }),
  );
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
    for (const off of unsubscribe) off();
  };
}
