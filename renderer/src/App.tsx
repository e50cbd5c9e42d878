import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract.ts';
import type { Order } from '../../shared/domain.ts';
import { api } from './api.ts';
import { NewOrderForm } from './features/order/NewOrderForm.tsx';
import { OrderView } from './features/order/OrderView.tsx';
import { ProfileBanner } from './features/profile/ProfileBanner.tsx';
import { appSettings } from './features/settings/appSettings.ts';
import { SettingsButton } from './features/settings/SettingsDialog.tsx';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [order, setOrder] = useState<Order | null>(null);

  useEffect(() => {
    const loadInfo = () => void api['app.info'](undefined).then((r) => r.ok && setInfo(r.data));
    loadInfo();
    const stopSettings = api.on('settings.changed', loadInfo);
    const stopOrders = api.on('order.updated', (updated) =>
      setOrder((current) => (current?.verificationId === updated.verificationId ? { ...updated, qrCode: updated.qrCode ?? current.qrCode } : current)),
    );
    return () => {
      stopSettings();
      stopOrders();
    };
  }, []);

  return (
    <div className="app">
      <ProfileBanner store={appSettings}>
        <SettingsButton store={appSettings} />
      </ProfileBanner>
      <main className="layout">
        <section className="panel" aria-label="New order">
          <NewOrderForm onCreated={setOrder} />
        </section>
        <section className="panel" aria-label="Order">
          {order ? <OrderView order={order} demo={info?.demo ?? false} /> : <p className="hint">Type the customer&apos;s name and press Generate.</p>}
        </section>
      </main>
    </div>
  );
}
