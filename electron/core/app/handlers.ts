// The app feature's channels (shared/contract/app.ts): what runs, "Copy diagnostics", the logs
// folder; and the record of every error answered, which diagnostics and the log read.
import { release } from 'node:os';
import type { appChannels } from '../../../shared/contract/app.ts';
import type { AppInfo } from '../../../shared/contract.ts';
import type { ProfileKind } from '../../../shared/domain.ts';
import type { Keychain } from '../../../shared/settings.ts';
import { coreError } from '../error.ts';
import type { Impls, OnError } from '../handlers.ts';
import { RecentErrors, buildDiagnostics } from '../log/diagnostics.ts';
import { redactor } from '../log/redact.ts';
import { APP_VERSION } from '../version.ts';

export interface AppFeatureOptions {
  transport: AppInfo['transport'];
  activeProfile: () => ProfileKind;
  keychain: () => Keychain;
  packaged?: boolean;
  logFile?: string;
  /** Opens the logs folder (the app); absent in a browser. */
  openLogs?: () => Promise<void>;
  /** Where errors go (electron-log in the app; stderr elsewhere). Messages are redacted first. */
  log: { error(...args: unknown[]): void };
}

export interface AppFeature {
  handlers: Impls<keyof typeof appChannels>;
  onError: OnError;
}

const KEYCHAIN_WORDS = { keychain: 'os', weak: 'weak', none: 'unavailable' } as const;

export function appFeature(o: AppFeatureOptions): AppFeature {
  const recentErrors = new RecentErrors();
  const info = (): AppInfo => {
    const profile = o.activeProfile();
    return { version: APP_VERSION, profile, demo: profile === 'demo', transport: o.transport };
  };
  const diagnostics = (): string =>
    buildDiagnostics({
      appVersion: APP_VERSION,
      versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
      os: { platform: process.platform, arch: process.arch, release: release() },
      profileKind: o.activeProfile(),
      packaged: o.packaged ?? false,
      keychain: KEYCHAIN_WORDS[o.keychain()],
      logFile: o.logFile,
      lastErrors: recentErrors.list(),
      now: Date.now(),
    });
  return {
    handlers: {
      'app.info': () => info(),
      'app.diagnostics': () => ({ text: diagnostics() }),
      'app.openLogs': async () => {
        if (!o.openLogs) throw coreError('unavailable', 'The logs folder opens from the desktop app.');
        await o.openLogs();
        return null;
      },
    },
    onError: (channel, error, cause) => {
      recentErrors.record(error.code, `${channel}: ${error.message}`, Date.now());
      if (cause) o.log.error(redactor.redactString(`${channel} failed: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`));
    },
  };
}
