// This window's orders: the open ones from main, kept live by order.updated, the one on screen,
// when each was last checked with Cashfree, and what the desk does to them. The one state hook of
// the order feature, beside useHistoryList.
//
// One source for the list: order.updated. Main emits it for every write, the create's own steps
// included, before the create's reply leaves; so the reply of order.create (or order.recheck)
// says which order to show, and its copy of the order, the same the event brought, is dropped.
// It is listed only where it is new to the list or later than the listed copy: the preview's
// events come on a stream of their own, which a reply can overtake.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo, RpdApi } from '../../../../shared/contract.ts';
import type { Order } from '../../../../shared/domain.ts';
import { isFinal } from '../../../../shared/domain.ts';
import { notificationFor } from '../../../../shared/notify.ts';
import type { AppError, Result } from '../../../../shared/result.ts';

/** Orders newest first: an update replaces in place, an order not seen before goes on top. */
export function upsert(list: Order[], order: Order): Order[] {
  const i = list.findIndex((o) => o.verificationId === order.verificationId);
  // An order this window has not listed joins it only while it is open: a later change to an old
  // order (its refund moving on) belongs to history, and a create that failed never reached
  // Cashfree (the form shows its error).
  if (i === -1 && isFinal(order.state)) return list;
  if (i === -1) return [order, ...list];
  const next = list.slice();
  next[i] = order;
  return next;
}

/** A reply's copy of an order: the list keeps what order.updated brought, unless the reply is later. */
export function withReply(list: Order[], order: Order): Order[] {
  const listed = list.find((o) => o.verificationId === order.verificationId);
  return listed && listed.updatedAt >= order.updatedAt ? list : upsert(list, order);
}

export interface NewLinkState {
  id: string;
  busy: boolean;
  error: AppError | null;
}

export interface Orders {
  info: AppInfo | null;
  loadError: AppError | null;
  reload: () => void;
  orders: Order[];
  selected: Order | null;
  select: (verificationId: string) => void;
  /** Alt+Up / Alt+Down. */
  step: (by: -1 | 1) => void;
  /** ms of the last answer from Cashfree about each followed order. */
  checkedAt: Record<string, number>;
  create: (input: { name: string; note?: string }) => Promise<Result<Order>>;
  created: (order: Order) => void;
  recheck: (order: Order) => Promise<Result<Order>>;
  newLink: NewLinkState | null;
  makeNewLink: (old: Order) => Promise<boolean>;
  replacedBy: (order: Order) => Order | null;
  /** The order this window just made (Generate, New link): its view brings the QR into sight. */
  freshId: string | null;
}

export function useOrders(api: RpdApi): Orders {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [orders, setOrders] = useState<Order[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [checkedAt, setCheckedAt] = useState<Record<string, number>>({});
  const [newLink, setNewLink] = useState<NewLinkState | null>(null);
  const [freshId, setFreshId] = useState<string | null>(null);
  const ordersRef = useRef<Order[]>([]);
  useEffect(() => {
    ordersRef.current = orders;
  }, [orders]);

  const reload = useCallback(
    () =>
      void Promise.all([api['app.info'](undefined), api['order.open'](undefined)]).then(([i, open]) => {
        if (i.ok) setInfo(i.data);
        if (open.ok) setOrders((list) => open.data.reduceRight(upsert, list));
        setLoadError(!i.ok ? i.error : !open.ok ? open.error : null);
      }),
    [api],
  );

  // A profile switch changes what app.info says (Demo controls, which orders can be shared).
  useEffect(() => api.on('settings.changed', reload), [api, reload]);
  useEffect(() => api.on('order.checked', ({ verificationId, checkedAt: at }) => setCheckedAt((c) => ({ ...c, [verificationId]: at }))), [api]);
  useEffect(() => {
    reload();
    return api.on('order.updated', (updated) => {
      const previous = ordersRef.current.find((o) => o.verificationId === updated.verificationId)?.state ?? null;
      setOrders((list) => upsert(list, updated));
      setCheckedAt((c) => ({ ...c, [updated.verificationId]: updated.updatedAt }));
      const note = notificationFor({ previous, next: updated, windowFocused: document.hasFocus() });
      if (note) void api['notify.show'](note);
    });
  }, [api, reload]);

  const selected = orders.find((o) => o.verificationId === selectedId) ?? orders[0] ?? null;
  const select = useCallback((verificationId: string) => setSelectedId(verificationId), []);
  // Main polls the order on screen more often than the rest (also when it is on screen only
  // because it is the newest).
  const onScreen = selected?.verificationId ?? null;
  useEffect(() => void api['order.focus']({ verificationId: onScreen }), [api, onScreen]);

  const created = useCallback(
    (order: Order) => {
      setOrders((list) => withReply(list, order));
      setFreshId(order.verificationId);
      select(order.verificationId);
    },
    [select],
  );

  const create = useCallback((input: { name: string; note?: string }) => api['order.create'](input), [api]);

  const recheck = useCallback(
    async (order: Order) => {
      const r = await api['order.recheck']({ verificationId: order.verificationId });
      if (r.ok) setOrders((list) => withReply(list, r.data));
      return r;
    },
    [api],
  );

  const makeNewLink = useCallback(
    async (old: Order) => {
      setNewLink({ id: old.verificationId, busy: true, error: null });
      const r = await api['order.create']({ name: old.name, ...(old.note ? { note: old.note } : {}), replaces: old.verificationId });
      if (!r.ok) {
        setNewLink({ id: old.verificationId, busy: false, error: r.error });
        return false;
      }
      setNewLink(null);
      created(r.data);
      return true;
    },
    [api, created],
  );

  const step = useCallback(
    (by: -1 | 1) => {
      const list = ordersRef.current;
      if (list.length === 0) return;
      const i = Math.max(0, list.findIndex((o) => o.verificationId === selected?.verificationId));
      const next = list[Math.min(list.length - 1, Math.max(0, i + by))];
      if (next) select(next.verificationId);
    },
    [selected, select],
  );

  const replacedBy = useCallback((order: Order) => orders.find((o) => o.replaces === order.verificationId) ?? null, [orders]);

  return { info, loadError, reload, orders, selected, select, step, checkedAt, create, created, recheck, newLink, makeNewLink, replacedBy, freshId };
}
