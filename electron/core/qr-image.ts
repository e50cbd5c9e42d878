// The QR of a UPI link as a PNG: whole pixels per module and the shared quiet zone, so it scans
// from a saved or pasted image as well as from the screen.
import QRCode from 'qrcode';
import { QR_ERROR_CORRECTION, QR_QUIET_ZONE } from '../../shared/qr.ts';

export const QR_PNG_SCALE = 12;

export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    margin: QR_QUIET_ZONE,
    scale: QR_PNG_SCALE,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
}
