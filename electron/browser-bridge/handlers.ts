// The browser bridge feature's channels (browserContract in shared/browser-bridge.ts): whether
// the extension's native-messaging host is registered per browser, and turning it on or off.
import type { browserContract } from '../../shared/browser-bridge.ts';
import { coreError } from '../core/error.ts';
import type { Impls } from '../core/handlers.ts';
import type { Integration } from './integration.ts';

export function browserHandlers(browserIntegration: Integration | null): Impls<keyof typeof browserContract> {
  const integration = (): Integration => {
    if (!browserIntegration) throw coreError('unavailable', 'Browser integration is set up from the app.');
    return browserIntegration;
  };
  return {
    'browser.integration': () => integration().status(),
    'browser.setIntegration': async ({ browser, on }) => {
      await integration().set(browser, on);
      return integration().status();
    },
  };
}
