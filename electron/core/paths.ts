import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'RPD Desk';

/**
 * Where history and settings live: RPD_DATA_DIR when set, else the folder Electron would use as
 * userData for this app, so the CLI and the app share one history.
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.RPD_DATA_DIR) return env.RPD_DATA_DIR;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}
