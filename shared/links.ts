// UPI deep links. Pure TypeScript: no Node, no DOM.
import type { UpiLinks } from './domain.ts';

/**
 * The app links Cashfree returns carry the very same parameters as upi_link under each app's own
 * scheme, so they are made again from upi_link alone: where Cashfree leaves one out, and when
 * history reads a row (it stores only what it cannot derive).
 */
export function appLinksFromUpi(upi: string): UpiLinks {
  const q = upi.indexOf('?');
  const query = q < 0 ? '' : upi.slice(q);
  return {
    upi,
    gpay: `tez://upi/pay${query}`,
    phonepe: `phonepe://pay${query}`,
    paytm: `paytmmp://pay${query}`,
    // Cashfree's own BHIM link really reads bhim://upi://pay?...
    bhim: `bhim://upi://pay${query}`,
  };
}
