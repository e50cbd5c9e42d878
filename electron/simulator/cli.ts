// Command line: run the simulator on its own, e.g.
//   node electron/simulator/cli.ts --port 4010 --auto-pay-after 20
// Prints one line once listening; stops cleanly on SIGINT/SIGTERM.

import { parseArgs } from 'node:util';
import { resolveKeyFiles } from './signature.ts';
import { startSimulator } from './server.ts';
import type { Simulator, SimulatorOptions } from './server.ts';

const USAGE = `Usage: node electron/simulator/cli.ts [options]
  --port N                 port to listen on (default 4010; 0 = any free port)
  --host H                 address to bind (default 127.0.0.1)
  --client-id ID           accepted x-client-id (default: any non-empty)
  --client-secret S        accepted x-client-secret (default: any non-empty)
  --public-key PATH        require x-cf-signature. PATH holding a private key: use it. PATH missing:
                           generate a 2048-bit pair and write the public key there for clients.
                           PATH holding a public key: with --private-key, decrypt signatures; alone,
                           check only that each request carries one of the right form.
  --private-key PATH       the private key that decrypts x-cf-signature
  --seed N                 seed for ref_ids, names at bank, accounts and UTRs
  --auto-pay-after SECONDS pay every new order automatically after this many seconds
  --rate-limit-per-minute N
                           Cashfree's merchant-wide limit: N requests a minute per client id,
                           shared by every caller; X-RateLimit-* headers, 429 when spent
  --valid-upto-iso         write valid_upto in ISO 8601 ("2024-02-13T13:01:44.000Z") instead of India time
  --verbose                log one line per request to stderr
  --help                   show this help`;

class UsageError extends Error {}

function integer(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}

function parseOptions(argv: string[]): { options: SimulatorOptions; help: boolean; notes: string[] } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'public-key': { type: 'string' },
        'private-key': { type: 'string' },
        seed: { type: 'string' },
        'auto-pay-after': { type: 'string' },
        'rate-limit-per-minute': { type: 'string' },
        'valid-upto-iso': { type: 'boolean' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { options: {}, help: true, notes: [] };
  const nonEmpty = (flag: string, text: string | undefined): string | undefined => {
    if (text !== undefined && text.trim() === '') throw new UsageError(`${flag} must not be empty`);
    return text;
  };
  const options: SimulatorOptions = {
    port: integer('--port', values.port, 0, 65535) ?? 4010,
    host: nonEmpty('--host', values.host) ?? '127.0.0.1',
    quiet: values.verbose !== true,
    ...(values['valid-upto-iso'] === true ? { validUptoForm: 'iso' as const } : {}),
  };
  const clientId = nonEmpty('--client-id', values['client-id']);
  const clientSecret = nonEmpty('--client-secret', values['client-secret']);
  if (clientId !== undefined) options.clientId = clientId;
  if (clientSecret !== undefined) options.clientSecret = clientSecret;
  const seed = integer('--seed', values.seed, 0, 2 ** 32 - 1);
  if (seed !== undefined) options.seed = seed;
  const autoPay = integer('--auto-pay-after', values['auto-pay-after'], 0, 600);
  if (autoPay !== undefined) options.autoPayAfterMs = autoPay * 1000;
  const rateLimit = integer('--rate-limit-per-minute', values['rate-limit-per-minute'], 1, 1_000_000);
  if (rateLimit !== undefined) options.rateLimitPerMinute = rateLimit;
  const notes: string[] = [];
  const publicKeyPath = nonEmpty('--public-key', values['public-key']);
  const privateKeyPath = nonEmpty('--private-key', values['private-key']);
  if (publicKeyPath !== undefined || privateKeyPath !== undefined) {
    const outcome = resolveKeyFiles(publicKeyPath, privateKeyPath);
    if (outcome.kind === 'error') throw new UsageError(outcome.message);
    if (outcome.kind === 'public_only') options.publicKeyPem = outcome.publicKeyPem;
    else options.privateKeyPem = outcome.privateKeyPem;
    notes.push(outcome.note);
  }
  return { options, help: false, notes };
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`simulator: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // Handlers go in before the line is printed: whoever reads the line may signal at once.
  // eslint-disable-next-line prefer-const -- stop() may run before the assignment below
  let simulator: Simulator | undefined;
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    (simulator ? simulator.close() : Promise.resolve()).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  simulator = await startSimulator(parsed.options);
  for (const note of parsed.notes) process.stderr.write(`simulator: ${note}\n`);
  process.stdout.write(`Cashfree RPD simulator listening on ${simulator.baseUrl} (control: ${simulator.origin}/__sim)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`simulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
