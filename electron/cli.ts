// `npm run -s rpd -- <command>`: the same core, headless. Exit 0 on success, 1 on an API or
// network error, 2 on bad usage or invalid input (refused before any call).
import { parseArgs } from 'node:util';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HISTORY_FILE, startRuntime } from './core/runtime.ts';
import type { Connection, Runtime } from './core/runtime.ts';
import { CoreError, coreError } from './core/error.ts';
import { redactor } from './core/log/redact.ts';
import { dataDir } from './core/paths.ts';
import { ensurePrivateDir } from './core/private-files.ts';
import { openPlainNodeSettings } from './core/settings/index.ts';
import { validateName } from '../shared/names.ts';
import { isVerificationId } from '../shared/ids.ts';
import { maskAccount } from '../shared/mask.ts';
import { ORDER_STATES } from '../shared/domain.ts';
import type { OrderState, ProfileKind } from '../shared/domain.ts';
import { HISTORY_PAGE_MAX } from '../shared/history.ts';
import { VERDICT_WORDS } from '../shared/words.ts';
import type { HistoryPage, HistoryQuery, HistoryRow } from '../shared/history.ts';
import { historyErrorReason, keyFileProtector, loadOrCreateDataKey, openHistory } from './core/history/index.ts';
import type { HistoryStore } from './core/history/index.ts';
import type { AppError } from '../shared/result.ts';
import { BROWSER_INTEGRATION_USAGE, browserIntegrationCli } from './browser-bridge/cli.ts';

const USAGE = `usage:
  rpd create --name "John Doe" [--verification-id ID] [--json]
  rpd status (--verification-id ID | --ref-id REF) [--json]
  rpd history [--search Q] [--status S] [--limit N] [--json]
  rpd history --export FILE.csv [--search Q] [--status S] [--full]
${BROWSER_INTEGRATION_USAGE}

environment: RPD_BASE_URL (e.g. http://127.0.0.1:4010/verification; default Cashfree sandbox),
  CASHFREE_CLIENT_ID, CASHFREE_CLIENT_SECRET, CASHFREE_PUBLIC_KEY (PEM file path),
  CASHFREE_API_VERSION, RPD_DATA_DIR (history folder), RPD_TIMEOUT_MS (whole-request timeout)`;

export const SANDBOX_URL = 'https://sandbox.cashfree.com/verification';

class UsageError extends Error {}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

