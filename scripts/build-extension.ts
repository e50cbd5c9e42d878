// Part of `npm run build` (after electron-vite): the browser extension, unpacked into
// out/extension/ and packed as out/rpd-desk-extension.zip, and the native-messaging host bundled
// to one file (out/host/rpd-desk-bridge.cjs) that `npm run build:host` turns into a single executable.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { zipSync } from 'fflate';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'out', 'extension');
const SRC = join(ROOT, 'extension');

export async function buildExtension(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  // Content scripts cannot be modules; the service worker is declared "type": "module".
  const bundles: { entry: string; file: string; format: 'iife' | 'esm' }[] = [
    { entry: 'src/service-worker.ts', file: 'service-worker.js', format: 'esm' },
    { entry: 'src/content.ts', file: 'content.js', format: 'iife' },
    { entry: 'src/options.ts', file: 'options.js', format: 'iife' },
  ];
  for (const b of bundles) {
    await build({
      input: join(SRC, b.entry),
      platform: 'browser',
      logLevel: 'warn',
      output: { file: join(OUT, b.file), format: b.format, minify: true },
    });
  }
  for (const file of ['manifest.json', 'options.html', 'managed-schema.json']) copyFileSync(join(SRC, file), join(OUT, file));
  copyFileSync(join(ROOT, 'renderer', 'public', 'favicon.png'), join(OUT, 'icon.png'));
  const manifest = JSON.parse(readFileSync(join(SRC, 'manifest.json'), 'utf8')) as { version: string };
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  if (manifest.version !== pkg.version) throw new Error(`extension/manifest.json version ${manifest.version} is not package.json's ${pkg.version}.`);
  writeFileSync(join(ROOT, 'out', 'rpd-desk-extension.zip'), zipSync(filesOf(OUT), { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
}

export async function buildHostBundle(): Promise<string> {
  const file = join(ROOT, 'out', 'host', 'rpd-desk-bridge.cjs');
  await build({
    input: join(ROOT, 'electron', 'browser-bridge', 'host-main.ts'),
    platform: 'node',
    logLevel: 'warn',
    output: { file, format: 'cjs', minify: true },
  });
  return file;
}

function filesOf(dir: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full).split('\\').join('/')] = readFileSync(full);
    }
  };
  walk(dir);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildExtension();
  await buildHostBundle();
  console.log('built out/extension/, out/rpd-desk-extension.zip and out/host/rpd-desk-bridge.cjs');
}
