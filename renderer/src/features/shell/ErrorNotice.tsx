import type { AppError } from '../../../../shared/result.ts';
import { nextStep } from '../../lib/errors.ts';

/** An error as its sentence, the next step, and Retry when trying again can help. */
export function ErrorNotice({ error, onRetry, busy = false }: { error: AppError; onRetry?: () => void; busy?: boolean }) {
  return (
    <div className="error-notice" role="alert">
      <p className="error-message">{error.message}</p>
      <p className="error-step">{nextStep(error.code)}</p>
      {error.retryable && onRetry && (
        <button type="button" className="secondary" onClick={onRetry} disabled={busy}>
          {busy ? 'Retrying…' : 'Retry'}
        </button>
      )}
    </div>
  );
}
