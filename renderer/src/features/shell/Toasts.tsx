import { createContext, useCallback, useContext, useRef, useState } from 'react';
import type { ReactNode } from 'react';

type Tone = 'ok' | 'bad';
interface Toast {
  id: number;
  text: string;
  tone: Tone;
}

interface Feedback {
  toast: (text: string, tone?: Tone) => void;
  /** Said by screen readers only: the change is already visible where the eye is. */
  announce: (text: string) => void;
}

const FeedbackContext = createContext<Feedback>({ toast: () => {}, announce: () => {} });

export const useToast = (): Feedback['toast'] => useContext(FeedbackContext).toast;
export const useAnnounce = (): Feedback['announce'] => useContext(FeedbackContext).announce;

/**
 * Problems ("The browser did not allow copying") in one polite live region, gone after a few
 * seconds, and the announcements of what the agent's own action did. Drawn under the customer view.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [said, setSaid] = useState('');
  const next = useRef(1);
  const toast = useCallback((text: string, tone: Tone = 'ok') => {
    const id = next.current++;
    setToasts((list) => [...list.slice(-2), { id, text, tone }]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), tone === 'bad' ? 6000 : 2500);
  }, []);
  // The same words twice in a row must be said twice: clear, then set.
  const announce = useCallback((text: string) => {
    setSaid('');
    setTimeout(() => setSaid(text), 30);
  }, []);
  const [value] = useState(() => ({ toast, announce }));
  return (
    <FeedbackContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite" aria-label="Notifications">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone}`}>
            {t.text}
          </div>
        ))}
      </div>
      <p className="sr-only" role="status" aria-live="polite" aria-label="Announcements">
        {said}
      </p>
    </FeedbackContext.Provider>
  );
}
