// Browser integration on or off per browser: the host manifest (and on Windows its registry
// value) written or removed, and turning it on counts as the agent allowing the extension.
import { approvalStore } from './approval.ts';
import { BROWSERS, BROWSER_LABELS, registrar } from './register.ts';
import type { BrowserKind, Place, RunReg } from './register.ts';
import type { BrowserIntegration } from '../../shared/browser-bridge.ts';

export interface Integration {
  status(): Promise<BrowserIntegration>;
  set(browser: BrowserKind, on: boolean, profileDir?: string): Promise<string>;
}

export function browserIntegration(place: Place, hostPath: () => string, reg?: RunReg): Integration {
  const reg_ = registrar(place, hostPath, reg);
  const approval = approvalStore(place.dataDir);
  return {
    async status() {
      const browsers = await Promise.all(BROWSERS.map(async (browser) => ({ browser, label: BROWSER_LABELS[browser], on: (await reg_.status(browser)).installed })));
      return { allowed: approval.get() === true, browsers };
    },
    async set(browser, on, profileDir) {
      if (!on) return reg_.uninstall(browser, profileDir);
      const file = await reg_.install(browser, profileDir);
      approval.set(true);
      return file;
    },
  };
}
