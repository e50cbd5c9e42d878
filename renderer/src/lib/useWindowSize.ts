import { useSyncExternalStore } from 'react';

const subscribe = (cb: () => void): (() => void) => {
  window.addEventListener('resize', cb);
  return () => window.removeEventListener('resize', cb);
};

/** The smaller side of the window, for the biggest QR that fits. */
export function useViewportMin(): number {
  return useSyncExternalStore(subscribe, () => Math.min(window.innerWidth, window.innerHeight));
}

/** Below this width the order goes under the form in one column (styles.css says the same). */
export const ONE_COLUMN_MAX = 980;

/**
 * The QR's largest side for the order view: full size beside the sidebar; in one column, what
 * leaves the form, the heading and the buttons on screen too (480x800, 800x700 docked windows).
 */
export function useQrMaxPx(): number {
  return useSyncExternalStore(subscribe, () => (window.innerWidth > ONE_COLUMN_MAX ? 340 : Math.max(180, Math.min(340, window.innerHeight - 430, window.innerWidth - 60))));
}
