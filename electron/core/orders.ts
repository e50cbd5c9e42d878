// The main job: write the history row, make the signed call, record every step, so a crash or
// a lost answer never loses a request (DESIGN.md section 3).
import type { Order, ProfileKind } from '../../shared/domain.ts';
import { isFinal } from '../../shared/domain.ts';
import type { CashfreeClient, CreateReply, StatusReply } from './cashfree/client.ts';
import { createSafely } from './cashfree/recover.ts';
import { CashfreeError } from './cashfree/errors.ts';
import { toOrderState, toRemitterResult } from './cashfree/schemas.ts';
import type { OrderStore } from './store.ts';
import type { EventBus } from './events.ts';

export interface OrderServiceDeps {
  /** The client for a profile's Cashfree (orders are tracked with the profile they were made in). */
  clientFor: (profile: ProfileKind) => Promise<CashfreeClient>;
  store: OrderStore;
  events: EventBus;
  activeProfile: () => ProfileKind;
  /** Called for every order that needs following: created, answer lost, or outcome unknown. */
  track: (verificationId: string) => void;
  now?: () => number;
  newId: () => string;
}

export interface CreateRequest {
  name: string;
  note?: string;
  /** The order this one replaces (new link after expiry). */
  replaces?: string;
  /** A caller-chosen id (CLI --verification-id); otherwise one is generated. */
  verificationId?: string;
}

export class OrderService {
  readonly #d: OrderServiceDeps;
  /** QR images live only in memory: history keeps the link, from which the QR is drawn again. */
  readonly #qr = new Map<string, string>();

  constructor(deps: OrderServiceDeps) {
    this.#d = deps;
  }

  #now(): number {
    return (this.#d.now ?? Date.now)();
  }

  async create(input: CreateRequest): Promise<Order> {
    return (await this.createDetailed(input)).order;
  }

  /** Also hands back Cashfree's own answer (the CLI prints it as it came). */
  async createDetailed(input: CreateRequest, answersLost = 0): Promise<{ order: Order; answer: CreateReply }> {
    const profile = this.#d.activeProfile();
    // Missing keys fail here, before anything is written or sent.
    const client = await this.#d.clientFor(profile);
    const now = this.#now();
    const order: Order = {
      verificationId: input.verificationId ?? this.#d.newId(),
      refId: null,
      name: input.name,
      note: input.note ?? '',
      profile,
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
      pageUrl: null,
      validUptoAssumed: false,
      cashfreeStatus: null,
      attention: null,
    };
    this.#d.store.insert(order);
    this.#d.events.emit('order.updated', order);
    let outcome;
    try {
      outcome = await createSafely(client, { verificationId: order.verificationId, name: order.name });
    } catch (err) {
      const error = err instanceof CashfreeError ? err : new CashfreeError({ code: 'internal', message: 'The order could not be created.', retryable: false });
      // When the outcome is unknown the row stays "creating": the tracker asks Cashfree later.
      const state = error.outcomeUnknown ? 'creating' : 'create_failed';
      this.#save(order.verificationId, { state, lastError: { code: error.code, message: error.message } });
      if (error.outcomeUnknown) this.#d.track(order.verificationId);
      throw error;
    }
    if (outcome.kind === 'created') {
      const created = this.#created(order.verificationId, outcome.answer);
      this.#d.track(created.verificationId);
      return { order: created, answer: outcome.answer };
    }
    // Cashfree has the order but its links are lost: keep tracking it, and make a fresh one.
    this.#apply(order.verificationId, outcome.status, { answerLost: true });
    this.#d.track(order.verificationId);
    if (input.verificationId) {
      throw new CashfreeError({
        code: 'answer_lost',
        message: `Cashfree created order ${order.verificationId} but its answer was lost, so its payment links cannot be shown. Check it by its id, or create a new order with another id.`,
        retryable: false,
      });
    }
    // One replacement at most: while every answer comes back broken, each new try would be one
    // more order at Cashfree that the customer cannot pay.
    if (answersLost >= 1) {
      throw new CashfreeError({
        code: 'answer_lost',
        message: `Cashfree created order ${order.verificationId} but its answer was lost again, so its payment links cannot be shown. The orders are kept in history and checked; try Generate again in a minute.`,
        retryable: true,
      });
    }
    return this.createDetailed({ ...input, replaces: order.verificationId }, answersLost + 1);
  }

  get(verificationId: string): Order | null {
    const order = this.#d.store.get(verificationId);
    return order && { ...order, qrCode: this.#qr.get(verificationId) ?? null };
  }

  /** Ask Cashfree once and record what it says. */
  async refresh(verificationId: string): Promise<Order> {
    const before = this.#d.store.get(verificationId);
    if (!before) throw new CashfreeError({ code: 'not_found', message: `There is no order ${verificationId} on this computer.`, retryable: false });
    let status: StatusReply;
    try {
      status = await (await this.#d.clientFor(before.profile)).status({ verificationId });
    } catch (err) {
      // A create whose answer never came, and that Cashfree does not know: it was never made.
      if (before.state === 'creating' && err instanceof CashfreeError && err.code === 'not_found') {
        return this.#save(verificationId, { state: 'create_failed', lastError: { code: 'not_found', message: 'Cashfree never received this order.' } });
      }
      throw err;
    }
    this.#d.events.emit('order.checked', { verificationId, checkedAt: this.#now() });
    // Found after a lost create answer: tracked without links.
    return this.#apply(verificationId, status, before.state === 'creating' ? { answerLost: true } : {});
  }

  /** Records a status answer obtained elsewhere (the CLI's status command) for an order in history. */
  record(status: StatusReply): Order | null {
    return this.#d.store.get(status.verificationId) ? this.#apply(status.verificationId, status, {}) : null;
  }

  #created(verificationId: string, a: CreateReply): Order {
    if (a.qrCode) this.#qr.set(verificationId, a.qrCode);
    return this.#save(verificationId, { state: 'created', refId: a.refId, validUpto: a.validUpto, links: a.links, lastError: null });
  }

  #apply(verificationId: string, s: StatusReply, extra: Partial<Order>): Order {
    const before = this.#d.store.get(verificationId);
    const patch: Partial<Order> = { ...extra, refId: s.refId, state: toOrderState(s) };
    const result = toRemitterResult(s);
    if (result) patch.result = result;
    const unchanged =
      before !== null &&
      before.state === patch.state &&
      before.refId === patch.refId &&
      JSON.stringify(before.result) === JSON.stringify(patch.result ?? before.result) &&
      !extra.answerLost;
    if (unchanged) return this.get(verificationId) ?? before;
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
