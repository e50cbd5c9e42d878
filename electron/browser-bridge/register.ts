// Registering the native-messaging host with each browser: on Linux and macOS a manifest file in
// the browser's NativeMessagingHosts folder; on Windows the same manifest file in the app's data
// folder plus a per-user registry value (HKCU) naming it, written with reg.exe. `--profile-dir DIR`
// writes DIR/NativeMessagingHosts/, where a browser started with --user-data-dir=DIR looks.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { ALLOWED_ORIGINS, HOST_NAME } from '../../shared/browser-bridge.ts';

export const BROWSERS = ['chrome', 'chromium', 'edge', 'brave'] as const;
export type BrowserKind = (typeof BROWSERS)[number];

export const BROWSER_LABELS: Record<BrowserKind, string> = { chrome: 'Google Chrome', chromium: 'Chromium', edge: 'Microsoft Edge', brave: 'Brave' };

const LINUX_DIRS: Record<BrowserKind, string> = {
  chrome: 'google-chrome',
  chromium: 'chromium',
  edge: 'microsoft-edge',
  brave: 'BraveSoftware/Brave-Browser',
};
const MAC_DIRS: Record<BrowserKind, string> = {
  chrome: 'Google/Chrome',
  chromium: 'Chromium',
  edge: 'Microsoft Edge',
  brave: 'BraveSoftware/Brave-Browser',
};
const WINDOWS_KEYS: Record<BrowserKind, string> = {
  chrome: 'Software\\Google\\Chrome',
  chromium: 'Software\\Chromium',
  edge: 'Software\\Microsoft\\Edge',
  brave: 'Software\\BraveSoftware\\Brave-Browser',
};

export interface Place {
  platform: NodeJS.Platform;
  home: string;
  env: NodeJS.ProcessEnv;
  /** The app's data folder: on Windows the manifests live there (the registry names them). */
  dataDir: string;
}

export const hostManifestFile = `${HOST_NAME}.json`;

export function hostManifest(hostPath: string): Record<string, unknown> {
  return { name: HOST_NAME, description: 'RPD Desk browser bridge', path: hostPath, type: 'stdio', allowed_origins: [...ALLOWED_ORIGINS] };
}

/** Where a browser reads the host manifest (a file on Linux and macOS; the file the registry names on Windows). */
export function manifestPath(browser: BrowserKind, place: Place, profileDir?: string): string {
  if (profileDir) return join(profileDir, 'NativeMessagingHosts', hostManifestFile);
  if (place.platform === 'win32') return join(place.dataDir, 'NativeMessagingHosts', browser, hostManifestFile);
  if (place.platform === 'darwin') return join(place.home, 'Library', 'Application Support', MAC_DIRS[browser], 'NativeMessagingHosts', hostManifestFile);
  return join(place.env.XDG_CONFIG_HOME ?? join(place.home, '.config'), LINUX_DIRS[browser], 'NativeMessagingHosts', hostManifestFile);
}

export const registryKey = (browser: BrowserKind): string => `HKCU\\${WINDOWS_KEYS[browser]}\\NativeMessagingHosts\\${HOST_NAME}`;

/** reg.exe argument lists (no shell): set the key's default value to the manifest path, delete it, read it. */
export const regCommands = {
  add: (browser: BrowserKind, manifest: string): string[] => ['add', registryKey(browser), '/ve', '/t', 'REG_SZ', '/d', manifest, '/f'],
  remove: (browser: BrowserKind): string[] => ['delete', registryKey(browser), '/f'],
  query: (browser: BrowserKind): string[] => ['query', registryKey(browser), '/ve'],
};

export type RunReg = (args: string[]) => Promise<{ ok: boolean; stdout: string }>;

const execFileAsync = promisify(execFile);
export const runRegExe: RunReg = async (args) => {
  try {
    const { stdout } = await execFileAsync('reg.exe', args, { windowsHide: true });
    return { ok: true, stdout };
  } catch {
    return { ok: false, stdout: '' };
  }
};

export interface Registrar {
  install(browser: BrowserKind, profileDir?: string): Promise<string>;
  uninstall(browser: BrowserKind, profileDir?: string): Promise<string>;
  status(browser: BrowserKind, profileDir?: string): Promise<{ installed: boolean; manifest: string }>;
}

export function registrar(place: Place, hostPath: () => string, reg: RunReg = runRegExe): Registrar {
  const windows = place.platform === 'win32';
  return {
    async install(browser, profileDir) {
      const file = manifestPath(browser, place, profileDir);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(hostManifest(hostPath()), null, 2)}\n`);
      if (windows && !profileDir && !(await reg(regCommands.add(browser, file))).ok) throw new Error(`Could not write the registry value ${registryKey(browser)}.`);
      return file;
    },
    async uninstall(browser, profileDir) {
      const file = manifestPath(browser, place, profileDir);
      rmSync(file, { force: true });
      if (windows && !profileDir) await reg(regCommands.remove(browser));
      return file;
    },
    async status(browser, profileDir) {
      const file = manifestPath(browser, place, profileDir);
      let installed = existsSync(file) && readsOurHost(file);
      if (installed && windows && !profileDir) installed = (await reg(regCommands.query(browser))).stdout.includes(file);
      return { installed, manifest: file };
    },
  };
}

function readsOurHost(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === HOST_NAME;
  } catch {
    return false;
  }
}

export const HOST_BASENAME = 'rpd-desk-bridge';

/**
 * The program the manifest names. Packaged: the single executable electron-builder ships in
 * resources/host/. From the project (CLI, preview): the single executable if `npm run build:host`
 * made one, else a small launcher that runs the bundled host with this Node.
 */
export function resolveHostPath(opts: { packaged: boolean; resourcesPath?: string; outDir: string; platform?: NodeJS.Platform; nodePath?: string }): string {
  const platform = opts.platform ?? process.platform;
  const exe = platform === 'win32' ? `${HOST_BASENAME}.exe` : HOST_BASENAME;
  if (opts.packaged && opts.resourcesPath) return join(opts.resourcesPath, 'host', exe);
  const sea = join(opts.outDir, 'host', exe);
  if (existsSync(sea)) return sea;
  const bundle = join(opts.outDir, 'host', `${HOST_BASENAME}.cjs`);
  if (!existsSync(bundle)) throw new Error('The browser bridge host is not built yet: run npm run build first.');
  const node = opts.nodePath ?? process.execPath;
  if (platform === 'win32') {
    const launcher = join(opts.outDir, 'host', `${HOST_BASENAME}.cmd`);
    writeFileSync(launcher, `@echo off\r\n"${node}" "${bundle}" %*\r\n`);
    return launcher;
  }
  const launcher = join(opts.outDir, 'host', `${HOST_BASENAME}.sh`);
  writeFileSync(launcher, `#!/bin/sh\nexec "${node}" "${bundle}" "$@"\n`);
  chmodSync(launcher, 0o755);
  return launcher;
}

export function defaultPlace(dataDir: string): Place {
  return { platform: process.platform, home: homedir(), env: process.env, dataDir };
}
