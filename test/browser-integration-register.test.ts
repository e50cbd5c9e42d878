// Registering the native-messaging host: the manifest every browser reads, where each browser
// looks on Linux, macOS and Windows, the reg.exe command lines for HKCU, and the CLI.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { browserIntegration } from '../electron/browser-bridge/integration.ts';
import { BROWSERS, hostManifest, manifestPath, regCommands, registrar, resolveHostPath } from '../electron/browser-bridge/register.ts';
import type { Place } from '../electron/browser-bridge/register.ts';
import { EXTENSION_ID, HOST_NAME } from '../shared/browser-bridge.ts';

const linux: Place = { platform: 'linux', home: '/home/asha', env: {}, dataDir: '/home/asha/.config/RPD Desk' };
const mac: Place = { platform: 'darwin', home: '/Users/asha', env: {}, dataDir: '/Users/asha/Library/Application Support/RPD Desk' };
const windows: Place = { platform: 'win32', home: 'C:\\Users\\asha', env: {}, dataDir: 'C:\\Users\\asha\\AppData\\Roaming\\RPD Desk' };

describe('host manifests', () => {
  it('allows only the extension, by its fixed id', () => {
    expect(hostManifest('/opt/RPD Desk/resources/host/rpd-desk-bridge')).toEqual({
      name: HOST_NAME,
      description: 'RPD Desk browser bridge',
      path: '/opt/RPD Desk/resources/host/rpd-desk-bridge',
      type: 'stdio',
      allowed_origins: [`chrome-extension://${EXTENSION_ID}/`],
    });
    expect(HOST_NAME).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/);
  });

  it("matches the extension id to the manifest's public key", async () => {
    const { createHash } = await import('node:crypto');
    const manifest = JSON.parse(readFileSync(new URL('../extension/manifest.json', import.meta.url), 'utf8')) as { key: string };
    const hex = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32);
    expect([...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('')).toBe(EXTENSION_ID);
  });

  it('asks for no more than the job needs and offers pages nothing to reach', () => {
    const manifest = JSON.parse(readFileSync(new URL('../extension/manifest.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['nativeMessaging', 'contextMenus', 'storage']);
    for (const key of ['externally_connectable', 'web_accessible_resources', 'host_permissions', 'optional_permissions']) expect(manifest).not.toHaveProperty(key);
  });

  it("puts them in each browser's NativeMessagingHosts folder", () => {
    const file = `${HOST_NAME}.json`;
    expect(BROWSERS.map((b) => manifestPath(b, linux))).toEqual([
      `/home/asha/.config/google-chrome/NativeMessagingHosts/${file}`,
      `/home/asha/.config/chromium/NativeMessagingHosts/${file}`,
      `/home/asha/.config/microsoft-edge/NativeMessagingHosts/${file}`,
      `/home/asha/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts/${file}`,
    ]);
    expect(manifestPath('chrome', { ...linux, env: { XDG_CONFIG_HOME: '/xdg' } })).toBe(`/xdg/google-chrome/NativeMessagingHosts/${file}`);
    expect(BROWSERS.map((b) => manifestPath(b, mac))).toEqual([
      `/Users/asha/Library/Application Support/Google/Chrome/NativeMessagingHosts/${file}`,
      `/Users/asha/Library/Application Support/Chromium/NativeMessagingHosts/${file}`,
      `/Users/asha/Library/Application Support/Microsoft Edge/NativeMessagingHosts/${file}`,
      `/Users/asha/Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts/${file}`,
    ]);
    expect(manifestPath('edge', linux, '/tmp/profile')).toBe(`/tmp/profile/NativeMessagingHosts/${file}`);
  });

  it('writes HKCU registry values with reg.exe command lines on Windows', async () => {
    expect(regCommands.add('chrome', 'C:\\m.json')).toEqual(['add', `HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\${HOST_NAME}`, '/ve', '/t', 'REG_SZ', '/d', 'C:\\m.json', '/f']);
    expect(regCommands.remove('edge')).toEqual(['delete', `HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\${HOST_NAME}`, '/f']);
    expect(regCommands.query('brave')).toEqual(['query', `HKCU\\Software\\BraveSoftware\\Brave-Browser\\NativeMessagingHosts\\${HOST_NAME}`, '/ve']);
    expect(regCommands.query('chromium')[1]).toBe(`HKCU\\Software\\Chromium\\NativeMessagingHosts\\${HOST_NAME}`);
    // The registry itself exists only on Windows: here the runner records what would run.
    const dataDir = mkdtempSync(join(tmpdir(), 'rpd-reg-'));
    const ran: string[][] = [];
    const values = new Map<string, string>();
    const reg = async (args: string[]) => {
      ran.push(args);
      if (args[0] === 'add') values.set(args[1]!, args[6]!);
      if (args[0] === 'delete') values.delete(args[1]!);
      return { ok: true, stdout: args[0] === 'query' && values.has(args[1]!) ? `    (Default)    REG_SZ    ${values.get(args[1]!)}` : '' };
    };
    const r = registrar({ ...windows, dataDir }, () => 'C:\\Program Files\\RPD Desk\\resources\\host\\rpd-desk-bridge.exe', reg);
    const file = await r.install('edge');
    expect(file).toBe(join(dataDir, 'NativeMessagingHosts', 'edge', `${HOST_NAME}.json`));
    expect(ran[0]).toEqual(regCommands.add('edge', file));
    expect(await r.status('edge')).toEqual({ installed: true, manifest: file });
    await r.uninstall('edge');
    expect(ran.at(-1)).toEqual(regCommands.remove('edge'));
    expect(existsSync(file)).toBe(false);
    expect((await r.status('edge')).installed).toBe(false);
  });

  it('turning a browser on writes the manifest and allows the extension; off removes it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'rpd-home-'));
    const place: Place = { platform: 'linux', home, env: {}, dataDir: join(home, 'data') };
    const integration = browserIntegration(place, () => '/opt/rpd/host');
    expect((await integration.status()).allowed).toBe(false);
    await integration.set('brave', true);
    const after = await integration.status();
    expect(after.allowed).toBe(true);
    expect(after.browsers.filter((b) => b.on).map((b) => b.browser)).toEqual(['brave']);
    expect(JSON.parse(readFileSync(manifestPath('brave', place), 'utf8'))).toEqual(hostManifest('/opt/rpd/host'));
    await integration.set('brave', false);
    expect((await integration.status()).browsers.some((b) => b.on)).toBe(false);
  });

  it('from the project, names a launcher of the bundled host (or the single executable once built)', () => {
    const out = mkdtempSync(join(tmpdir(), 'rpd-out-'));
    expect(() => resolveHostPath({ packaged: false, outDir: out })).toThrow('npm run build');
    expect(resolveHostPath({ packaged: true, resourcesPath: '/opt/RPD Desk/resources', outDir: out, platform: 'win32' })).toBe(join('/opt/RPD Desk/resources', 'host', 'rpd-desk-bridge.exe'));
    mkdirSync(join(out, 'host'));
    writeFileSync(join(out, 'host', 'rpd-desk-bridge.cjs'), '');
    const launcher = resolveHostPath({ packaged: false, outDir: out, nodePath: '/usr/bin/node24' });
    expect(readFileSync(launcher, 'utf8')).toBe(`#!/bin/sh\nexec "/usr/bin/node24" "${join(out, 'host', 'rpd-desk-bridge.cjs')}" "$@"\n`);
    expect(statSync(launcher).mode & 0o111).not.toBe(0);
    const cmd = resolveHostPath({ packaged: false, outDir: out, platform: 'win32', nodePath: 'C:\\node.exe' });
    expect(readFileSync(cmd, 'utf8')).toContain('"C:\\node.exe"');
  });
});

describe('rpd browser-integration', () => {
  const cli = (args: string[], env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, [join(import.meta.dirname, '..', 'electron', 'cli.ts'), 'browser-integration', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

  it('refuses unknown browsers and actions with usage (exit 2)', () => {
    const bad = cli(['install', '--browser', 'firefox'], {});
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--browser must be one of chrome, chromium, edge, brave');
    expect(cli(['reinstall'], {}).status).toBe(2);
  });

  it('installs into a profile folder, reports it, and uninstalls', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rpd-cli-data-'));
    const profile = mkdtempSync(join(tmpdir(), 'rpd-cli-profile-'));
    const env = { RPD_DATA_DIR: dataDir };
    const file = join(profile, 'NativeMessagingHosts', `${HOST_NAME}.json`);
    const installed = cli(['install', '--browser', 'chrome', '--profile-dir', profile], env);
    if (installed.status !== 0 && installed.stderr.includes('npm run build')) return expect.fail('run npm run build first: the host bundle is missing');
    expect(installed.status, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ name: HOST_NAME, type: 'stdio' });
    const status = JSON.parse(cli(['status', '--browser', 'chrome', '--profile-dir', profile, '--json'], env).stdout) as { allowed: boolean; browsers: { installed: boolean }[] };
    expect(status.allowed).toBe(true);
    expect(status.browsers[0]?.installed).toBe(true);
    expect(cli(['uninstall', '--browser', 'chrome', '--profile-dir', profile], env).status).toBe(0);
    expect(existsSync(file)).toBe(false);
  });
});

