// UPI deep links. Pure TypeScript: no Node, no DOM.
import type { UpiLinks } from './domain.ts';

/** The query string of a `upi://pay?...` link (everything after the first `?`), or '' if none. */
export function upiParams(upi: string): string {
  const q = upi.indexOf('?');
  return q < 0 ? '' : upi.slice(q + 1);
}

/**
 * The app links Cashfree returns carry the very same parameters as upi_link under each app's own
 * scheme, so they can be made again from upi_link alone (history stores only what it cannot derive).
 */
export function appLinksFromUpi(upi: string): UpiLinks {
  const params = upiParams(upi);
  return {
    upi,
    gpay: `tez://upi/pay?${params}`,
    phonepe: `phonepe://pay?${params}`,
    paytm: `paytmmp://pay?${params}`,
    bhim: `bhim://upi://pay?${params}`,
  };
}
