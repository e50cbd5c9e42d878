import type { UpiLinks } from '../../../../shared/domain.ts';
import { CopyButton } from './CopyButton.tsx';

export const LINK_APPS: { key: keyof UpiLinks; label: string }[] = [
  { key: 'upi', label: 'UPI' },
  { key: 'gpay', label: 'GPay' },
  { key: 'phonepe', label: 'PhonePe' },
  { key: 'paytm', label: 'Paytm' },
  { key: 'bhim', label: 'BHIM' },
];

export function LinksPanel({
  links,
  disabled,
  describedBy,
  onCopy,
}: {
  links: UpiLinks;
  disabled: boolean;
  describedBy?: string;
  onCopy: (label: string, link: string) => Promise<boolean>;
}) {
  return (
    <ul className="links" aria-label="Payment links">
      {LINK_APPS.map(({ key, label }) => (
        <li key={key}>
          <span className="app-name">{label}</span>
          <code title={links[key]}>{links[key]}</code>
          <CopyButton label={`Copy ${label} link`} className="secondary small" disabled={disabled} describedBy={describedBy} copy={() => onCopy(`${label} link`, links[key])} />
        </li>
      ))}
    </ul>
  );
}
