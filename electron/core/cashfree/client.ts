// Cashfree RPD client over an undici Pool.
import { Pool } from 'undici';
import { z } from 'zod';
import { CashfreeError } from './errors.ts';

export interface ClientConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  apiVersion?: string;
  timeoutMs?: number;
  userAgent?: string;
}

const CreateAnswer = z.looseObject({
  verification_id: z.string(),
  ref_id: z.union([z.number(), z.string()]).transform(String),
  valid_upto: z.string(),
  upi_link: z.string(),
  gpay: z.string(),
  phonepe: z.string(),
  paytm: z.string(),
  bhim: z.string(),
  qr_code: z.string(),
});
export type CreateAnswer = z.infer<typeof CreateAnswer>;

const StatusAnswer = z.looseObject({
  verification_id: z.string(),
  ref_id: z.union([z.number(), z.string()]).transform(String),
  status: z.string(),
  bank_account: z.string().optional().default(''),
  ifsc: z.string().optional().default(''),
  upi: z.string().optional().default(''),
  name_at_bank: z.string().optional().default(''),
  utr: z.string().optional().default(''),
  name_match_score: z.string().optional().default(''),
  name_match_result: z.string().optional().default(''),
  reversal_status: z.string().optional().default(''),
  account_type: z.string().optional().default(''),
  processed_on: z.string().optional().default(''),
  penny_collected_on: z.string().optional().default(''),
});
export type StatusAnswer = z.infer<typeof StatusAnswer>;

export class CashfreeClient {
  readonly #cfg: ClientConfig;
  readonly #pool: Pool;
  readonly #prefix: string;

  constructor(cfg: ClientConfig) {
    this.#cfg = cfg;
    const url = new URL(cfg.baseUrl);
    this.#pool = new Pool(url.origin, { connections: 4, keepAliveTimeout: 60_000 });
    this.#prefix = url.pathname.replace(/\/$/, '');
  }

  async create(req: { verificationId: string; name: string }): Promise<CreateAnswer> {
    const body = await this.#send('POST', '/reverse-penny-drop', JSON.stringify({ verification_id: req.verificationId, name: req.name }));
    return parse(CreateAnswer, body);
  }

  async status(ref: { verificationId: string } | { refId: string }): Promise<StatusAnswer> {
    const q = 'verificationId' in ref ? `verification_id=${encodeURIComponent(ref.verificationId)}` : `ref_id=${encodeURIComponent(ref.refId)}`;
    return parse(StatusAnswer, await this.#send('GET', `/remitter/status?${q}`));
  }

  async prewarm(): Promise<void> {}

  async close(): Promise<void> {
    await this.#pool.close();
  }

  async #send(method: 'GET' | 'POST', path: string, body?: string): Promise<unknown> {
    const headers: Record<string, string> = {
      'x-client-id': this.#cfg.clientId,
      'x-client-secret': this.#cfg.clientSecret,
      'x-api-version': this.#cfg.apiVersion ?? '2023-12-18',
      accept: 'application/json',
      'user-agent': this.#cfg.userAgent ?? 'RPD-Desk',
    };
    if (body) headers['content-type'] = 'application/json';
    let res;
    try {
      res = await this.#pool.request({ method, path: this.#prefix + path, headers, body, headersTimeout: this.#cfg.timeoutMs ?? 15_000, bodyTimeout: this.#cfg.timeoutMs ?? 15_000 });
    } catch (err) {
      throw new CashfreeError('network_down', `Cannot reach Cashfree (${(err as Error).message}).`, { retryable: true });
    }
    const text = await res.body.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new CashfreeError('malformed_answer', 'Cashfree sent an answer the app cannot read.', { httpStatus: res.statusCode, retryable: true });
    }
    if (res.statusCode >= 400) {
      const e = json as { code?: string; message?: string };
      throw new CashfreeError('unknown', e.message ?? `Cashfree answered ${res.statusCode}.`, { httpStatus: res.statusCode, cashfreeCode: e.code ?? null });
    }
    return json;
  }
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const r = schema.safeParse(body);
  if (!r.success) throw new CashfreeError('malformed_answer', 'Cashfree sent an answer the app cannot read.', { retryable: true });
  return r.data;
}
