// The main job: create an order (history row first, then the signed call), then track it.
import type { Order, ProfileKind, RemitterResult, OrderState } from '../../shared/domain.ts';
import { isFinal } from '../../shared/domain.ts';
import type { CashfreeClient, CreateAnswer, StatusAnswer } from './cashfree/client.ts';
import { createSafely } from './cashfree/recover.ts';
import { CashfreeError } from './cashfree/errors.ts';
import type { OrderStore } from './store.ts';
import type { EventBus } from './events.ts';

export interface OrderServiceDeps {
  client: CashfreeClient;
  store: OrderStore;
  events: EventBus;
  profile: ProfileKind;
  now?: () => number;
  newId: () => string;
}

export class OrderService {
  readonly #d: OrderServiceDeps;
  /** QR images live only in memory: history keeps the link and can draw it again. */
  readonly #qr = new Map<string, string>();

  constructor(deps: OrderServiceDeps) {
    this.#d = deps;
  }

  #now(): number {
    return (this.#d.now ?? Date.now)();
  }

  async create(input: { name: string; note?: string; replaces?: string }): Promise<Order> {
    return (await this.createDetailed(input)).order;
  }

  /** Also hands back Cashfree's own answer (the CLI prints it as it came). */
  async createDetailed(input: { name: string; note?: string; replaces?: string; verificationId?: string }): Promise<{ order: Order; answer: CreateAnswer }> {
    const now = this.#now();
    const order: Order = {
      verificationId: input.verificationId ?? this.#d.newId(),
      refId: null,
      name: input.name,
      note: input.note ?? '',
      profile: this.#d.profile,
      state: 'creating',
      createdAt: now,
      updatedAt: now,
      validUpto: null,
      links: null,
      qrCode: null,
      result: null,
      answerLost: false,
      replaces: input.replaces ?? null,
      lastError: null,
    };
    this.#d.store.insert(order);
    try {
      const outcome = await createSafely(this.#d.client, { verificationId: order.verificationId, name: order.name });
      if (outcome.kind === 'created') return { order: this.#created(order.verificationId, outcome.answer), answer: outcome.answer };
      this.#apply(order.verificationId, outcome.status, { answerLost: true });
      if (input.verificationId) {
        throw new CashfreeError(
          'answer_lost',
          `Cashfree created order ${order.verificationId} but its answer was lost, so its payment links cannot be shown. Check it with its id, or create a new order with another id.`,
        );
      }
      return this.createDetailed({ ...input, verificationId: undefined, replaces: order.verificationId });
    } catch (err) {
      if (err instanceof CashfreeError && err.code === 'answer_lost') throw err;
      const error = err instanceof CashfreeError ? err : new CashfreeError('internal', 'The order could not be created.');
      this.#save(order.verificationId, { state: 'create_failed', lastError: { code: error.code, message: error.message } });
      throw error;
    }
  }

  get(verificationId: string): Order | null {
    const order = this.#d.store.get(verificationId);
    return order && { ...order, qrCode: this.#qr.get(verificationId) ?? null };
  }

  /** Ask Cashfree once and record what it says. */
  async refresh(verificationId: string): Promise<Order> {
    const status = await this.#d.client.status({ verificationId });
    return this.#apply(verificationId, status, {});
  }

  #created(verificationId: string, a: CreateAnswer): Order {
    this.#qr.set(verificationId, a.qr_code);
    return this.#save(verificationId, {
      state: 'created',
      refId: a.ref_id,
      validUpto: parseValidUpto(a.valid_upto),
      links: { upi: a.upi_link, gpay: a.gpay, phonepe: a.phonepe, paytm: a.paytm, bhim: a.bhim },
    });
  }

  #apply(verificationId: string, s: StatusAnswer, extra: Partial<Order>): Order {
    const state = toOrderState(s.status);
    const before = this.#d.store.get(verificationId);
    const patch: Partial<Order> = { ...extra, refId: s.ref_id || before?.refId || null, state: state ?? before?.state ?? 'created' };
    if (s.status === 'SUCCESS') patch.result = toResult(s);
    if (before && before.state === patch.state && !patch.result && !extra.answerLost) return this.get(verificationId) ?? before;
    return this.#save(verificationId, patch);
  }

  #save(verificationId: string, patch: Partial<Order>): Order {
    this.#d.store.update(verificationId, { ...patch, updatedAt: this.#now() });
    const order = this.get(verificationId);
    if (!order) throw new Error(`order ${verificationId} vanished`);
    if (isFinal(order.state)) this.#qr.delete(verificationId);
    this.#d.events.emit('order.updated', order);
    return order;
  }
}

function toOrderState(status: string): OrderState | null {
  switch (status) {
    case 'CREATED': return 'created';
    case 'SUCCESS': return 'success';
    case 'FAILURE': return 'failure';
    case 'EXPIRED': return 'expired';
    default: return null;
  }
}

function toResult(s: StatusAnswer): RemitterResult {
  return {
    nameAtBank: s.name_at_bank,
    bankAccount: s.bank_account,
    maskedAccount: s.bank_account ? 'XXXX' + s.bank_account.slice(-4) : '',
    ifsc: s.ifsc,
    upi: s.upi,
    utr: s.utr,
    nameMatchScore: s.name_match_score === '' ? null : Number(s.name_match_score),
    nameMatchResult: (s.name_match_result || null) as RemitterResult['nameMatchResult'],
    reversalStatus: (s.reversal_status || null) as RemitterResult['reversalStatus'],
    accountType: s.account_type,
    processedOn: s.processed_on,
    pennyCollectedOn: s.penny_collected_on,
  };
}

/** Cashfree's `YYYY-MM-DD HH:mm:ss` is India time; ISO forms carry their own zone. */
function parseValidUpto(v: string): number {
  const plain = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(v);
  return plain ? Date.parse(`${plain[1]}T${plain[2]}+05:30`) : Date.parse(v);
}
