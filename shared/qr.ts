// What every drawing of a UPI QR shares: a four-module white quiet zone, dark on white.

export const QR_QUIET_ZONE = 4;
export const QR_ERROR_CORRECTION = 'M';

/** A file name that says who and which order, with nothing a file system refuses. */
export function qrFileName(name: string, verificationId: string): string {
  const who = name.normalize('NFKD').replace(/[^\w -]/g, '').trim().replace(/\s+/g, '-').slice(0, 40) || 'customer';
  return `upi-qr-${who}-${verificationId}.png`;
}

/** Largest whole number of pixels per module that fits `maxPx` (at least 1). */
export function pixelsPerModule(modules: number, maxPx: number): number {
  return Math.max(1, Math.floor(maxPx / (modules + 2 * QR_QUIET_ZONE)));
}
