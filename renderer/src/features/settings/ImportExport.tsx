// Settings a team lead hands out: preferences and custom addresses as JSON, never a key. An
// import lists every change it would make; only the ones the agent ticks are applied.
import { useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import type { ImportChange } from '../../../../shared/settings.ts';
import type { SettingsStore } from './store.ts';

interface Pending {
  fileName: string;
  json: string;
  changes: ImportChange[];
  /** Ticked change ids: plain changes start ticked, those with a warning wait for the agent. */
  chosen: Set<string>;
}

export function ImportExport({ store, onImported }: { store: SettingsStore; onImported: () => void }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const importId = useId();
  const listHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (pending) listHeading.current?.focus();
  }, [pending?.json]); // eslint-disable-line react-hooks/exhaustive-deps -- focus once per file read

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

  async function readImport(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setInputKey((n) => n + 1);
    setPending(null);
    if (!file) return;
    setMessage(null);
    let json: string;
    try {
      json = await file.text();
    } catch {
      return setMessage({ ok: false, text: 'The file could not be read.' });
    }
    const r = await store.api['settings.importPreview']({ json });
    if (!r.ok) return setMessage({ ok: false, text: r.error.message });
    if (r.data.changes.length === 0) return setMessage({ ok: true, text: `${file.name} changes nothing: these settings are already in use.` });
    const chosen = new Set(r.data.changes.filter((c) => c.refused === null && c.warning === null).map((c) => c.id));
    setPending({ fileName: file.name, json, changes: r.data.changes, chosen });
  }

  function toggle(id: string, on: boolean) {
    setPending((p) => {
      if (!p) return p;
      const chosen = new Set(p.chosen);
      if (on) chosen.add(id);
      else chosen.delete(id);
      return { ...p, chosen };
    });
  }

  async function apply(e: FormEvent) {
    e.preventDefault();
    if (!pending || busy) return;
    setBusy(true);
    const apply = pending.changes.filter((c) => pending.chosen.has(c.id)).map((c) => c.id);
    const r = await store.api['settings.import']({ json: pending.json, apply });
    setBusy(false);
    if (!r.ok) return setMessage({ ok: false, text: r.error.message });
    store.set(r.data);
    onImported();
    setPending(null);
    setMessage({
      ok: true,
      text: `Imported ${apply.length} of ${pending.changes.length} change${pending.changes.length === 1 ? '' : 's'} from ${pending.fileName}. Saved keys and the active profile are unchanged.`,
    });
  }

  return (
    <div className="import-export">
      <p className="help">Share preferences and custom addresses with your team. Keys are never exported.</p>
      <div className="button-row">
        <button type="button" className="secondary" onClick={() => void exportSettings()}>
          Export settings
        </button>
        <input key={inputKey} id={importId} className="visually-hidden" type="file" accept=".json,application/json" onChange={(e) => void readImport(e)} />
        <label className="file-button" htmlFor={importId}>
          Import settings
        </label>
      </div>
      {pending && (
        <form className="import-changes" onSubmit={(e) => void apply(e)} aria-labelledby={`${importId}-changes`}>
          <h4 id={`${importId}-changes`} tabIndex={-1} ref={listHeading}>{`Changes in ${pending.fileName}`}</h4>
          <p className="help">Tick the changes to apply. Nothing changes until you press Apply.</p>
          <ul>
            {pending.changes.map((change) => (
              <ImportChangeRow key={change.id} change={change} checked={pending.chosen.has(change.id)} onToggle={toggle} />
            ))}
          </ul>
          <div className="button-row">
            <button type="submit" disabled={busy || pending.chosen.size === 0} aria-busy={busy}>
              {`Apply ${pending.chosen.size} selected change${pending.chosen.size === 1 ? '' : 's'}`}
            </button>
            <button type="button" className="secondary" onClick={() => setPending(null)}>
              Cancel import
            </button>
          </div>
        </form>
      )}
      <p className={message ? (message.ok ? 'result-ok' : 'field-error') : ''} role={message && !message.ok ? 'alert' : 'status'}>
        {message?.text ?? ''}
      </p>
    </div>
  );
}

const SHOWN_CHARS = 300;
/** A long template is shown by its start, so the list stays a list. */
const shorten = (text: string): string => (text.length <= SHOWN_CHARS ? text : `${text.slice(0, SHOWN_CHARS)}… (${text.length - SHOWN_CHARS} more characters)`);

function ImportChangeRow({ change, checked, onToggle }: { change: ImportChange; checked: boolean; onToggle: (id: string, on: boolean) => void }) {
  const id = useId();
  return (
    <li className={`import-change${change.warning ? ' import-change-warn' : ''}`}>
      <div className="check-row">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={change.refused !== null}
          onChange={(e) => onToggle(change.id, e.target.checked)}
          aria-describedby={`${id}-what`}
        />
        <label htmlFor={id}>{change.label}</label>
      </div>
      <div id={`${id}-what`} className="import-change-what">
        <p className="import-values">
          <span className="import-from">{change.from === null ? '(none)' : shorten(change.from)}</span>
          <span aria-label="becomes"> → </span>
          <span className="import-to">{change.to === null ? '(removed)' : shorten(change.to)}</span>
        </p>
        {change.warning && <p className="import-warning">{change.warning}</p>}
        {change.refused && <p className="field-error">{`Cannot be imported: ${change.refused}`}</p>}
      </div>
    </li>
  );
}
