// HTTPS, as against the real Cashfree: the simulator with a throwaway certificate for 127.0.0.1.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../electron/simulator/server.ts';
import { CashfreeClient } from '../electron/core/cashfree/client.ts';
import { CashfreeError } from '../electron/core/cashfree/errors.ts';
import { startConnectProxy, type TestProxy } from './cashfree-proxy.ts';
import { makeCertificate } from './fixtures/tls.ts';


const tls = makeCertificate();

describe.skipIf(tls === null)('over HTTPS (needs openssl to make a test certificate)', () => {
  let sim: Simulator;
  let proxy: TestProxy;
  const clients: CashfreeClient[] = [];
  const make = (over: Partial<ConstructorParameters<typeof CashfreeClient>[0]> = {}): CashfreeClient => {
    const c = new CashfreeClient({
      baseUrl: sim.baseUrl,
      clientId: 'id',
      clientSecret: 'secret-value',
      env: {},
      retry: { maxAttempts: 1 },
      ...over,
    });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    sim = await startSimulator({ seed: 3, tls: tls! });
    proxy = await startConnectProxy();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await proxy.close();
    await sim.close();
  });

  it('prewarm does the TLS handshake once; create and status reuse it', async () => {
    expect(sim.baseUrl.startsWith('https://')).toBe(true);
    const c = make({ ca: tls!.cert });
    let connects = 0;
    const count = (): void => {
      connects += 1;
    };
    subscribe('undici:client:connected', count);
    try {
      await c.prewarm();
      expect(connects).toBe(1);
      await c.create({ verificationId: 'tls_1', name: 'Rahul Kumar' });
      expect((await c.status({ verificationId: 'tls_1' })).status).toBe('CREATED');
      expect(connects).toBe(1);
    } finally {
      unsubscribe('undici:client:connected', count);
    }
  });

  it('an untrusted certificate is refused with a message about HTTPS interception', async () => {
    const c = make();
    const err = await c.create({ verificationId: 'tls_2', name: 'Rahul Kumar' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CashfreeError);
    expect(err).toMatchObject({ code: 'network_down', retryable: false, outcomeUnknown: false });
    expect((err as CashfreeError).message).toMatch(/could not be verified.*proxy/);
  });

  it('tunnels HTTPS through a CONNECT proxy', async () => {
    const c = make({ ca: tls!.cert, proxyUrl: proxy.url });
    await c.create({ verificationId: 'tls_3', name: 'Rahul Kumar' });
    expect(proxy.tunnels).toEqual([`127.0.0.1:${sim.port}`]);
  });

  it('honours HTTPS_PROXY and NO_PROXY for https addresses', async () => {
    const before = proxy.tunnels.length;
    await make({ ca: tls!.cert, env: { HTTPS_PROXY: proxy.url } }).create({ verificationId: 'tls_4', name: 'Rahul Kumar' });
    expect(proxy.tunnels).toHaveLength(before + 1);
    await make({ ca: tls!.cert, env: { HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } }).create({ verificationId: 'tls_5', name: 'Rahul Kumar' });
    expect(proxy.tunnels).toHaveLength(before + 1);
  });
});
