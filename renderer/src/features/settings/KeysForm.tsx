// The keys of one Cashfree profile. Secrets are write-only: the fields start empty, what is typed
// goes to main on Save and the fields are cleared; only "Saved: client ID …1234" comes back.
import { useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent, FormEvent, InputHTMLAttributes, ReactNode } from 'react';
import type { ProbeOutcome } from '../../../../shared/contract.ts';
import type { AppError } from '../../../../shared/result.ts';
import { CASHFREE_BASE_URLS } from '../../../../shared/settings.ts';
import type { Keychain, PublicProfile } from '../../../../shared/settings.ts';
import { PROFILE_NAMES } from './labels.ts';
import type { SettingsStore } from './store.ts';

type KeyedKind = 'sandbox' | 'production';
type Field = 'clientId' | 'clientSecret' | 'publicKey' | 'address' | 'weak' | 'form';
type FieldErrors = Partial<Record<Field, string>>;

export const WEAK_LABEL = 'Store with weak protection on this machine';

/** Puts a refusal next to the field it is about; anything else goes under the buttons. */
export function fieldForError(error: AppError): Field {
  if (error.details?.needsWeakConsent === true || /weak protection/i.test(error.message)) return 'weak';
  if (error.code === 'wrong_environment') return 'clientSecret';
  if (/public key/i.test(error.message)) return 'publicKey';
  if (/client secret/i.test(error.message)) return 'clientSecret';
  if (/client id/i.test(error.message)) return 'clientId';
  return 'form';
}

/** The host an address names (Cashfree's own when empty), or null when it is not an address: main then explains. */
function hostOf(address: string, profile: PublicProfile): string | null {
  const url = address === '' && profile.kind !== 'demo' ? CASHFREE_BASE_URLS[profile.kind] : address;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

/** One typed field of the form: its label, the input (never spell-checked), its help and its refusal. */
function TextField({ label, help, error, ...input }: { id: string; label: string; help?: string; error: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={input.id}>{label}</label>
      <input spellCheck={false} aria-invalid={error ? true : undefined} {...input} />
      {help && <p className="help">{help}</p>}
      {error}
    </div>
  );
}

function readFileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file);
  });
}

