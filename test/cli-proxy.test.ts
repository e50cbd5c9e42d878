// The CLI end to end with a company proxy set for the whole desktop (HTTPS_PROXY, HTTP_PROXY)
// and no NO_PROXY: a plain-http address on this computer is called directly, so the client
// secret never travels in clear to the proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../electron/simulator/server.ts';
import type { Simulator } from '../electron/simulator/server.ts';
import { startConnectProxy, type TestProxy } from './cashfree-proxy.ts';
import { runRpd } from './fixtures/cli.ts';

let sim: Simulator;
let proxy: TestProxy;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, clientId: 'proxy-id', clientSecret: 'proxy-secret-value', quiet: true });
  proxy = await startConnectProxy();
});
afterAll(async () => {
  await proxy?.close();
  await sim?.close();
});

describe('rpd behind an environment proxy', () => {
  it('calls a plain-http loopback address directly', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of ['NO_PROXY', 'no_proxy', 'http_proxy', 'https_proxy']) delete env[name];
    Object.assign(env, {
      HTTPS_PROXY: proxy.url,
      HTTP_PROXY: proxy.url,
      RPD_BASE_URL: sim.baseUrl,
      CASHFREE_CLIENT_ID: 'proxy-id',
      CASHFREE_CLIENT_SECRET: 'proxy-secret-value',
      RPD_DATA_DIR: mkdtempSync(join(tmpdir(), 'rpd-cli-proxy-')),
    });
    expect((await runRpd(['create', '--name', 'Asha Rao', '--json'], env)).code).toBe(0);
    expect(sim.orders()).toHaveLength(1);
    expect(proxy.tunnels).toEqual([]);
  });
});
