// The window: a layout of features. State lives in the features' hooks (useOrders,
// useHistoryList, the settings store); this file only places them and wires the shortcuts.
import { useEffect, useRef, useState } from 'react';
import type { Order } from '../../shared/domain.ts';
import { useDesk } from './context.ts';
import { HistoryView, focusHistorySearch } from './features/history/index.ts';
import { NewOrderForm } from './features/order/NewOrderForm.tsx';
import type { NewOrderFormHandle } from './features/order/NewOrderForm.tsx';
import { OrderPanel } from './features/order/OrderPanel.tsx';
import { SessionPanel } from './features/order/SessionPanel.tsx';
import { PresenterOverlay, PresenterWindow } from './features/order/Presenter.tsx';
import { useOrderActions } from './features/order/useOrderActions.ts';
import { useOrders } from './features/order/useOrders.ts';
import { ProfileBanner } from './features/profile/ProfileBanner.tsx';
import { SettingsButton } from './features/settings/SettingsDialog.tsx';
import { HelpOverlay } from './features/shell/HelpOverlay.tsx';
import { ToastProvider, useToast } from './features/shell/Toasts.tsx';
import { useShortcuts } from './features/shell/useShortcuts.ts';
import { errorText } from './lib/errors.ts';
import { usePreferences } from './lib/preferences.ts';
import { useTemplates } from './lib/useTemplates.ts';

export function App() {
  const presentId = new URLSearchParams(location.hash.slice(1)).get('present');
  if (presentId) return <PresenterWindow verificationId={presentId} />;
  return (
    <ToastProvider>
      <Desk />
    </ToastProvider>
  );
}

function Desk() {
  const { api, isDesktop, settings } = useDesk();
  const toast = useToast();
  const prefs = usePreferences();
  const template = useTemplates(prefs.messageTemplates);
  const orders = useOrders(api);
  const [presenting, setPresenting] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const form = useRef<NewOrderFormHandle>(null);
  const actions = useOrderActions(api, orders, template, prefs.clipboardClearSeconds, (o) => setPresenting(o.verificationId));
  const { selected } = orders;
  const presented = presenting ? (orders.orders.find((o) => o.verificationId === presenting) ?? null) : null;
  const closeOverlays = (): void => {
    setPresenting(null);
    setHelp(false);
  };

  // The tray, a rpd-desk:// link or a global shortcut asking for something.
  const select = orders.select;
  useEffect(
    () =>
      api.on('app.command', (command) => {
        setPresenting(null);
        setHelp(false);
        if (command.kind === 'new-order') form.current?.startNew(command.name);
        else if (command.kind === 'open-order') select(command.verificationId);
        else focusHistorySearch();
      }),
    [api, select],
  );

  const onSelected = (run: (o: Order) => unknown) => () => void (selected && run(selected));
  useShortcuts({
    overlayOpen: Boolean(presented) || help,
    closeOverlays,
    newOrder: () => {
      closeOverlays();
      form.current?.startNew();
    },
    help: () => setHelp(true),
    present: onSelected(actions.present),
    copyMessage: onSelected(actions.copyMessage),
    copyLink: onSelected((o) => o.links && actions.copyLink(o.pageUrl ? 'Page link' : 'UPI link', o.pageUrl ?? o.links.upi)),
    copyResult: onSelected((o) => o.result && actions.copyResult(o, false)),
    step: orders.step,
  });

  const create: typeof orders.create = (input) => {
    // Ask once, from the agent's own click: browsers allow the question only then.
    if (!isDesktop && typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission();
    return orders.create(input);
  };

  return (
    <>
      <div className="app" inert={Boolean(presented) || help}>
        <ProfileBanner store={settings}>
          <SettingsButton store={settings} />
          <button type="button" className="banner-button" onClick={() => setHelp(true)} aria-keyshortcuts="F1">
            Keyboard shortcuts
          </button>
        </ProfileBanner>
        {orders.loadError && (
          <div className="page-error">
            <p role="alert">{errorText(orders.loadError)}</p>
            <button type="button" className="secondary" onClick={orders.reload}>
              Retry
            </button>
          </div>
        )}
        <main className="layout">
          <section className="panel new-panel" aria-labelledby="new-order-title">
            <h2 className="panel-title" id="new-order-title">
              New order
            </h2>
            <NewOrderForm ref={form} create={create} onCreated={orders.created} onStartTyping={() => void api['order.prewarm'](undefined)} />
          </section>
          <SessionPanel orders={orders} />
          <OrderPanel orders={orders} actions={actions} template={template} />
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
      {help && <HelpOverlay onClose={() => setHelp(false)} globalShortcut={isDesktop ? prefs.globalShortcut : null} />}
    </>
  );
}
