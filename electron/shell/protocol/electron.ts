// Serves the built renderer from app://rpd/ instead of file:// (no file:// privileges, a real
// origin for CSP and permissions). Resolution and traversal refusal live in policy.ts.
import { protocol } from 'electron';
import { readAppFile } from './policy.ts';
import { APP_SCHEME } from '../security/policy.ts';

/** Call at module load of main, BEFORE app 'ready' (Electron refuses it later). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Call after 'ready'. `rendererDir` is the absolute path of out/renderer (inside app.asar when packaged). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = await readAppFile(request.url, rendererDir, request.method);
    return new Response(file.body, { status: file.status, headers: file.headers });
  });
}
