import { useState } from 'react';
import type { Order, UpiLinks } from '../../../../shared/domain.ts';
import { api } from '../../api.ts';

const LINKS: { key: keyof UpiLinks; label: string }[] = [
  { key: 'upi', label: 'UPI' },
  { key: 'gpay', label: 'GPay' },
  { key: 'phonepe', label: 'PhonePe' },
  { key: 'paytm', label: 'Paytm' },
  { key: 'bhim', label: 'BHIM' },
];

const STATE_WORDS: Record<Order['state'], string> = {
  creating: 'Creating…',
  created: 'Waiting for payment',
  success: 'Verified',
  failure: 'Failed',
  expired: 'Expired',
  create_failed: 'Not created',
};

export function OrderView({ order, demo }: { order: Order; demo: boolean }) {
  const [toast, setToast] = useState('');

  async function copy(label: string, text: string) {
    const r = await api['clipboard.write']({ text });
    setToast(r.ok ? `${label} copied` : r.error.message);
  }

  return (
    <div className="order">
      <h2>{order.name}</h2>
      <p className={`status status-${order.state}`} role="status" aria-label="Order status">
        {STATE_WORDS[order.state]}
      </p>
      {order.qrCode && order.state === 'created' && (
        <div className="qr">
          <img src={`data:image/png;base64,${order.qrCode}`} alt={`UPI QR code for ${order.name}`} width={256} height={256} />
        </div>
      )}
      {order.links && (
        <ul className="links">
          {LINKS.map(({ key, label }) => (
            <li key={key}>
              <code title={order.links?.[key]}>{order.links?.[key]}</code>
              <button type="button" onClick={() => copy(`${label} link`, order.links?.[key] ?? '')}>
                {`Copy ${label} link`}
              </button>
            </li>
          ))}
        </ul>
      )}
      {order.result && (
        <dl className="result" aria-label="Result">
          <dt>Name at bank</dt>
          <dd>{order.result.nameAtBank}</dd>
          <dt>Account</dt>
          <dd>{order.result.maskedAccount}</dd>
          <dt>IFSC</dt>
          <dd>{order.result.ifsc}</dd>
          <dt>Name match</dt>
          <dd>{order.result.nameMatchResult ?? '—'}</dd>
        </dl>
      )}
      {demo && order.state === 'created' && (
        <div className="demo-controls">
          <button type="button" onClick={() => void api['demo.pay']({ verificationId: order.verificationId })}>
            Simulate payment
          </button>
          <button type="button" onClick={() => void api['demo.fail']({ verificationId: order.verificationId })}>
            Simulate failure
          </button>
        </div>
      )}
      <p className="toast" role="status" aria-live="polite">
        {toast}
      </p>
    </div>
  );
}
