// Draws UPI QR codes ourselves from the link: whole pixels per module, a white quiet zone of
// four modules, dark on white whatever the theme. The same matrix feeds the SVG on screen and
// the PNG for "Save QR image" / "Copy QR image".
import QRCode from 'qrcode';
import { QR_ERROR_CORRECTION, QR_QUIET_ZONE } from '../../../shared/qr.ts';

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  dark: (row: number, col: number) => boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  return { size: modules.size, dark: (row, col) => modules.data[row * modules.size + col] === 1 };
}

/** One SVG path of unit squares, in module coordinates offset by the quiet zone. */
export function qrPath(m: QrMatrix): string {
  const parts: string[] = [];
  for (let row = 0; row < m.size; row++) {
    for (let col = 0; col < m.size; col++) {
      // Runs of dark modules in a row become one rectangle: a much shorter path.
      if (!m.dark(row, col)) continue;
      let run = 1;
      while (col + run < m.size && m.dark(row, col + run)) run++;
      parts.push(`M${col + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h${run}v1h-${run}z`);
      col += run - 1;
    }
  }
  return parts.join('');
}

/** A PNG of the QR at `scale` pixels per module, drawn on a canvas. */
export async function qrPngBlob(text: string, scale = 12): Promise<Blob> {
  const m = qrMatrix(text);
  const side = (m.size + 2 * QR_QUIET_ZONE) * scale;
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, side, side);
  ctx.fillStyle = '#000000';
  for (let row = 0; row < m.size; row++) {
    for (let col = 0; col < m.size; col++) {
      if (m.dark(row, col)) ctx.fillRect((col + QR_QUIET_ZONE) * scale, (row + QR_QUIET_ZONE) * scale, scale, scale);
    }
  }
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
