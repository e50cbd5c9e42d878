import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo } from '../../shared/contract.ts';
import type { Order } from '../../shared/domain.ts';
import { notificationFor } from '../../shared/notify.ts';
import type { AppError } from '../../shared/result.ts';
import { buildMessage } from '../../shared/templates.ts';
import { resultText } from '../../shared/words.ts';
import { api, isDesktop } from './api.ts';
import { HistoryView, focusHistorySearch } from './features/history/index.ts';
import { usePreferences } from './lib/preferences.ts';
import { errorText } from './lib/errors.ts';
import { NewOrderForm } from './features/order/NewOrderForm.tsx';
import type { NewOrderFormHandle, NewOrderInput } from './features/order/NewOrderForm.tsx';
import { OrderList } from './features/order/OrderList.tsx';
import { OrderView, shownState } from './features/order/OrderView.tsx';
import type { OrderActions } from './features/order/OrderView.tsx';
import { useTemplates } from './lib/useTemplates.ts';
import { PresenterContent, PresenterOverlay } from './features/order/Presenter.tsx';
import { HelpOverlay } from './features/shell/HelpOverlay.tsx';
import { ProfileBanner } from './features/profile/ProfileBanner.tsx';
import { appSettings } from './features/settings/appSettings.ts';
import { SettingsButton } from './features/settings/SettingsDialog.tsx';
import { ToastProvider, useToast } from './features/shell/Toasts.tsx';

export function App() {
  const presentId = new URLSearchParams(location.hash.slice(1)).get('present');
  if (presentId) return <PresenterWindow verificationId={presentId} />;
  return (
    <ToastProvider>
      <Desk />
    </ToastProvider>
  );
}

const fetchStart = () => Promise.all([api['app.info'](undefined), api['order.open'](undefined)]);

/** Orders newest first: an update replaces in place, an order not seen before goes on top. */
function upsert(list: Order[], order: Order): Order[] {
  const i = list.findIndex((o) => o.verificationId === order.verificationId);
  // A create that failed never reached Cashfree: the form shows its error, the list stays clean.
  if (i === -1 && order.state === 'create_failed') return list;
  if (i === -1) return [order, ...list];
  const next = list.slice();
  next[i] = order;
  return next;
}

