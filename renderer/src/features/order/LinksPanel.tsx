import type { UpiLinks } from '../../../../shared/domain.ts';

export const LINK_APPS: { key: keyof UpiLinks; label: string }[] = [
  { key: 'upi', label: 'UPI' },
  { key: 'gpay', label: 'GPay' },
  { key: 'phonepe', label: 'PhonePe' },
  { key: 'paytm', label: 'Paytm' },
  { key: 'bhim', label: 'BHIM' },
];

export function LinksPanel({ links, disabled, onCopy }: { links: UpiLinks; disabled: boolean; onCopy: (label: string, link: string) => void }) {
  return (
    <ul className="links" aria-label="Payment links">
      {LINK_APPS.map(({ key, label }) => (
        <li key={key}>
          <span className="app-name">{label}</span>
          <code title={links[key]}>{links[key]}</code>
          <button type="button" className="secondary small" disabled={disabled} onClick={() => onCopy(`${label} link`, links[key])}>
            {`Copy ${label} link`}
          </button>
        </li>
      ))}
    </ul>
  );
}
