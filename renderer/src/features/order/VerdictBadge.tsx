import type { Verdict } from '../../../../shared/verdict.ts';
import { VERDICT_WORDS } from '../../../../shared/words.ts';
import type { VerdictWords } from '../../../../shared/words.ts';

export const verdictWords = (verdict: Verdict): VerdictWords => VERDICT_WORDS[verdict];

/**
 * The verdict as words with an icon and a tone: the same in the status pill, the session list,
 * history rows and the result card. The icon is drawn by CSS, so the text is the words alone.
 */
export function VerdictBadge({ verdict, className = '', role, label }: { verdict: Verdict; className?: string; role?: 'status'; label?: string }) {
  const words = VERDICT_WORDS[verdict];
  return (
    <span className={`verdict tone-${words.tone} ${className}`} data-verdict={verdict} role={role} aria-label={label}>
      <span className="verdict-icon" aria-hidden="true" data-icon={words.icon} />
      {words.label}
    </span>
  );
}
