// Maps app://rpd/<path> to a file under the built renderer folder (out/renderer).
// Pure resolution plus one async reader, both plain Node, so traversal refusal is tested on
// real files. electron.ts beside this file only turns the answer into a Response.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME, PRODUCTION_CSP } from '../security/policy.ts';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type AppPathResolution =
  | { ok: true; filePath: string; mimeType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Resolve an app:// URL to an absolute file path inside `rootDir`, or refuse it.
 * Refuses: other schemes/hosts, encoded or literal `..`, backslashes, NUL bytes, and anything
 * that would land outside rootDir after resolution. "/" serves index.html.
 */
export function resolveAppPath(requestUrl: string, rootDir: string): AppPathResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'malformed url' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { ok: false, status: 404, reason: 'unknown host' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'bad encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) {
    return { ok: false, status: 400, reason: 'forbidden character' };
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) {
    return { ok: false, status: 403, reason: 'path traversal' };
  }
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, relative);
  if (!isInside(root, filePath)) return { ok: false, status: 403, reason: 'outside root' };
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath) };
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export interface AppFileResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': PRODUCTION_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Read the file an app:// request names. Follows symlinks only when the real target is still
 * inside the (real) root, so a link planted in out/renderer cannot expose other files.
 */
export async function readAppFile(requestUrl: string, rootDir: string, method = 'GET'): Promise<AppFileResponse> {
  const resolved = resolveAppPath(requestUrl, rootDir);
  const plain = (status: number): AppFileResponse => ({
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    body: null,
  });
  if (method !== 'GET' && method !== 'HEAD') return plain(405);
  if (!resolved.ok) return plain(resolved.status);
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(resolved.filePath)]);
    if (!isInside(realRoot, realFile)) return plain(403);
    const body = await readFile(realFile);
    return { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': resolved.mimeType }, body: method === 'HEAD' ? null : body };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return plain(code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' ? 404 : 500);
  }
}
