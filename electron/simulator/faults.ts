// Fault injection per endpoint: latency, 5xx, 429, connection reset, hang, malformed JSON,
// account set-up errors and odd answer shapes, each for every call or only for the next N calls.

import { z } from 'zod';
import { ACCOUNT_ERROR_NAMES } from './errors.ts';
import type { AccountErrorName } from './errors.ts';
import type { Random } from './random.ts';

export type Endpoint = 'create' | 'status';

/**
 * 200 answers as Cashfree sometimes words them. Create: optional fields null, missing or empty;
 * valid_upto in neither form; an unusable answer (no upi_link, ref_id or verification_id, or
 * another order's id). Status: a status value outside the four; a time that does not parse.
 * A shape for the other endpoint leaves the answer as it is.
 */
export const ANSWER_SHAPES = [
  'null_optional',
  'missing_optional',
  'empty_optional',
  'broken_valid_upto',
  'no_upi_link',
  'no_ref_id',
  'no_verification_id',
  'other_verification_id',
  'unknown_status',
  'broken_time',
] as const;
export type AnswerShape = (typeof ANSWER_SHAPES)[number];

const OPTIONAL_CREATE_FIELDS = ['gpay', 'phonepe', 'paytm', 'bhim', 'qr_code', 'url'] as const;

/** The 200 body `body` of `endpoint` in the odd shape asked for. */
export function reshapeAnswer(endpoint: Endpoint, body: Record<string, unknown>, shape: AnswerShape, status = 'ON_HOLD'): Record<string, unknown> {
  const out = { ...body };
  const drop = (...keys: string[]): void => keys.forEach((k) => delete out[k]);
  if (endpoint === 'create') {
    if (shape === 'null_optional') for (const k of OPTIONAL_CREATE_FIELDS) out[k] = null;
    else if (shape === 'missing_optional') drop(...OPTIONAL_CREATE_FIELDS);
    else if (shape === 'empty_optional') for (const k of OPTIONAL_CREATE_FIELDS) out[k] = '';
    else if (shape === 'broken_valid_upto') out['valid_upto'] = '20-12-2023 8:25 PM';
    else if (shape === 'no_upi_link') drop('upi_link');
    else if (shape === 'no_ref_id') drop('ref_id');
    else if (shape === 'no_verification_id') drop('verification_id');
    else if (shape === 'other_verification_id') out['verification_id'] = `other_${String(body['verification_id'] ?? '')}`.slice(0, 50);
  } else if (shape === 'unknown_status') {
    out['status'] = status;
  } else if (shape === 'broken_time') {
    // Cashfree's own EXPIRED example cuts the zone short.
    out['processed_on'] = `${String(body['processed_on'] ?? '2023-12-20T20:25:16+05:30').slice(0, 22)}:3`;
  }
  return out;
}

/** `true`: every call; a positive integer: the next N calls. */
const toggle = z.union([z.boolean(), z.number().int().positive()]);

const endpointFaultSchema = z
  .object({
    latency_ms: z.number().nonnegative().max(600_000).optional(),
    /** A count (integer >= 1) of 5xx answers, a probability (0 < p < 1), or an object. */
    status_5xx: z
      .union([
        z.number().positive(),
        z.boolean(),
        z
          .object({
            status: z.union([z.literal(500), z.literal(502)]).optional(),
            count: z.number().int().positive().optional(),
            probability: z.number().gt(0).max(1).optional(),
          })
          .strict(),
      ])
      .optional(),
    rate_limit: z
      .union([
        toggle,
        z
          .object({
            count: z.number().int().positive().optional(),
            retry_after_s: z.number().int().nonnegative().max(3600).optional(),
            limit: z.number().int().positive().optional(),
          })
          .strict(),
      ])
      .optional(),
    reset: toggle.optional(),
    hang: toggle.optional(),
    malformed: toggle.optional(),
    error: z
      .union([
        z.enum(ACCOUNT_ERROR_NAMES as [AccountErrorName, ...AccountErrorName[]]),
        z.object({ name: z.enum(ACCOUNT_ERROR_NAMES as [AccountErrorName, ...AccountErrorName[]]), count: z.number().int().positive().optional() }).strict(),
      ])
      .optional(),
    /** Cashfree's 200 in one of its odder shapes (see ANSWER_SHAPES); the work is done as usual. */
    answer: z
      .union([
        z.enum(ANSWER_SHAPES),
        z
          .object({ name: z.enum(ANSWER_SHAPES), count: z.number().int().positive().optional(), status: z.string().min(1).max(40).optional() })
          .strict(),
      ])
      .optional(),
    /** The whole entry applies to the next N calls only. */
    count: z.number().int().positive().optional(),
    times: z.number().int().positive().optional(),
  })
  .strict();

export const faultsInputSchema = z
  .object({
    create: endpointFaultSchema.optional(),
    status: endpointFaultSchema.optional(),
    /** Applies to both endpoints. */
    all: endpointFaultSchema.optional(),
    /** Network delay added to every API request (benchmarks). */
    delay_ms: z.number().nonnegative().max(600_000).optional(),
  })
  .strict();

export type EndpointFaultInput = z.infer<typeof endpointFaultSchema>;
export type FaultsInput = z.infer<typeof faultsInputSchema>;

export type Effect =
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'rate_limit'; retryAfterS: number; limit: number }
  | { kind: 'status_5xx'; status: 500 | 502 }
  | { kind: 'malformed' }
  | { kind: 'error'; name: AccountErrorName }
  | { kind: 'answer'; shape: AnswerShape; status?: string };

