// The main job: write the history row, make the signed call, record every step, so a crash or
// a lost answer never loses a request (DESIGN.md section 3).
import type { Order, ProfileKind } from '../../../shared/domain.ts';
import { isFinal } from '../../../shared/domain.ts';
import type { CashfreeClient, CreateReply, StatusReply } from '../cashfree/client.ts';
import { createSafely } from '../cashfree/recover.ts';
import { CashfreeError } from '../cashfree/errors.ts';
import { toOrderState, toRemitterResult } from '../cashfree/schemas.ts';
import type { OrderStore } from './store.ts';
import { noSuchOrder } from '../history/errors.ts';
import { coreError } from '../error.ts';
import { qrPng } from '../desk/qr-image.ts';
import type { EventBus } from '../events.ts';

/** What a creating order says while Cashfree's rate limit holds its create back. */
export const CASHFREE_BUSY = 'Cashfree is busy, retrying…';

/** An undocumented status value as the agent may see it: printable, short (it comes from a server). */
const shownStatus = (raw: string): string => raw.replace(/[^\x20-\x7e]/g, '').slice(0, 40) || '?';

/** Cashfree's links are valid for 10 minutes: the expiry assumed when valid_upto cannot be read. */
const LINK_VALIDITY_MS = 10 * 60 * 1000;

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
  /** Orders whose create call is out right now. */
  readonly #creating = new Set<string>();

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
    const verificationId = input.verificationId ?? this.#d.newId();
    this.#claimId(verificationId);
    const now = this.#now();
    const order: Order = {
      verificationId,
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
    this.#d.events.emit('order.updated', this.#d.store.insert(order));
    let outcome;
    this.#creating.add(verificationId);
    try {
      // A 429 was not processed: the same create goes again, and the agent sees why it waits.
      const onBusy = (): void => void this.#save(order.verificationId, { lastError: { code: 'rate_limited', message: CASHFREE_BUSY } });
      outcome = await createSafely(client, { verificationId: order.verificationId, name: order.name }, { onBusy });
    } catch (err) {
      const error = err instanceof CashfreeError ? err : new CashfreeError({ code: 'internal', message: 'The order could not be created.', retryable: false });
      // When the outcome is unknown the row stays "creating": the tracker asks Cashfree later.
      const state = error.outcomeUnknown ? 'creating' : 'create_failed';
      this.#save(order.verificationId, { state, lastError: { code: error.code, message: error.message } });
      if (error.outcomeUnknown) this.#d.track(order.verificationId);
      throw error;
    } finally {
      this.#creating.delete(verificationId);
    }
    if (outcome.kind === 'created') {
      const created = this.#created(order, outcome.answer);
      this.#d.track(created.verificationId);
      return { order: created, answer: outcome.answer };
    }
    // Cashfree has the order but its links are lost: keep tracking it, and make a fresh one.
    this.#apply(order, outcome.status, { answerLost: true });
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

  /** The order, or the one "no such order" error. */
  require(verificationId: string): Order {
    const order = this.get(verificationId);
    if (!order) throw noSuchOrder(verificationId);
    return order;
  }

  /** Following stopped on errors the agent must fix (attention set), or resumed (null). */
  setAttention(verificationId: string, attention: Order['attention']): Order | null {
    return this.#d.store.get(verificationId) ? this.#save(verificationId, { attention }) : null;
  }

  get(verificationId: string): Order | null {
    const order = this.#d.store.get(verificationId);
    return order && this.#withQr(order);
  }

  #withQr(order: Order): Order {
    return { ...order, qrCode: this.#qr.get(order.verificationId) ?? null };
  }

  /** Ask Cashfree once and record what it says. */
  async refresh(verificationId: string): Promise<Order> {
    const before = this.#d.store.get(verificationId);
    if (!before) throw noSuchOrder(verificationId);
    // Its create call is still out: "unknown id" now says nothing, and the answer will settle it.
    if (this.#creating.has(verificationId)) return this.#withQr(before);
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
    return this.#apply(before, status, before.state === 'creating' ? { answerLost: true } : {});
  }

  /** Records a status answer obtained elsewhere (the CLI's status command) for an order in history. */
  record(status: StatusReply): Order | null {
    const before = this.#d.store.get(status.verificationId);
    return before ? this.#apply(before, status, {}) : null;
  }

  /**
   * A 200 is an order Cashfree holds, whatever else the answer lacks. Missing app links and QR are
   * made from upi_link, an unreadable valid_upto becomes creation + 10 minutes. An unusable answer
   * (no upi_link, ref_id or verification_id, or another order's) shows nothing of it: the order is
   * kept and followed by its id, never replaced behind the agent's back.
   */
  #created(order: Order, a: CreateReply): Order {
    const id = order.verificationId;
    const links = a.unusable === null ? a.links : null;
    const usable = links !== null;
    if (usable) this.#qr.set(id, a.qrCode ?? qrPng(links.upi).toString('base64'));
    const validUpto = usable ? a.validUpto : null;
    return this.#save(id, {
      state: 'created',
      refId: usable ? a.refId : null,
      validUpto: validUpto ?? order.createdAt + LINK_VALIDITY_MS,
      validUptoAssumed: validUpto === null,
      links,
      pageUrl: usable ? a.url : null,
      lastError: usable
        ? null
        : {
            code: 'unusable_answer',
            message: `Cashfree created order ${id} but ${a.unusable ?? 'its answer has no upi_link'}, so it has no link to show; it is kept and checked, and a new order can be made for the customer.`,
          },
    });
  }

  /** An id in this computer's history is taken, unless its create never reached Cashfree. */
  #claimId(verificationId: string): void {
    const existing = this.#d.store.get(verificationId);
    if (existing === null) return;
    if (existing.state === 'create_failed' && !this.#creating.has(verificationId)) {
      this.#d.store.delete(verificationId);
      return;
    }
    throw coreError('duplicate_id', `An order with the ID ${verificationId} is already in this computer's history. Use another ID.`);
  }

  #apply(before: Order, s: StatusReply, extra: Partial<Order>): Order {
    // A status outside the documented four is not final: the order stays as it was, the raw value shown.
    const state = toOrderState(s);
    const patch: Partial<Order> = {
      ...extra,
      refId: s.refId,
      state: state ?? (before.state !== 'creating' ? before.state : 'created'),
      cashfreeStatus: state === null ? shownStatus(s.status) : null,
    };
    const result = toRemitterResult(s);
    if (result) patch.result = result;
    const unchanged =
      before.state === patch.state &&
      before.refId === patch.refId &&
      before.cashfreeStatus === patch.cashfreeStatus &&
      JSON.stringify(before.result) === JSON.stringify(patch.result ?? before.result) &&
      !extra.answerLost;
    if (unchanged) return this.#withQr(before);
    return this.#save(before.verificationId, patch);
  }

  #save(verificationId: string, patch: Partial<Order>): Order {
    const order = this.#withQr(this.#d.store.update(verificationId, { ...patch, updatedAt: this.#now() }));
    if (isFinal(order.state)) this.#qr.delete(verificationId);
    this.#d.events.emit('order.updated', order);
    return order;
  }
}
