import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract.ts';
import type { Order } from '../../shared/domain.ts';
import { api } from './api.ts';
import { HistoryView } from './features/history/index.ts';
import { NewOrderForm } from './features/order/NewOrderForm.tsx';
import { OrderView } from './features/order/OrderView.tsx';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [order, setOrder] = useState<Order | null>(null);

  useEffect(() => {
    void api['app.info'](undefined).then((r) => r.ok && setInfo(r.data));
    return api.on('order.updated', (updated) =>
      setOrder((current) => (current?.verificationId === updated.verificationId ? { ...updated, qrCode: updated.qrCode ?? current.qrCode } : current)),
    );
  }, []);

  return (
    <div className="app">
      <header className={`banner banner-${info?.profile ?? 'demo'}`}>
        <strong>RPD Desk</strong>
        <span className="profile" aria-label="Active profile">{info ? `${info.profile[0]?.toUpperCase()}${info.profile.slice(1)} profile` : '…'}</span>
      </header>
      <main className="layout">
        <section className="panel" aria-label="New order">
          <NewOrderForm onCreated={setOrder} />
        </section>
        <section className="panel" aria-label="Order">
          {order ? <OrderView order={order} demo={info?.demo ?? false} /> : <p className="hint">Type the customer&apos;s name and press Generate.</p>}
        </section>
      </main>
      <section className="panel history-panel" aria-label="History">
        <HistoryView api={api} />
      </section>
    </div>
  );
}
