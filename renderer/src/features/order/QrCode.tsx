import { useMemo } from 'react';
import { QR_QUIET_ZONE, pixelsPerModule } from '../../../../shared/qr.ts';
import { qrMatrix, qrPath } from '../../lib/qr.ts';

/**
 * The QR of `text` at the largest whole number of CSS pixels per module that fits `maxPx`, so
 * every module edge falls on a pixel edge; white quiet zone included, dark on white in any theme.
 */
export function QrCode({ text, maxPx, label }: { text: string; maxPx: number; label: string }) {
  const matrix = useMemo(() => qrMatrix(text), [text]);
  const path = useMemo(() => qrPath(matrix), [matrix]);
  const side = matrix.size + 2 * QR_QUIET_ZONE;
  const px = side * pixelsPerModule(matrix.size, maxPx);
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      width={px}
      height={px}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
      data-modules={matrix.size}
    >
      <rect width={side} height={side} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
