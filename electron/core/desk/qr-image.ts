// The QR of a UPI link as a PNG. The qrcode library makes the matrix; the PNG is written here,
// as 8-bit greyscale rows deflated by zlib, which takes a few milliseconds where the library's
// RGBA renderer (with pngjs trying every row filter) takes tens: the simulator draws one for
// every order it creates.
import QRCode from 'qrcode';
import { crc32, deflateSync } from 'node:zlib';
import { QR_ERROR_CORRECTION, QR_QUIET_ZONE } from '../../../shared/qr.ts';

/** Pixels per module of a saved or copied QR: whole pixels, so it scans from any copy. */
export const QR_PNG_SCALE = 12;

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
  return out;
}

/**
 * Dark modules on white with a quiet zone of `margin` modules. With `size` the image is that many
 * pixels square (Cashfree's 256) and modules may differ by a pixel; without it each module is
 * `scale` whole pixels.
 */
export function qrPng(text: string, opts: { size?: number; scale?: number; margin?: number } = {}): Buffer {
  const margin = opts.margin ?? QR_QUIET_ZONE;
  const qr = QRCode.create(text, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  const n = qr.modules.size;
  const dark = qr.modules.data;
  const modules = n + 2 * margin;
  const size = opts.size ?? modules * (opts.scale ?? QR_PNG_SCALE);
  const perModule = size / modules;
  const stride = size + 1; // a filter byte (0: none) before each row
  const raw = Buffer.alloc(stride * size, 255);
  for (let y = 0; y < size; y++) {
    raw[y * stride] = 0;
    const my = Math.floor(y / perModule) - margin;
    if (my < 0 || my >= n) continue;
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / perModule) - margin;
      if (mx >= 0 && mx < n && dark[my * n + mx]) raw[y * stride + 1 + x] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
