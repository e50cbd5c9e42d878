import type { Order } from '../../shared/domain.ts';

export const LINKS = {
  upi: 'upi://pay?pa=rpd.demo@simulator&pn=RPD%20Simulator&am=1.00&tr=CF1&cu=INR',
  gpay: 'tez://upi/pay?pa=rpd.demo@simulator&am=1.00',
  phonepe: 'phonepe://pay?pa=rpd.demo@simulator&am=1.00',
  paytm: 'paytmmp://pay?pa=rpd.demo@simulator&am=1.00',
  bhim: 'bhim://upi://pay?pa=rpd.demo@simulator&am=1.00',
};

export function makeOrder(patch: Partial<Order> = {}): Order {
  return {
    verificationId: 'rpd_test_1',
    refId: '1',
    name: 'Asha Kumari',
    note: '',
    profile: 'demo',
    state: 'created',
    createdAt: Date.now(),
    updatedAt: Date.now(),
    validUpto: Date.now() + 10 * 60_000,
    links: LINKS,
    qrCode: null,
    result: null,
    answerLost: false,
    replaces: null,
    lastError: null,
    ...patch,
  };
}
