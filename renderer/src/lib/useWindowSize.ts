import { useSyncExternalStore } from 'react';

const subscribe = (cb: () => void): (() => void) => {
  window.addEventListener('resize', cb);
  return () => window.removeEventListener('resize', cb);
};

/** The smaller side of the window, for the biggest QR that fits. */
export function useViewportMin(): number {
  return useSyncExternalStore(subscribe, () => Math.min(window.innerWidth, window.innerHeight));
}
