// Settings, Browser integration: per browser, whether the RPD Desk extension may reach this app
// (its native-messaging host registered or removed). Turning one on also allows the extension.
import { useEffect, useId, useState } from 'react';
import type { BrowserIntegration as Integration } from '../../../../shared/browser-bridge.ts';
import { EXTENSION_ID } from '../../../../shared/browser-bridge.ts';
import type { SettingsStore } from './store.ts';

export function BrowserIntegration({ store }: { store: SettingsStore }) {
  const [state, setState] = useState<Integration | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    let live = true;
    void store.api['browser.integration'](undefined).then((r) => {
      if (!live) return;
      if (r.ok) setState(r.data);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [store]);

  async function toggle(browser: Integration['browsers'][number]['browser'], on: boolean) {
    setBusy(browser);
    setError('');
    const r = await store.api['browser.setIntegration']({ browser, on });
    setBusy(null);
    if (r.ok) setState(r.data);
    else setError(r.error.message);
  }

  if (!state) return error ? <p className="field-error" role="alert">{error}</p> : <p className="help">Loading…</p>;
  return (
    <>
      <p className="help" id="browser-integration-help">
        {`Lets the RPD Desk extension (id ${EXTENSION_ID}) create orders from names you select in your helpdesk. The app keeps the keys and makes every call.`}
      </p>
      <fieldset className="browser-integration" aria-describedby="browser-integration-help" aria-busy={busy !== null}>
        <legend className="visually-hidden">Browsers</legend>
        {state.browsers.map((b) => (
          <div key={b.browser} className="check-row">
            <input id={`${id}-${b.browser}`} type="checkbox" checked={b.on} disabled={busy !== null} onChange={(e) => void toggle(b.browser, e.target.checked)} />
            <label htmlFor={`${id}-${b.browser}`}>{b.label}</label>
          </div>
        ))}
      </fieldset>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
