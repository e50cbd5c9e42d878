// The strip at the top of the window that always says which Cashfree environment is live, in a
// colour that cannot be mistaken: Demo slate, Sandbox amber, Production red.
import type { ReactNode } from 'react';
import type { ProfileKind } from '../../../../shared/domain.ts';
import { PROFILE_NAMES } from '../settings/labels.ts';
import type { SettingsStore } from '../settings/store.ts';
import { useSettings } from '../settings/useSettings.ts';
import './profile.css';

const TAGLINES: Record<ProfileKind, string> = {
  demo: 'DEMO — simulated payments, no real money',
  sandbox: 'SANDBOX — test money only',
  production: 'PRODUCTION — real customers',
};

export function ProfileBanner({ store, children }: { store: SettingsStore; children?: ReactNode }) {
  const settings = useSettings(store);
  const kind = settings?.activeProfile ?? null;
  const name = kind ? PROFILE_NAMES[kind] : null;
  const missingKeys = settings && kind && kind !== 'demo' && !settings.profiles[kind].configured;

  return (
    <header className={`profile-banner profile-banner-${kind ?? 'loading'}`} aria-label={name ? `Active profile: ${name}` : 'Active profile'}>
      <h1 className="profile-banner-app">RPD Desk</h1>
      <span className="profile-banner-tag">{kind ? TAGLINES[kind] : 'Loading profile…'}</span>
      {missingKeys && (
        <span className="profile-banner-cta" role="status">
          {`No ${name} keys yet. Add the ${name} client ID and secret in Settings.`}
        </span>
      )}
      <span className="profile-banner-actions">{children}</span>
    </header>
  );
}