export async function runCli(argv: string[], rawIo: Io): Promise<number> {
  // Whatever the CLI prints, --json answers included, passes the redactor: no secret on a terminal or in a script's log.
  if (rawIo.env.CASHFREE_CLIENT_SECRET) redactor.registerSecret(rawIo.env.CASHFREE_CLIENT_SECRET);
  const io: Io = { ...rawIo, out: (line) => rawIo.out(redactor.redactSecrets(line)), err: (line) => rawIo.err(redactor.redactSecrets(line)) };
  const [command, ...rest] = argv;
  const json = argv.includes('--json');
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command ? 0 : 2;
    }
    if (command === 'browser-integration') return await browserIntegrationCli(rest, io);
    const { values } = parseArgs({
      args: rest,
      strict: true,
      options: {
        name: { type: 'string' },
        'verification-id': { type: 'string' },
        'ref-id': { type: 'string' },
        json: { type: 'boolean' },
        search: { type: 'string' },
        status: { type: 'string' },
        limit: { type: 'string' },
        export: { type: 'string' },
        full: { type: 'boolean' },
      },
    });
    if (command !== 'history') {
      for (const flag of ['search', 'status', 'limit', 'export', 'full'] as const) {
        if (values[flag] !== undefined) throw new UsageError(`${command} takes no --${flag}.`);
      }
    }
    if (command === 'history') return await history(values, json, io);
    if (command === 'create') {
      if (values['ref-id'] !== undefined) throw new UsageError('create takes no --ref-id.');
      if (values.name === undefined) throw new UsageError('create needs --name.');
      const name = validateName(values.name);
      if (!name.ok) throw new UsageError(name.reason);
      const id = values['verification-id'];
      if (id !== undefined && !isVerificationId(id)) throw new UsageError('--verification-id must be 1 to 50 letters, digits, ".", "-" or "_".');
      return await withRuntime(io, async (rt) => {
        const { order, answer } = await rt.orders.createDetailed({ name: name.name, verificationId: id });
        // Cashfree holds the order whatever its answer lacks: printed as it came, exit 0.
        if (json) io.out(JSON.stringify(answer.wire));
        else if (order.links === null) io.out(`${order.lastError?.message ?? ''}\n${JSON.stringify(answer.wire)}`);
        else {
          const until = order.validUpto === null ? 'unknown' : `${formatTime(order.validUpto)}${order.validUptoAssumed ? ' (assumed: Cashfree sent no readable valid_upto)' : ''}`;
          io.out(`Created ${order.verificationId} (ref ${order.refId}) for ${order.name}, valid until ${until}\n${order.links.upi}${order.pageUrl ? `\n${order.pageUrl}` : ''}`);
        }
        return 0;
      });
    }
    if (command === 'status') {
      if (values.name !== undefined) throw new UsageError('status takes no --name.');
      const id = values['verification-id'];
      const ref = values['ref-id'];
      if ((id === undefined) === (ref === undefined)) throw new UsageError('status needs exactly one of --verification-id or --ref-id.');
      if (id !== undefined && !isVerificationId(id)) throw new UsageError('--verification-id must be 1 to 50 letters, digits, ".", "-" or "_".');
      if (ref !== undefined && !/^\d{1,20}$/.test(ref)) throw new UsageError('--ref-id must be a number.');
      return await withRuntime(io, async (rt) => {
        const status = await (await rt.client()).status(id !== undefined ? { verificationId: id } : { refId: ref! });
        rt.orders.record(status);
        if (json) io.out(JSON.stringify(status.wire));
        else {
          const parts = [`${status.verificationId} (ref ${status.refId}): ${status.status}`];
          if (status.status === 'SUCCESS') parts.push(`name at bank ${status.nameAtBank}, account ${maskAccount(status.bankAccount)}, IFSC ${status.ifsc}, name match ${status.nameMatchResult || 'n/a'}`);
          io.out(parts.join('\n'));
        }
        return 0;
      });
    }
    throw new UsageError(`Unknown command "${command}".`);
  } catch (err) {
    if (err instanceof UsageError || isParseArgsError(err)) {
      report(io, json, { code: 'invalid_input', message: (err as Error).message, retryable: false, httpStatus: null });
      if (!json) io.err(USAGE);
      return 2;
    }
    if (err instanceof CoreError) {
      const error = err.toAppError();
      report(io, json, error);
      // Refused by our own checks before any call: bad input. Refused by Cashfree: an API error.
      return error.code === 'invalid_input' && (error.httpStatus ?? null) === null ? 2 : 1;
    }
    report(io, json, { code: 'internal', message: `Unexpected failure: ${(err as Error).message}`, retryable: false, httpStatus: null });
    return 1;
  }
}

async function history(
  values: { search?: string; status?: string; limit?: string; export?: string; full?: boolean; name?: string; 'verification-id'?: string; 'ref-id'?: string },
  json: boolean,
  io: Io,
): Promise<number> {
  if (values.name !== undefined || values['verification-id'] !== undefined || values['ref-id'] !== undefined) {
    throw new UsageError('history takes --search, --status, --limit, --export, --full and --json.');
  }
  const query: HistoryQuery = {};
  if (values.search !== undefined) query.text = values.search;
  if (values.status !== undefined) {
    const state = stateFromWord(values.status);
    if (!state) throw new UsageError(`--status must be one of ${ORDER_STATES.join(', ')} (or Cashfree's CREATED, SUCCESS, FAILURE, EXPIRED).`);
    query.states = [state];
  }
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw new UsageError('--limit must be a whole number from 1 to 100000.');
  if (values.full && values.export === undefined) throw new UsageError('--full goes with --export.');
  const dir = ensurePrivateDir(dataDir(io.env));
  let store: HistoryStore;
  try {
    const dataKey = await loadOrCreateDataKey(dir, keyFileProtector);
    store = openHistory({ file: join(dir, HISTORY_FILE), dataKey: dataKey.key, protection: dataKey.protection });
  } catch (err) {
    if (historyErrorReason(err) === 'key_unavailable') {
      throw coreError('unavailable', `The history in ${dir} is locked with the desktop app's keychain: export it from the app.`);
    }
    throw err;
  }
  try {
    if (values.export !== undefined) {
      const out = createWriteStream(values.export, { mode: 0o600 });
      out.write('\ufeff');
      const rows = store.exportCsv(query, { full: values.full ?? false }, (chunk) => out.write(chunk));
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      if (json) io.out(JSON.stringify({ exported: rows, file: values.export, full: values.full ?? false }));
      else io.out(`Exported ${rows} order${rows === 1 ? '' : 's'} to ${values.export}${values.full ? ' (full bank details)' : ' (accounts masked)'}.`);
      return 0;
    }
    const rows: HistoryRow[] = [];
    let cursor: string | null = null;
    do {
      const page: HistoryPage = store.search({ ...query, limit: Math.min(HISTORY_PAGE_MAX, limit - rows.length), cursor });
      rows.push(...page.rows);
      cursor = page.nextCursor;
    } while (cursor && rows.length < limit);
    if (json) io.out(JSON.stringify(rows));
    else if (rows.length === 0) io.out('No orders match.');
    else for (const r of rows) io.out(historyLine(r));
    return 0;
  } finally {
    store.close();
  }
}

