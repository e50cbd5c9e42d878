// electron-updater behind policy.ts: the policy decides if and when, the flow downloads
// in the background and asks the agent before restarting.
import electronUpdater from 'electron-updater';
import { app, dialog, type BaseWindow } from 'electron';
import {
  createUpdateFlow,
  updatePolicy,
  type UpdateFlow,
  type UpdateStatus,
  type UpdaterPort,
} from './policy.ts';

const { autoUpdater } = electronUpdater;

export interface AutoUpdateOptions {
  /** The `autoUpdate` setting. */
  autoUpdateSetting: boolean;
  /** Build flag for demo/training builds (never update). */
  demoBuild: boolean;
  /** Status changes, e.g. to push an event to the renderer ("Update ready: restart"). */
  onStatus?: (status: UpdateStatus) => void;
  /** Overrides the default dialog, e.g. to ask through the renderer instead. */
  askToRestart?: (version: string) => Promise<boolean>;
  /** Parent window for the default dialog. */
  getWindow?: () => BaseWindow | null;
  logger?: { info(...args: unknown[]): void; warn(...args: unknown[]): void; error(...args: unknown[]): void };
}

async function askWithDialog(version: string, getWindow?: () => BaseWindow | null): Promise<boolean> {
  const options = {
    type: 'info' as const,
    buttons: ['Restart now', 'Later'],
    defaultId: 1,
    cancelId: 1,
    message: `RPD Desk ${version} is ready to install`,
    detail: 'Restart now to finish the update, or later: it installs when you next quit. Orders being tracked resume after the restart.',
  };
  const parent = getWindow?.();
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return response === 0;
}

/** Call after 'ready'. Returns the flow (status, "check now", "restart now") even when disabled. */
export function startAutoUpdates(options: AutoUpdateOptions): UpdateFlow {
  const policy = updatePolicy({
    packaged: app.isPackaged,
    autoUpdateSetting: options.autoUpdateSetting,
    demoBuild: options.demoBuild,
    platform: process.platform,
    env: process.env,
    random: Math.random(),
  });
  if (policy.enabled) {
    autoUpdater.autoDownload = true;
    autoUpdater.autoInstallOnAppQuit = true;
    autoUpdater.allowPrerelease = false;
    autoUpdater.allowDowngrade = false;
    if (options.logger) autoUpdater.logger = options.logger;
  }
  const port: UpdaterPort = {
    async check() {
      await autoUpdater.checkForUpdates();
    },
    installAndRestart() {
      autoUpdater.quitAndInstall(false, true);
    },
    subscribe(handlers) {
      autoUpdater.on('update-available', (info) => handlers.available(info.version));
      autoUpdater.on('update-not-available', () => handlers.notAvailable());
      autoUpdater.on('download-progress', (progress) => handlers.progress(progress.percent));
      autoUpdater.on('update-downloaded', (event) => handlers.downloaded(event.version));
      autoUpdater.on('error', (error) => handlers.error(error));
    },
  };
  const flow = createUpdateFlow({
    updater: port,
    policy,
    askToRestart: options.askToRestart ?? ((version) => askWithDialog(version, options.getWindow)),
    onStatus: options.onStatus,
  });
  if (!policy.enabled) options.logger?.info(`auto-update off: ${policy.reason}`);
  flow.start();
  return flow;
}
