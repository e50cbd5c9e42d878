// The only bridge between the sandboxed renderer and main: one function per contract channel
// (no generic invoke) and a subscription to the contract's events. Built to CommonJS.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { CHANNELS, EVENTS } from '../shared/channels.ts';
import type { EventName } from '../shared/channels.ts';

const api: Record<string, unknown> = {};
for (const channel of CHANNELS) api[channel] = (input: unknown) => ipcRenderer.invoke(channel, input);
api.on = (event: EventName, listener: (payload: unknown) => void) => {
  if (!EVENTS.includes(event)) throw new Error(`Unknown event ${String(event)}`);
  const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(event, wrapped);
  return () => ipcRenderer.removeListener(event, wrapped);
};

contextBridge.exposeInMainWorld('rpd', api);
