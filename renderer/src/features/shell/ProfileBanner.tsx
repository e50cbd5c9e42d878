import type { ProfileKind } from '../../../../shared/domain.ts';

export const PROFILE_WORDS: Record<ProfileKind, { label: string; detail: string }> = {
  demo: { label: 'Demo', detail: 'Simulated payments: no money moves' },
  sandbox: { label: 'Sandbox', detail: 'Cashfree test environment: test links only' },
  production: { label: 'Production', detail: 'Live: customers pay real money' },
};

/** Always on screen: which Cashfree the app talks to, in a colour nobody mistakes (Production red). */
export function ProfileBanner({ profile, onHelp }: { profile: ProfileKind | null; onHelp: () => void }) {
  const words = profile ? PROFILE_WORDS[profile] : null;
  return (
    <header className={`banner banner-${profile ?? 'unknown'}`}>
      <strong className="brand">RPD Desk</strong>
      <span className="profile" aria-label="Active profile">
        {words ? `${words.label} profile` : '…'}
      </span>
      <span className="profile-detail">{words?.detail ?? ''}</span>
      <button type="button" className="banner-button" onClick={onHelp} aria-keyshortcuts="F1">
        Keyboard shortcuts
      </button>
    </header>
  );
}
