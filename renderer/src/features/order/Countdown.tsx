import { formatCountdown } from '../../../../shared/templates.ts';
import { useNow } from '../../lib/clock.ts';

/** m:ss until the link expires, ticking every second. */
export function Countdown({ validUpto, className }: { validUpto: number; className?: string }) {
  const now = useNow();
  const left = validUpto - now;
  const tone = left <= 0 ? 'over' : left < 60_000 ? 'urgent' : left < 180_000 ? 'soon' : 'fine';
  return (
    <span className={`countdown countdown-${tone} ${className ?? ''}`} role="timer" aria-label="Time left">
      {formatCountdown(validUpto, now)}
    </span>
  );
}
