// The host as it ships: `npm run build:host` makes the bundled host a Node single executable for
// this platform (Linux here; each release platform builds its own), and that binary answers
// frames on stdio with no Node installed beside it.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHostExecutable } from '../../scripts/build-host.ts';
import { askHost } from './host-client.ts';
import { APP_NOT_RUNNING, EXTENSION_ORIGIN } from '../../shared/browser-bridge.ts';
import { ROOT } from './harness.ts';

// No PATH: the executable must not need a Node of its own.
const run = (exe: string, origin: string, dataDir: string) => askHost(exe, origin, { RPD_DATA_DIR: dataDir }, { id: 1, kind: 'follow', verificationId: 'abc' });

describe('the host as a single executable', () => {
  it('builds, refuses other callers and tells the extension the app is not running', async () => {
    if (!existsSync(join(ROOT, 'out', 'host', 'rpd-desk-bridge.cjs'))) throw new Error('out/host is missing: run npm run build first.');
    const exe = buildHostExecutable();
    const dataDir = mkdtempSync(join(tmpdir(), 'rpd-sea-'));
    expect(await run(exe, 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/', dataDir)).toMatchObject({ code: 1, frames: [{ ok: false, error: { code: 'forbidden' } }] });
    expect(await run(exe, EXTENSION_ORIGIN, dataDir)).toEqual({ code: 0, frames: [{ id: 1, ok: false, error: APP_NOT_RUNNING }] });
  }, 60_000);
});