function Desk() {
  const toast = useToast();
  const prefs = usePreferences();
  const template = useTemplates(prefs.messageTemplates);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [orders, setOrders] = useState<Order[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [presenting, setPresenting] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [newLink, setNewLink] = useState<{ id: string; busy: boolean; error: AppError | null } | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const form = useRef<NewOrderFormHandle>(null);
  const ordersRef = useRef<Order[]>([]);
  useEffect(() => {
    ordersRef.current = orders;
  }, [orders]);
  const profile = info?.profile ?? 'demo';

  const load = useCallback(() => void fetchStart().then(([i, open]) => {
    if (i.ok) setInfo(i.data);
    if (open.ok) setOrders((list) => open.data.reduceRight(upsert, list));
    setLoadError(!i.ok ? i.error : !open.ok ? open.error : null);
  }), []);

  // A profile switch changes what app.info says (Demo controls, test-link marking).
  useEffect(() => api.on('settings.changed', load), [load]);

  // The tray, a rpd-desk:// link or a global shortcut asking for something.
  useEffect(
    () =>
      api.on('app.command', (command) => {
        setPresenting(null);
        setHelp(false);
        if (command.kind === 'new-order') form.current?.startNew(command.name);
        else if (command.kind === 'open-order') setSelectedId(command.verificationId);
        else focusHistorySearch();
      }),
    [],
  );

  useEffect(() => {
    load();
    return api.on('order.updated', (updated) => {
      const previous = ordersRef.current.find((o) => o.verificationId === updated.verificationId)?.state ?? null;
      setOrders((list) => upsert(list, updated));
      const note = notificationFor({ previous, next: updated, windowFocused: document.hasFocus() });
      if (note) void api['notify.show'](note);
    });
  }, [load]);

  const selected = orders.find((o) => o.verificationId === selectedId) ?? orders[0] ?? null;
  // Main polls the order on screen more often than the rest.
  useEffect(() => void api['order.focus']({ verificationId: selected?.verificationId ?? null }), [selected?.verificationId]);
  const presented = presenting ? (orders.find((o) => o.verificationId === presenting) ?? null) : null;

  const create = useCallback(async (input: NewOrderInput) => {
    // Ask once, from the agent's own click: browsers allow the question only then.
    if (!isDesktop && typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission();
    return api['order.create'](input);
  }, []);

  const onCreated = useCallback((order: Order) => {
    setOrders((list) => upsert(list, order));
    setSelectedId(order.verificationId);
  }, []);

  const copyText = useCallback(
    async (text: string, what: string, sensitive = false) => {
      const r = await api['clipboard.write']({ text, sensitive });
      if (r.ok) toast(`${what} copied${sensitive && prefs.clipboardClearSeconds > 0 ? `; cleared from the clipboard in ${prefs.clipboardClearSeconds} s` : ''}`);
      else toast(errorText(r.error), 'bad');
    },
    [toast, prefs.clipboardClearSeconds],
  );

  // Sandbox links must never reach a real customer: their messages say so.
  const isTestLink = useCallback((order: Order) => order.profile === 'sandbox' || profile === 'sandbox', [profile]);

  const messageFor = useCallback(
    (order: Order, now: number) =>
      order.links
        ? buildMessage({ template: template.text, name: order.name, link: order.links.upi, validUpto: order.validUpto, now, sandbox: isTestLink(order) })
        : '',
    [template.text, isTestLink],
  );

  const copyMessage = useCallback(
    (order: Order) => {
      if (!order.links || shownState(order, Date.now()) !== 'created') {
        toast('This order has no live link to send. Make a new link first.', 'bad');
        return;
      }
      void copyText(messageFor(order, Date.now()), isTestLink(order) ? 'Message (marked as a test link)' : 'Message');
    },
    [copyText, messageFor, isTestLink, toast],
  );

  const makeNewLink = useCallback(
    async (old: Order) => {
      setNewLink({ id: old.verificationId, busy: true, error: null });
      const r = await api['order.create']({ name: old.name, ...(old.note ? { note: old.note } : {}), replaces: old.verificationId });
      if (r.ok) {
        setNewLink(null);
        onCreated(r.data);
        toast(`New link made for ${old.name}`);
      } else setNewLink({ id: old.verificationId, busy: false, error: r.error });
    },
    [onCreated, toast],
  );

  const actions: OrderActions = {
    copyLink: (label, link) => void copyText(link, label),
    copyMessage,
    copyResult: (order, unmasked) => void copyText(resultText(order, { unmasked }), 'Result', true),
    saveQr: async (order) => {
      const r = await api['qr.save']({ verificationId: order.verificationId });
      if (!r.ok) toast(errorText(r.error), 'bad');
      else if (r.data.saved) toast('QR image saved');
    },
    copyQr: async (order) => {
      const r = await api['qr.copy']({ verificationId: order.verificationId });
      toast(r.ok ? 'QR image copied' : errorText(r.error), r.ok ? 'ok' : 'bad');
    },
    present: (order) => setPresenting(order.verificationId),
    recheck: async (order) => {
      const r = await api['order.recheck']({ verificationId: order.verificationId });
      if (r.ok) setOrders((list) => upsert(list, r.data));
      toast(r.ok ? 'Checked with Cashfree' : errorText(r.error), r.ok ? 'ok' : 'bad');
    },
    newLink: (order) => void makeNewLink(order),
    demoPay: async (order) => {
      const r = await api['demo.pay']({ verificationId: order.verificationId });
      if (!r.ok) toast(errorText(r.error), 'bad');
    },
    demoFail: async (order) => {
      const r = await api['demo.fail']({ verificationId: order.verificationId });
      if (!r.ok) toast(errorText(r.error), 'bad');
    },
  };

  // Shortcuts for the whole window. Ctrl+F only takes over when a history search exists.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const mod = e.ctrlKey || e.metaKey;
      const target = e.target as HTMLElement | null;
      const typing = !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
      if (e.key === 'Escape' && (presenting || help)) {
        e.preventDefault();
        setPresenting(null);
        setHelp(false);
      } else if (mod && !e.shiftKey && !e.altKey && e.code === 'KeyN') {
        e.preventDefault();
        setPresenting(null);
        setHelp(false);
        form.current?.startNew();
      } else if (mod && e.shiftKey && e.code === 'KeyC') {
        e.preventDefault();
        if (selected) copyMessage(selected);
      } else if (e.key === 'F1' || (e.key === '?' && !typing && !mod)) {
        e.preventDefault();
        setHelp(true);
      } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && orders.length > 0) {
        e.preventDefault();
        const i = Math.max(0, orders.findIndex((o) => o.verificationId === selected?.verificationId));
        const next = orders[Math.min(orders.length - 1, Math.max(0, i + (e.key === 'ArrowUp' ? -1 : 1)))];
        if (next) setSelectedId(next.verificationId);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting, help, selected, copyMessage, orders]);

  const replacedBy = (order: Order): Order | null => orders.find((o) => o.replaces === order.verificationId) ?? null;

  const overlayOpen = Boolean(presented) || help;
  return (
    <>
      <div className="app" inert={overlayOpen}>
        <ProfileBanner store={appSettings}>
          <SettingsButton store={appSettings} />
          <button type="button" className="banner-button" onClick={() => setHelp(true)} aria-keyshortcuts="F1">
            Keyboard shortcuts
          </button>
        </ProfileBanner>
        {loadError && (
          <div className="page-error">
            <p role="alert">{errorText(loadError)}</p>
            <button type="button" className="secondary" onClick={load}>
              Retry
            </button>
          </div>
        )}
        <main className="layout">
          <aside className="sidebar">
            <section className="panel" aria-label="New order">
              <h2 className="panel-title">New order</h2>
              <NewOrderForm ref={form} create={create} onCreated={onCreated} onStartTyping={() => void api['order.prewarm'](undefined)} />
            </section>
            <section className="panel orders-panel" aria-label="This session">
              <h2 className="panel-title">
                This session <span className="count">{orders.length || ''}</span>
              </h2>
              <OrderList orders={orders} selectedId={selected?.verificationId ?? null} onSelect={setSelectedId} />
            </section>
          </aside>
          <section className="panel main-panel" aria-label="Order">
            {selected ? (
              <OrderView
                key={selected.verificationId}
                order={selected}
                demo={info?.demo ?? false}
                actions={actions}
                template={template}
                messageFor={messageFor}
                newLinkBusy={newLink?.id === selected.verificationId && newLink.busy}
                newLinkError={newLink?.id === selected.verificationId ? newLink.error : null}
                replacedBy={replacedBy(selected)}
              />
            ) : (
              <div className="empty">
                <p>Type the customer&apos;s name and press Enter.</p>
                <p className="hint">The QR, the app links and a message for the chat appear here.</p>
              </div>
            )}
          </section>
        </main>
        {/* The history view owns Ctrl/Cmd+F itself. */}
        <section className="panel history-panel" aria-label="History">
          <HistoryView api={api} />
        </section>
      </div>
      {presented && (
        <PresenterOverlay
          order={presented}
          onClose={() => setPresenting(null)}
          onSeparateWindow={
            isDesktop
              ? () =>
                  void api['window.present']({ verificationId: presented.verificationId }).then((r) => {
                    if (r.ok) setPresenting(null);
                    else toast(r.error.message, 'bad');
                  })
              : undefined
          }
        />
      )}
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </>
  );
}

/** Electron's separate "show to customer" window: one order, live, nothing else. */
function PresenterWindow({ verificationId }: { verificationId: string }) {
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api['order.get']({ verificationId }).then((r) => (r.ok ? setOrder(r.data) : setError(r.error.message)));
    const off = api.on('order.updated', (o) => o.verificationId === verificationId && setOrder(o));
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && window.close();
    window.addEventListener('keydown', onKey);
    return () => {
      off();
      window.removeEventListener('keydown', onKey);
    };
  }, [verificationId]);
  return <div className="presenter presenter-window">{order ? <PresenterContent order={order} /> : <p>{error ?? 'Loading…'}</p>}</div>;
}
