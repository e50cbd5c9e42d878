// Settings a team lead hands out: preferences and custom addresses as JSON, never a key.
import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { SettingsStore } from './store.ts';

export function ImportExport({ store, onImported }: { store: SettingsStore; onImported: () => void }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const importId = useId();

  async function exportSettings() {
    setMessage(null);
    const r = await store.api['settings.export'](undefined);
    if (!r.ok) return setMessage({ ok: false, text: r.error.message });
    const url = URL.createObjectURL(new Blob([r.data.json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `rpd-desk-settings-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked on the next turn: the download has taken its copy by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setMessage({ ok: true, text: 'Settings exported. The file holds no keys.' });
  }

  async function importSettings(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setInputKey((n) => n + 1);
    if (!file) return;
    setMessage(null);
    let json: string;
    try {
      json = await file.text();
    } catch {
      return setMessage({ ok: false, text: 'The file could not be read.' });
    }
    const r = await store.api['settings.import']({ json });
    if (!r.ok) return setMessage({ ok: false, text: r.error.message });
    store.set(r.data);
    onImported();
    setMessage({ ok: true, text: `Imported ${file.name}: preferences and custom addresses updated. Saved keys and the active profile are unchanged.` });
  }

  return (
    <div className="import-export">
      <p className="help">Share preferences and custom addresses with your team. Keys are never exported.</p>
      <div className="button-row">
        <button type="button" className="secondary" onClick={() => void exportSettings()}>
          Export settings
        </button>
        <input key={inputKey} id={importId} className="visually-hidden" type="file" accept=".json,application/json" onChange={(e) => void importSettings(e)} />
        <label className="file-button" htmlFor={importId}>
          Import settings
        </label>
      </div>
      <p className={message ? (message.ok ? 'result-ok' : 'field-error') : ''} role={message && !message.ok ? 'alert' : 'status'}>
        {message?.text ?? ''}
      </p>
    </div>
  );
}
