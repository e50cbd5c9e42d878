// The Settings dialog: which profile is live, that profile's keys, preferences, import and export.
import { useState } from 'react';
import type { ProfileKind } from '../../../../shared/domain.ts';
import { BrowserIntegration } from './BrowserIntegration.tsx';
import { ImportExport } from './ImportExport.tsx';
import { KeysForm } from './KeysForm.tsx';
import { PROFILE_NAMES, PROFILE_ORDER } from './labels.ts';
import { Modal } from './Modal.tsx';
import { PreferencesForm } from './PreferencesForm.tsx';
import type { SettingsStore } from './store.ts';
import { useSettings } from './useSettings.ts';
import './settings.css';

const PROFILE_HINTS: Record<ProfileKind, string> = {
  demo: 'Built-in simulator. No keys, no money.',
  sandbox: 'Cashfree test environment. Test money only.',
  production: 'Live Cashfree keys. Real customers, real Rs 1.',
};

export function SettingsDialog({ store, onClose }: { store: SettingsStore; onClose: () => void }) {
  const settings = useSettings(store);
  const [confirm, setConfirm] = useState<string | null>(null);
  const [switchError, setSwitchError] = useState('');
  const [switching, setSwitching] = useState(false);
  // The radio the agent chose, shown checked while main switches or while Production waits for confirmation.
  const [pending, setPending] = useState<ProfileKind | null>(null);
  // An import replaces the preferences: the form starts again from the imported values.
  const [imports, setImports] = useState(0);

  async function switchTo(kind: ProfileKind, confirmProduction = false) {
    if (switching) return;
    setSwitchError('');
    setSwitching(true);
    setPending(kind);
    const r = await store.api['settings.setProfile']({ kind, ...(confirmProduction ? { confirmProduction: true } : {}) });
    setSwitching(false);
    if (!r.ok) {
      setPending(null);
      return setSwitchError(r.error.message);
    }
    if (r.data.status === 'needs_confirmation') return setConfirm(r.data.message);
    setConfirm(null);
    await store.refresh();
    setPending(null);
  }

  function cancelConfirm() {
    setConfirm(null);
    setPending(null);
  }

  const active = settings?.activeProfile;
  const chosen = pending ?? active;
  const keyed = active === 'sandbox' || active === 'production' ? active : null;

  return (
    <Modal title="Settings" onClose={onClose} className="settings-modal">
      <button type="button" className="modal-close" onClick={onClose} aria-label="Close settings">
        ×
      </button>
      {!settings ? (
        <p className="help">Loading…</p>
      ) : (
        <div className="settings-body">
          <section className="settings-section" aria-labelledby="settings-profile-heading">
            <h3 id="settings-profile-heading">Profile</h3>
            <fieldset className="profile-choice" aria-busy={switching}>
              <legend className="visually-hidden">Active profile</legend>
              {PROFILE_ORDER.map((kind) => (
                <label key={kind} className={`profile-option profile-option-${kind}${active === kind ? ' is-active' : ''}`}>
                  <input type="radio" name="rpd-profile" value={kind} checked={chosen === kind} onChange={() => void switchTo(kind)} aria-labelledby={`profile-name-${kind}`} aria-describedby={`profile-hint-${kind}`} />
                  <span id={`profile-name-${kind}`} className="profile-option-name">
                    {PROFILE_NAMES[kind]}
                  </span>
                  <span id={`profile-hint-${kind}`} className="profile-option-hint">
                    {PROFILE_HINTS[kind]}
                    {kind !== 'demo' && !settings.profiles[kind].configured ? ' No keys yet.' : ''}
                  </span>
                </label>
              ))}
            </fieldset>
            {switchError && (
              <p className="field-error" role="alert">
                {switchError}
              </p>
            )}
            {keyed && !settings.profiles[keyed].configured && (
              <p className="call-to-action" role="status">
                {`Add the ${PROFILE_NAMES[keyed]} client ID and secret below, then press Save and Test connection.`}
              </p>
            )}
          </section>

          <section className="settings-section" aria-labelledby="settings-keys-heading">
            <h3 id="settings-keys-heading">{keyed ? `${PROFILE_NAMES[keyed]} keys` : 'Keys'}</h3>
            {keyed ? (
              <KeysForm key={keyed} store={store} kind={keyed} profile={settings.profiles[keyed]} keychain={settings.keychain} />
            ) : (
              <p className="help">Demo runs on the built-in simulator and needs no keys. Choose Sandbox or Production to enter Cashfree keys.</p>
            )}
          </section>

          <section className="settings-section" aria-labelledby="settings-preferences-heading">
            <h3 id="settings-preferences-heading">Preferences</h3>
            <PreferencesForm key={imports} store={store} preferences={settings.preferences} />
          </section>

          <section className="settings-section" aria-labelledby="settings-transfer-heading">
            <h3 id="settings-transfer-heading">Import and export</h3>
            <ImportExport store={store} onImported={() => setImports((n) => n + 1)} />
          </section>

          <section className="settings-section" aria-labelledby="settings-browser-heading">
            <h3 id="settings-browser-heading">Browser integration</h3>
            <BrowserIntegration store={store} />
          </section>
        </div>
      )}
      {confirm !== null && (
        <Modal title="Switch to Production?" role="alertdialog" onClose={cancelConfirm} className="confirm-modal" describedBy="production-confirm-text">
          <p id="production-confirm-text">{confirm}</p>
          <div className="button-row">
            <button type="button" className="danger" onClick={() => void switchTo('production', true)}>
              Switch to Production
            </button>
            <button type="button" className="secondary" onClick={cancelConfirm} data-autofocus>
              Cancel
            </button>
          </div>
        </Modal>
      )}
    </Modal>
  );
}

export function SettingsButton({ store }: { store: SettingsStore }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Settings
      </button>
      {open && <SettingsDialog store={store} onClose={() => setOpen(false)} />}
    </>
  );
}
