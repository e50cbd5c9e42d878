// The browser bridge feature: what main.ts and web.ts call. The app keeps working without it:
// a socket that cannot be opened is reported, not fatal.
import type { EventBus } from '../core/events.ts';
import type { Handlers } from '../core/handlers.ts';
import type { Preferences } from '../../shared/settings.ts';
import { approvalStore } from './approval.ts';
import { browserIntegration } from './integration.ts';
import type { Integration } from './integration.ts';
import { defaultPlace, resolveHostPath } from './register.ts';
import { startBridgeSocket } from './server.ts';
import type { BridgeSocket } from './server.ts';

export type { Integration } from './integration.ts';
export type { BridgeSocket } from './server.ts';

/** Settings' Browser integration for this data folder, naming the host program this build ships. */
export function integrationFor(dataDir: string, host: { packaged: boolean; resourcesPath?: string; outDir: string }): Integration {
  return browserIntegration(defaultPlace(dataDir), () => resolveHostPath(host));
}

export async function serveBrowserBridge(opts: {
  dataDir: string;
  handlers: Handlers;
  events: EventBus;
  preferences: () => Preferences;
  askApproval: (() => Promise<boolean>) | null;
  log: (message: string) => void;
}): Promise<BridgeSocket | null> {
  try {
    return await startBridgeSocket({
      dataDir: opts.dataDir,
      services: { handlers: opts.handlers, events: opts.events, preferences: opts.preferences, approval: approvalStore(opts.dataDir), askApproval: opts.askApproval },
    });
  } catch (err) {
    opts.log(`Browser extension bridge not started: ${(err as Error).message}`);
    return null;
  }
}