/**
 * One plain line per order: time, state, name, id, match code, masked account, and last the
 * verdict in the app's words (the `verdict` code of the --json rows).
 */
function historyLine(r: HistoryRow): string {
  return [formatTime(r.createdAt), r.state.padEnd(13), r.name, r.verificationId, r.matchResult ?? '', r.maskedAccount ?? '', VERDICT_WORDS[r.verdict].label].join('  ');
}

function stateFromWord(word: string): OrderState | null {
  const lower = word.toLowerCase();
  return (ORDER_STATES as readonly string[]).includes(lower) ? (lower as OrderState) : null;
}

function isParseArgsError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function report(io: Io, json: boolean, error: AppError): void {
  if (json) io.out(JSON.stringify({ error: { code: error.code, message: error.message, httpStatus: error.httpStatus ?? null } }));
  else io.err(`error: ${error.message}`);
}

export function connectionFromEnv(env: NodeJS.ProcessEnv): { connection: Connection; profile: ProfileKind } {
  const baseUrl = env.RPD_BASE_URL || SANDBOX_URL;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new UsageError(`RPD_BASE_URL is not a URL: "${baseUrl}".`);
  }
  const clientId = env.CASHFREE_CLIENT_ID ?? '';
  const clientSecret = env.CASHFREE_CLIENT_SECRET ?? '';
  if (!clientId || !clientSecret) throw new UsageError('Set CASHFREE_CLIENT_ID and CASHFREE_CLIENT_SECRET.');
  let publicKeyPem: string | undefined;
  if (env.CASHFREE_PUBLIC_KEY) {
    try {
      publicKeyPem = readFileSync(env.CASHFREE_PUBLIC_KEY, 'utf8');
    } catch {
      throw new UsageError(`Cannot read the public key file named by CASHFREE_PUBLIC_KEY (${env.CASHFREE_PUBLIC_KEY}).`);
    }
  }
  const timeoutMs = env.RPD_TIMEOUT_MS ? Number(env.RPD_TIMEOUT_MS) : undefined;
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new UsageError('RPD_TIMEOUT_MS must be a positive number of milliseconds.');
  const profile: ProfileKind = url.hostname === 'api.cashfree.com' ? 'production' : url.hostname === 'sandbox.cashfree.com' ? 'sandbox' : 'demo';
  return {
    profile,
    connection: { baseUrl: url.toString().replace(/\/$/, ''), clientId, clientSecret, publicKeyPem, apiVersion: env.CASHFREE_API_VERSION || undefined, timeoutMs },
  };
}

async function withRuntime(io: Io, fn: (rt: Runtime) => Promise<number>): Promise<number> {
  const { connection, profile } = connectionFromEnv(io.env);
  const dir = ensurePrivateDir(dataDir(io.env));
  const rt = await startRuntime({ dataDir: dir, transport: 'cli', settings: openPlainNodeSettings({ dir }), fixed: { profile, connection }, track: false });
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const code = await runCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l), env: process.env });
  process.exitCode = code;
}

/** India time, as agents read it: 2026-11-25 17:05:00 IST. */
function formatTime(ms: number): string {
  return `${new Date(ms + 330 * 60_000).toISOString().slice(0, 19).replace('T', ' ')} IST`;
}