export function KeysForm({ store, kind, profile, keychain }: { store: SettingsStore; kind: KeyedKind; profile: PublicProfile; keychain: Keychain }) {
  const { api } = store;
  const name = PROFILE_NAMES[kind];
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [pem, setPem] = useState<{ fileName: string; text: string } | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const [address, setAddress] = useState(profile.customBaseUrl ?? '');
  const [allowWeak, setAllowWeak] = useState(profile.weakAllowed);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const [probe, setProbe] = useState<ProbeOutcome | 'running' | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  /** The host a changed address would send the keys to, shown for confirmation before saving. */
  const [confirmHost, setConfirmHost] = useState<string | null>(null);
  const confirmHostButton = useRef<HTMLButtonElement>(null);
  // The question appears below the form: bring it into view and to the keyboard.
  useEffect(() => {
    if (confirmHost !== null) confirmHostButton.current?.focus();
  }, [confirmHost]);
  const ids = {
    clientId: useId(),
    clientSecret: useId(),
    publicKey: useId(),
    address: useId(),
    weak: useId(),
    weakHelp: useId(),
  };
  const needsWeak = keychain !== 'keychain';
  const credentialsTyped = clientId.trim() !== '' || clientSecret.trim() !== '' || pem !== null;
  const addressChanged = address.trim() !== (profile.customBaseUrl ?? '');

  async function onPickKey(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setErrors((current) => ({ ...current, publicKey: undefined }));
    if (!file) return setPem(null);
    try {
      setPem({ fileName: file.name, text: await readFileText(file) });
    } catch {
      setErrors((current) => ({ ...current, publicKey: 'The file could not be read. Choose the .pem file again.' }));
    }
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setErrors({});
    setSaved('');
    if (!credentialsTyped && !addressChanged) {
      setErrors({ form: `Type the ${name} client ID and secret (or choose a public key file) to save.` });
      return;
    }
    const host = addressChanged ? hostOf(address.trim(), profile) : null;
    if (host !== null && confirmHost !== host) {
      setConfirmHost(host);
      return;
    }
    setConfirmHost(null);
    setBusy(true);
    try {
      // The secret typed now goes with the new address in one save: main removes the old one otherwise.
      const secretWithAddress = addressChanged && clientSecret.trim() !== '';
      if (addressChanged) {
        const r = await api['settings.setBaseUrl']({
          kind,
          url: address.trim() === '' ? null : address.trim(),
          ...(secretWithAddress ? { clientSecret: clientSecret.trim(), ...(needsWeak ? { allowWeak } : {}) } : {}),
        });
        if (!r.ok) return setErrors({ [secretWithAddress && fieldForError(r.error) !== 'form' ? fieldForError(r.error) : 'address']: r.error.message });
      }
      const restTyped = clientId.trim() !== '' || pem !== null || (clientSecret.trim() !== '' && !secretWithAddress);
      if (restTyped) {
        const r = await api['settings.saveCredentials']({
          kind,
          ...(clientId.trim() ? { clientId: clientId.trim() } : {}),
          ...(clientSecret.trim() && !secretWithAddress ? { clientSecret: clientSecret.trim() } : {}),
          ...(pem ? { publicKeyPem: pem.text } : {}),
          ...(needsWeak ? { allowWeak } : {}),
        });
        if (!r.ok) return setErrors({ [fieldForError(r.error)]: r.error.message });
      }
      if (credentialsTyped) {
        setClientId('');
        setClientSecret('');
        setPem(null);
        setFileInputKey((n) => n + 1);
      }
      setProbe(null);
      setSaved(`${name} settings saved.`);
      await store.refresh();
    } finally {
      setBusy(false);
    }
  }

  async function removePublicKey() {
    setErrors({});
    setBusy(true);
    const r = await api['settings.saveCredentials']({ kind, publicKeyPem: null, ...(needsWeak ? { allowWeak } : {}) });
    setBusy(false);
    if (!r.ok) return setErrors({ [fieldForError(r.error) === 'weak' ? 'weak' : 'publicKey']: r.error.message });
    setSaved('Public key removed.');
    await store.refresh();
  }

  async function testConnection() {
    setProbe('running');
    const r = await api['settings.testConnection']({ kind });
    setProbe(r.ok ? r.data : { ok: false, code: r.error.code, message: r.error.message });
  }

  async function deleteKeys() {
    setConfirmDelete(false);
    setBusy(true);
    const r = await api['settings.deleteCredentials']({ kind });
    setBusy(false);
    if (!r.ok) return setErrors({ form: r.error.message });
    setProbe(null);
    setSaved(`${name} keys deleted from this computer.`);
    await store.refresh();
  }

  const fieldError = (field: Field, id?: string) =>
    errors[field] ? (
      <p id={id} className="field-error" role="alert">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form className="keys-form" onSubmit={save} noValidate aria-label={`${name} keys`}>
      <p className="keys-state">
        {profile.configured ? (
          <span className="badge badge-ok">{`Saved: client ID ${profile.clientIdHint ?? ''}`}</span>
        ) : (
          <span className="badge badge-missing">{`No ${name} keys saved yet.`}</span>
        )}
      </p>

      {!needsWeak && profile.configured && profile.keychain !== 'keychain' && (
        <p className="help">Saved with weak protection on another setup. Enter the keys again and save to move them into this computer&apos;s keychain.</p>
      )}
      {needsWeak && (
        <div className={`weak-box${errors.weak ? ' weak-box-error' : ''}`}>
          <div className="check-row">
            <input
              id={ids.weak}
              type="checkbox"
              checked={allowWeak}
              onChange={(e) => setAllowWeak(e.target.checked)}
              aria-describedby={ids.weakHelp}
              aria-invalid={errors.weak ? true : undefined}
            />
            <label htmlFor={ids.weak}>{WEAK_LABEL}</label>
          </div>
          <p id={ids.weakHelp} className="help">
            This computer offers no secure keychain, so the {name} keys would be protected only by a file readable by your
            user account. Anyone who can open your files could read them. Tick this only on a computer you alone use.
          </p>
          {fieldError('weak')}
        </div>
      )}

      <TextField
        id={ids.clientId}
        label="Client ID"
        autoComplete="off"
        value={clientId}
        onChange={(e) => setClientId(e.target.value)}
        placeholder={profile.clientIdHint ? `Saved ${profile.clientIdHint}; type to replace` : ''}
        error={fieldError('clientId')}
      />
      <TextField
        id={ids.clientSecret}
        label="Client secret"
        type="password"
        autoComplete="new-password"
        value={clientSecret}
        onChange={(e) => setClientSecret(e.target.value)}
        placeholder={profile.configured ? 'Saved; type to replace' : ''}
        error={fieldError('clientSecret')}
      />
      <div className="field">
        <label htmlFor={ids.publicKey}>Public key</label>
        <div className="file-row">
          <input key={fileInputKey} id={ids.publicKey} type="file" accept=".pem,.pub,.key,.txt,text/plain" onChange={(e) => void onPickKey(e)} />
          {profile.hasPublicKey && (
            <>
              <span className="badge badge-ok">Public key: set</span>
              <button type="button" className="secondary" onClick={() => void removePublicKey()} disabled={busy}>
                Remove public key
              </button>
            </>
          )}
        </div>
        <p className="help">{pem ? `${pem.fileName} will be saved with the keys.` : 'Optional: the RSA public key from the Cashfree dashboard, if you use signature verification instead of IP whitelisting.'}</p>
        {fieldError('publicKey')}
      </div>
      <TextField
        id={ids.address}
        label="Custom address"
        type="url"
        inputMode="url"
        autoComplete="off"
        value={address}
        onChange={(e) => setAddress(e.target.value)}
        placeholder={profile.customBaseUrl === null && profile.baseUrl ? profile.baseUrl : 'https://'}
        help="Optional: a company proxy in front of Cashfree. Leave empty to use Cashfree's own address."
        error={fieldError('address')}
      />

      <div className="button-row">
        <button type="submit" disabled={busy} aria-busy={busy}>
          Save
        </button>
        <button type="button" className="secondary" onClick={() => void testConnection()} disabled={probe === 'running'} aria-busy={probe === 'running'}>
          Test connection
        </button>
        {profile.configured && !confirmDelete && (
          <button type="button" className="danger" onClick={() => setConfirmDelete(true)} disabled={busy}>
            Delete keys
          </button>
        )}
      </div>
      {confirmDelete && (
        <div className="confirm-inline" role="group" aria-label={`Delete the ${name} keys?`}>
          <p>{`Delete the ${name} client ID, secret and public key from this computer? Orders on ${name} stop working until keys are added again.`}</p>
          <div className="button-row">
            <button type="button" className="danger" onClick={() => void deleteKeys()} data-autofocus>
              Yes, delete the keys
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
              Keep the keys
            </button>
          </div>
        </div>
      )}
      {confirmHost !== null && (
        <div className="confirm-inline" role="group" aria-label={`Send the ${name} keys to ${confirmHost}?`}>
          <p>
            {`${name} requests, with the client ID and secret, will go to `}
            <strong className="confirm-host">{confirmHost}</strong>
            {clientSecret.trim() !== ''
              ? '. The client secret you typed is saved for this address.'
              : profile.configured
                ? `. The saved client secret was entered for ${hostOf(profile.baseUrl ?? '', profile) ?? 'the old address'} and is removed: type it again above to keep ${name} working.`
                : '.'}
          </p>
          <div className="button-row">
            <button type="submit" ref={confirmHostButton}>
              {`Yes, use ${confirmHost}`}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmHost(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {credentialsTyped && <p className="help">Test connection checks the saved keys: press Save first to test what you typed.</p>}
      {fieldError('form')}
      <p className="saved" role="status">
        {saved}
      </p>
      <p className={`probe ${probe === 'running' ? 'probe-running' : probe ? (probe.ok ? 'probe-ok' : 'probe-bad') : ''}`} role="status" aria-label="Connection test">
        {probe === 'running' ? (
          <>
            <span className="spinner" aria-hidden="true" /> Testing the {name} connection…
          </>
        ) : (
          (probe?.message ?? '')
        )}
      </p>
    </form>
  );
}
