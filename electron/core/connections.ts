// Where each profile's calls go: the settings' keys and address (or the CLI's fixed connection),
// one Cashfree client (one keep-alive pool) per profile made on first use, and the embedded
// simulator behind Demo, started when first needed.
import { PROFILE_WORDS } from '../../shared/words.ts';
import { randomBytes } from 'node:crypto';
import { CashfreeClient } from './cashfree/client.ts';
import type { SettingsService } from './settings/index.ts';
import { startSimulator } from '../simulator/server.ts';
import type { Simulator } from '../simulator/server.ts';
import type { ProfileKind } from '../../shared/domain.ts';
import { APP_VERSION } from './version.ts';
import { RateBudget } from './cashfree/budget.ts';
import type { Clock } from './clock.ts';
import { redactor } from './log/redact.ts';

export interface Connection {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  publicKeyPem?: string;
  apiVersion?: string;
  timeoutMs?: number;
  proxyUrl?: string;
}

export interface ConnectionsOptions {
  settings: SettingsService;
  /** The CLI's fixed connection from the environment, instead of the settings' profiles. */
  fixed?: { profile: ProfileKind; connection: Connection };
  clock: Clock;
  env?: NodeJS.ProcessEnv;
}

/**
 * RPD_DEMO_DELAY_MS makes the Demo simulator answer as slowly as a distant Cashfree (the renderer
 * benchmark sets a known round trip). Demo only: real profiles never read it.
 */
function demoDelayMs(env: NodeJS.ProcessEnv): number {
  const ms = Number(env.RPD_DEMO_DELAY_MS ?? '0');
  return Number.isInteger(ms) && ms >= 0 && ms <= 10_000 ? ms : 0;
}

export class Connections {
  readonly #o: ConnectionsOptions;
  readonly #clients = new Map<ProfileKind, Promise<CashfreeClient>>();
  readonly #budgets = new Map<ProfileKind, RateBudget>();
  // The client redacts its own secret from every answer, so the Demo secret must be one that no
  // answer can contain by chance (a plain "demo" would cut it out of the link rpd.demo@simulator).
  readonly #demoSecret = `demo_${randomBytes(16).toString('hex')}`;
  #simulator: Promise<Simulator> | null = null;

  constructor(options: ConnectionsOptions) {
    this.#o = options;
  }

  activeProfile(): ProfileKind {
    return this.#o.fixed?.profile ?? this.#o.settings.getPublicSettings().activeProfile;
  }

  /** The Demo profile's simulator, started on first use. */
  simulator(): Promise<Simulator> {
    return (this.#simulator ??= startSimulator({ port: 0, quiet: true, delayMs: demoDelayMs(this.#o.env ?? process.env), clientId: 'demo', clientSecret: this.#demoSecret }));
  }

  async connectionFor(profile: ProfileKind): Promise<Connection> {
    if (profile === 'demo' && !this.#o.fixed) return { baseUrl: (await this.simulator()).baseUrl, clientId: 'demo', clientSecret: this.#demoSecret };
    const connection = this.#o.fixed?.connection ?? (await this.#o.settings.getCredentials(profile));
    // Registered again right before use: a secret saved a moment ago is masked from its first call.
    redactor.registerSecret(connection.clientSecret);
    return connection;
  }

  /**
   * In every transport (app, preview, CLI) the redactor knows each saved secret from the start
   * and after every settings change, so no log, error text or echoed answer can carry one.
   */
  async registerSecrets(): Promise<void> {
    if (this.#o.fixed) return redactor.registerSecret(this.#o.fixed.connection.clientSecret);
    for (const kind of ['sandbox', 'production'] as const) {
      // A profile without readable keys has no secret to hide.
      const creds = await this.#o.settings.getCredentials(kind).catch(() => null);
      if (creds) redactor.registerSecret(creds.clientSecret);
    }
  }

  /** A client of its own, for one call outside the pools (Test connection: no retries). */
  async probeClient(profile: ProfileKind): Promise<{ client: CashfreeClient; signed: boolean }> {
    const connection = await this.connectionFor(profile);
    const client = new CashfreeClient({ ...connection, profileLabel: PROFILE_WORDS[profile], appVersion: APP_VERSION, retry: { maxAttempts: 1 } });
    return { client, signed: connection.publicKeyPem !== undefined };
  }

  /** What Cashfree's answers say of each account's request budget, shared by all desks of a team. */
  budgetOf(profile: ProfileKind): RateBudget {
    let budget = this.#budgets.get(profile);
    if (!budget) this.#budgets.set(profile, (budget = new RateBudget(this.#o.clock.now)));
    return budget;
  }

  /** One client (one keep-alive pool) per profile, made when first needed. */
  clientFor(profile: ProfileKind): Promise<CashfreeClient> {
    let client = this.#clients.get(profile);
    if (!client) {
      const { clock } = this.#o;
      client = this.connectionFor(profile).then(
        (c) =>
          new CashfreeClient({
            ...c,
            profileLabel: PROFILE_WORDS[profile],
            appVersion: APP_VERSION,
            budget: this.budgetOf(profile),
            retry: { now: clock.now, sleep: clock.sleep },
          }),
      );
      client.catch(() => this.#clients.delete(profile));
      this.#clients.set(profile, client);
    }
    return client;
  }

  /** New keys or a new address take effect at the next call. */
  forget(profile: ProfileKind): void {
    const client = this.#clients.get(profile);
    this.#clients.delete(profile);
    void client?.then((c) => c.close()).catch(() => {});
  }

  /** Opens the active profile's connection ahead of the first call; never fails. */
  prewarm(): Promise<void> {
    return this.clientFor(this.activeProfile())
      .then((c) => c.prewarm())
      .catch(() => {});
  }

  async close(): Promise<void> {
    // Calls in flight are cut short, not waited for: a silent server would hold close() for the whole timeout.
    await Promise.all([...this.#clients.values()].map((c) => c.then((x) => x.destroy()).catch(() => {})));
    if (this.#simulator) await (await this.#simulator).close();
  }
}
