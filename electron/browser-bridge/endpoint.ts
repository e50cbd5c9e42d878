// Where the app listens for the native-messaging host: a Unix socket in the app's data folder
// (mode 0600), or on Windows a named pipe whose name is derived from that folder (so two users,
// or RPD_DATA_DIR runs, never share one). Host and app compute it the same way.
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export const SOCKET_FILE = 'browser-bridge.sock';

export function bridgeEndpoint(dataDir: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') {
    const tag = createHash('sha256').update(dataDir.toLowerCase()).digest('hex').slice(0, 24);
    return `\\\\.\\pipe\\rpd-desk-bridge-${tag}`;
  }
  return join(dataDir, SOCKET_FILE);
}
