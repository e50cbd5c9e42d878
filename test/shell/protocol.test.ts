import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeTypeFor, readAppFile, resolveAppPath } from '../../electron/shell/protocol/policy.ts';
import { PRODUCTION_CSP } from '../../electron/shell/security/policy.ts';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'rpd-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>RPD Desk</title>');
  await writeFile(path.join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(base, 'secret.txt'), 'outside the renderer');
  // A symlink inside the root pointing outside it must not be followed.
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAppPath', () => {
  it('maps app://rpd/<path> under the root with its MIME type', () => {
    const r = resolveAppPath('app://rpd/assets/app-1a2b.js?v=1#x', root);
    expect(r).toEqual({ ok: true, filePath: path.join(root, 'assets', 'app-1a2b.js'), mimeType: 'text/javascript; charset=utf-8' });
    expect(resolveAppPath('app://rpd/', root)).toMatchObject({ ok: true, filePath: path.join(root, 'index.html') });
    expect(resolveAppPath('app://rpd', root)).toMatchObject({ ok: true, filePath: path.join(root, 'index.html') });
  });

  it.each(['app://rpd/../secret.txt', 'app://rpd/%2e%2e/secret.txt', 'app://rpd/assets/%2E%2E/%2E%2E/secret.txt'])(
    'keeps dot segments clamped inside the root: %s',
    (url) => {
      // URL parsing already removes dot segments at the root; the result must stay inside it.
      const r = resolveAppPath(url, root);
      expect(r).toMatchObject({ ok: true, filePath: path.join(root, 'secret.txt') });
    },
  );

  it.each([
    'app://rpd/assets/..%2f..%2fsecret.txt',
    'app://rpd/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://rpd/..%5csecret.txt',
    'app://rpd/index.html%00.png',
    'app://rpd/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    const r = resolveAppPath(url, root);
    expect(r.ok).toBe(false);
  });
});

describe('readAppFile', () => {
  it('serves files with MIME type and the production CSP', async () => {
    const res = await readAppFile('app://rpd/index.html', root);
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(res.headers['Content-Security-Policy']).toBe(PRODUCTION_CSP);
    expect(Buffer.from(res.body ?? []).toString()).toContain('RPD Desk');
    const css = await readAppFile('app://rpd/assets/app.css', root);
    expect(css.headers['Content-Type']).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for missing files and directories, 403 for traversal and escaping symlinks', async () => {
    expect((await readAppFile('app://rpd/nope.js', root)).status).toBe(404);
    expect((await readAppFile('app://rpd/assets', root)).status).toBe(404);
    expect((await readAppFile('app://rpd/assets/..%2f..%2fsecret.txt', root)).status).toBe(403);
    const dotted = await readAppFile('app://rpd/%2e%2e/secret.txt', root);
    expect(dotted.status).toBe(404);
    expect(dotted.body).toBeNull();
    const viaLink = await readAppFile('app://rpd/assets/link.txt', root);
    expect(viaLink.status).toBe(403);
    expect(viaLink.body).toBeNull();
  });

  it('serves only GET and HEAD', async () => {
    expect((await readAppFile('app://rpd/index.html', root, 'POST')).status).toBe(405);
    const head = await readAppFile('app://rpd/index.html', root, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  it('knows the common MIME types', () => {
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.WOFF2')).toBe('font/woff2');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