interface ArmedEffect {
  effect: Effect;
  remaining: number;
  probability: number;
}

interface ArmedFault {
  latencyMs: number;
  remainingCalls: number;
  effects: ArmedEffect[];
}

export interface FaultDecision {
  latencyMs: number;
  effect: Effect | null;
}

function countOf(value: boolean | number): number {
  return value === true ? Number.POSITIVE_INFINITY : value === false ? 0 : value;
}

function arm(input: EndpointFaultInput): ArmedFault {
  const effects: ArmedEffect[] = [];
  const add = (effect: Effect, remaining: number, probability = 1): void => {
    if (remaining > 0) effects.push({ effect, remaining, probability });
  };
  if (input.reset !== undefined) add({ kind: 'reset' }, countOf(input.reset));
  if (input.hang !== undefined) add({ kind: 'hang' }, countOf(input.hang));
  if (input.rate_limit !== undefined) {
    const rate = typeof input.rate_limit === 'object' ? input.rate_limit : { count: countOf(input.rate_limit) };
    add(
      { kind: 'rate_limit', retryAfterS: rate.retry_after_s ?? 1, limit: 'limit' in rate && rate.limit !== undefined ? rate.limit : 100 },
      rate.count ?? Number.POSITIVE_INFINITY,
    );
  }
  if (input.status_5xx !== undefined) {
    const spec = input.status_5xx;
    if (typeof spec === 'object') {
      add({ kind: 'status_5xx', status: spec.status ?? 500 }, spec.count ?? Number.POSITIVE_INFINITY, spec.probability ?? 1);
    } else if (typeof spec === 'number' && spec < 1) {
      add({ kind: 'status_5xx', status: 500 }, Number.POSITIVE_INFINITY, spec);
    } else {
      add({ kind: 'status_5xx', status: 500 }, countOf(typeof spec === 'number' ? Math.floor(spec) : spec));
    }
  }
  if (input.error !== undefined) {
    const spec = typeof input.error === 'string' ? { name: input.error, count: undefined } : input.error;
    add({ kind: 'error', name: spec.name }, spec.count ?? Number.POSITIVE_INFINITY);
  }
  if (input.malformed !== undefined) add({ kind: 'malformed' }, countOf(input.malformed));
  if (input.answer !== undefined) {
    const spec = typeof input.answer === 'string' ? { name: input.answer } : input.answer;
    add({ kind: 'answer', shape: spec.name, ...(spec.status !== undefined ? { status: spec.status } : {}) }, spec.count ?? Number.POSITIVE_INFINITY);
  }
  return {
    latencyMs: input.latency_ms ?? 0,
    remainingCalls: input.times ?? input.count ?? Number.POSITIVE_INFINITY,
    effects,
  };
}

export interface FaultsView {
  delay_ms: number;
  create: { latency_ms: number; remaining_calls: number | null; effects: Array<Effect & { remaining: number | null }> } | null;
  status: FaultsView['create'];
}

export class FaultPlan {
  private readonly armed = new Map<Endpoint, ArmedFault>();
  private readonly random: Random;
  private readonly defaultDelayMs: number;
  delayMs: number;

  constructor(random: Random, defaultDelayMs: number) {
    this.random = random;
    this.defaultDelayMs = defaultDelayMs;
    this.delayMs = defaultDelayMs;
  }

  /** Replaces the faults of the endpoints named in `input`; others keep theirs. */
  set(input: FaultsInput): void {
    if (input.delay_ms !== undefined) this.delayMs = input.delay_ms;
    if (input.all) {
      this.armed.set('create', arm(input.all));
      this.armed.set('status', arm(input.all));
    }
    if (input.create) this.armed.set('create', arm(input.create));
    if (input.status) this.armed.set('status', arm(input.status));
  }

  clear(): void {
    this.armed.clear();
    this.delayMs = this.defaultDelayMs;
  }

  /** Decides what happens to one call of `endpoint`, using up counts. */
  take(endpoint: Endpoint): FaultDecision {
    const fault = this.armed.get(endpoint);
    if (!fault) return { latencyMs: 0, effect: null };
    fault.remainingCalls -= 1;
    if (fault.remainingCalls <= 0) this.armed.delete(endpoint);
    let chosen: Effect | null = null;
    for (const armedEffect of fault.effects) {
      if (armedEffect.remaining <= 0) continue;
      if (armedEffect.probability < 1 && this.random() >= armedEffect.probability) continue;
      armedEffect.remaining -= 1;
      chosen = armedEffect.effect;
      break;
    }
    const exhausted = fault.latencyMs === 0 && fault.effects.every((armedEffect) => armedEffect.remaining <= 0);
    if (exhausted) this.armed.delete(endpoint);
    return { latencyMs: fault.latencyMs, effect: chosen };
  }

  view(): FaultsView {
    const describe = (endpoint: Endpoint): FaultsView['create'] => {
      const fault = this.armed.get(endpoint);
      if (!fault) return null;
      const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);
      return {
        latency_ms: fault.latencyMs,
        remaining_calls: finite(fault.remainingCalls),
        effects: fault.effects.map((armedEffect) => ({ ...armedEffect.effect, remaining: finite(armedEffect.remaining) })),
      };
    };
    return { delay_ms: this.delayMs, create: describe('create'), status: describe('status') };
  }
}
