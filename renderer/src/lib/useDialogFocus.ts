import { useEffect } from 'react';
import type { RefObject } from 'react';

/** A dialog takes the focus when it opens and gives it back to where it was when it closes. */
export function useDialogFocus(first: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    first.current?.focus();
    return () => before?.focus();
  }, [first]);
}
