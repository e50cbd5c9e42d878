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

/**
 * The desktop app's data folder: RPD_DATA_DIR only in an unpackaged run (tests, development), so
 * nothing in an agent's environment can point an installed app's history and keys elsewhere.
 */
export function appDataDir(packaged: boolean, userData: string, env: NodeJS.ProcessEnv = process.env): string {
  return !packaged && env.RPD_DATA_DIR ? env.RPD_DATA_DIR : userData;
}
