// electron-builder.yml checked against electron-builder's own JSON schema (the one its CLI
// validates with) and for the settings the security model depends on.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import type { Configuration } from 'app-builder-lib';
import { findAndReadConfig } from 'app-builder-lib/out/util/config/load.js';
import { resolveFunction } from 'app-builder-lib/out/util/resolve.js';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let config: Configuration;
let configFile: string | null;

beforeAll(async () => {
  // electron-builder's own reader, so the file is parsed exactly as a build would parse it.
  const read = await findAndReadConfig<Configuration>({
    packageKey: 'build',
    configFilename: 'electron-builder',
    projectDir: root,
    packageMetadata: null,
  });
  if (!read) throw new Error('electron-builder.yml not found');
  config = read.result;
  configFile = read.configFile;
});

async function validator() {
  const schema: unknown = JSON.parse(await readFile(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
  // Same options electron-builder uses, minus type coercion (the file must be right as written).
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(schema as object);
}

describe('electron-builder.yml', () => {
  it('is the file read, and matches electron-builder 26 schema', async () => {
    expect(configFile).toBe(path.join(root, 'electron-builder.yml'));
    const validate = await validator();
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check rejects a misspelled option (the check can fail)', async () => {
    const validate = await validator();
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } })).toBe(false);
    expect(validate({ ...config, asar: 'yes' })).toBe(false);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships only the build output, inside asar', () => {
    expect(config.asar).toBe(true);
    expect(config.appId).toBe('in.rpddesk.app');
    expect(config.productName).toBe('RPD Desk');
    const files = config.files as string[];
    expect(files).toContain('out/**/*');
    expect(files).toContain('package.json');
    for (const pattern of files.filter((f) => !f.startsWith('!'))) {
      expect(pattern).toMatch(/^(out\/|package\.json$)/);
    }
  });

  it('signs and notarizes macOS with the hardened runtime and an entitlements file that exists', async () => {
    const mac = config.mac!;
    expect(mac.hardenedRuntime).toBe(true);
    expect(mac.notarize).toBe(true);
    expect(mac.target).toEqual(['dmg', 'zip']);
    const plist = await readFile(path.join(root, mac.entitlements!), 'utf8');
    expect(plist).toContain('com.apple.security.cs.allow-jit');
    // Nothing that would weaken the hardened runtime.
    expect(plist).not.toMatch(/disable-library-validation|allow-dyld-environment-variables|disable-executable-page-protection/);
  });

  it('builds NSIS, AppImage and deb, registers rpd-desk:, and publishes for electron-updater without secrets', async () => {
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.nsis?.perMachine).toBe(true);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.protocols).toEqual([{ name: 'RPD Desk link', schemes: ['rpd-desk'] }]);
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.RPD_DESK_UPDATE_URL}', channel: 'latest' });
    const text = await readFile(path.join(root, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(/^\s*(cscLink|cscKeyPassword|appleId|password)\s*:/im);
  });

  it('refuses to build with an update address that is not https, through the hook electron-builder loads', async () => {
    expect(config.beforePack).toBe('./scripts/check-update-url.ts');
    const cwd = process.cwd();
    process.chdir(root);
    const hook = (await resolveFunction('module', config.beforePack, 'beforePack', root)) as () => void;
    process.chdir(cwd);
    const withUrl = (url: string | undefined): (() => void) => () => {
      const before = process.env.RPD_DESK_UPDATE_URL;
      if (url === undefined) delete process.env.RPD_DESK_UPDATE_URL;
      else process.env.RPD_DESK_UPDATE_URL = url;
      try {
        hook();
      } finally {
        if (before === undefined) delete process.env.RPD_DESK_UPDATE_URL;
        else process.env.RPD_DESK_UPDATE_URL = before;
      }
    };
    expect(withUrl('http://updates.example.com/rpd')).toThrow(/must start with https:\/\//);
    expect(withUrl('ftp://updates.example.com/rpd')).toThrow(/must start with https:\/\//);
    expect(withUrl(undefined)).toThrow(/not set/);
    expect(withUrl('https://user:pw@updates.example.com/rpd')).toThrow(/user name or password/);
    expect(withUrl('https://updates.example.com/rpd')).not.toThrow();
  });

  it('ships the browser bridge host beside the app, outside the asar', () => {
    expect(config.extraResources).toEqual([{ from: 'out/host/', to: 'host/', filter: ['rpd-desk-bridge', 'rpd-desk-bridge.exe'] }]);
  });
});
