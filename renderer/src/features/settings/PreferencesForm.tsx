// Preferences: chat message templates, clipboard clearing, history retention, updates, shortcut.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { Preferences, PreferencesPatch } from '../../../../shared/settings.ts';
import type { SettingsStore } from './store.ts';
import { validateTemplate } from '../../../../shared/templates.ts';
import { formatAccelerator } from '../../lib/accelerator.ts';
import { PLACEHOLDERS, TEMPLATE_SLOTS } from './templates.ts';

type NumberField = 'clipboardClearSeconds' | 'retentionDays';
type ErrorKey = NumberField | 'globalShortcut' | 'form' | `template:${string}`;

const RANGES: Record<NumberField, { min: number; max: number; sentence: string }> = {
  clipboardClearSeconds: { min: 0, max: 3600, sentence: 'Clear the clipboard after 0 to 3600 seconds (0 never clears it).' },
  retentionDays: { min: 1, max: 3650, sentence: 'Keep history for 1 to 3650 days.' },
};

/** The server names the fields it refused ("Invalid preferences: retentionDays."); say it in words next to them. */
function serverErrors(message: string): Partial<Record<ErrorKey, string>> {
  const out: Partial<Record<ErrorKey, string>> = {};
  if (/clipboardClearSeconds/.test(message)) out.clipboardClearSeconds = RANGES.clipboardClearSeconds.sentence;
  if (/retentionDays/.test(message)) out.retentionDays = RANGES.retentionDays.sentence;
  if (/globalShortcut/.test(message)) out.globalShortcut = 'The shortcut is too long (100 characters at most).';
  if (/messageTemplates/.test(message)) out.form = 'A message template was refused: it needs {page_link} or {link}, no payment address or link of its own, and at most 2000 characters.';
  if (Object.keys(out).length === 0) out.form = message;
  return out;
}

export function PreferencesForm({ store, preferences }: { store: SettingsStore; preferences: Preferences }) {
  const [templates, setTemplates] = useState<Record<string, string>>(() =>
    Object.fromEntries(TEMPLATE_SLOTS.map((slot) => [slot.key, preferences.messageTemplates[slot.key] ?? slot.fallback])),
  );
  const [numbers, setNumbers] = useState<Record<NumberField, string>>({
    clipboardClearSeconds: String(preferences.clipboardClearSeconds),
    retentionDays: String(preferences.retentionDays),
  });
  const [autoUpdate, setAutoUpdate] = useState(preferences.autoUpdate);
  const [shortcut, setShortcut] = useState(preferences.globalShortcut);
  const [errors, setErrors] = useState<Partial<Record<ErrorKey, string>>>({});
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const baseId = useId();
  const id = (name: string) => `${baseId}-${name}`;

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved('');
    const found: Partial<Record<ErrorKey, string>> = {};
    const patch: PreferencesPatch = { messageTemplates: { ...preferences.messageTemplates, ...templates }, autoUpdate, globalShortcut: shortcut.trim() };
    for (const field of ['clipboardClearSeconds', 'retentionDays'] as const) {
      const value = Number(numbers[field]);
      if (numbers[field].trim() === '' || !Number.isInteger(value)) found[field] = RANGES[field].sentence;
      else patch[field] = value;
    }
    for (const slot of TEMPLATE_SLOTS) {
      const check = validateTemplate(templates[slot.key] ?? '');
      if (!check.ok) found[`template:${slot.key}`] = check.reason;
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    const r = await store.api['settings.updatePreferences'](patch);
    setBusy(false);
    if (!r.ok) return setErrors(serverErrors(r.error.message));
    setSaved('Preferences saved.');
    await store.refresh();
  }

  const error = (key: ErrorKey) =>
    errors[key] ? (
      <p className="field-error" role="alert">
        {errors[key]}
      </p>
    ) : null;

  return (
    <form className="preferences-form" onSubmit={save} noValidate aria-label="Preferences">
      <fieldset>
        <legend>Message templates</legend>
        <p className="help">
          Placeholders: {PLACEHOLDERS.map((p) => <code key={p}>{p}</code>)} are replaced with the customer&apos;s name, the UPI link, Cashfree&apos;s payment page (tappable in chat apps; the UPI
          link when there is none), when the link expires and the minutes left. A template needs one of the two links and no
          payment address or link of its own.
        </p>
        <div className="template-grid">
          {TEMPLATE_SLOTS.map((slot) => (
            <div className="field" key={slot.key}>
              <label htmlFor={id(slot.key)}>{slot.label}</label>
              <textarea
                id={id(slot.key)}
                lang={slot.lang}
                rows={4}
                value={templates[slot.key] ?? ''}
                onChange={(e) => setTemplates((t) => ({ ...t, [slot.key]: e.target.value }))}
                aria-invalid={errors[`template:${slot.key}`] ? true : undefined}
              />
              {error(`template:${slot.key}`)}
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Privacy and app</legend>
        <div className="pref-grid">
          <div className="field">
            <label htmlFor={id('clip')}>Clear clipboard after (seconds)</label>
            <input id={id('clip')} type="number" inputMode="numeric" min={0} max={3600} value={numbers.clipboardClearSeconds} onChange={(e) => setNumbers((n) => ({ ...n, clipboardClearSeconds: e.target.value }))} aria-invalid={errors.clipboardClearSeconds ? true : undefined} />
            <p className="help">Copied account details are wiped after this long. 0 keeps them.</p>
            {error('clipboardClearSeconds')}
          </div>
          <div className="field">
            <label htmlFor={id('days')}>Keep history for (days)</label>
            <input id={id('days')} type="number" inputMode="numeric" min={1} max={3650} value={numbers.retentionDays} onChange={(e) => setNumbers((n) => ({ ...n, retentionDays: e.target.value }))} aria-invalid={errors.retentionDays ? true : undefined} />
            <p className="help">Older orders are deleted from this computer.</p>
            {error('retentionDays')}
          </div>
          <div className="field">
            <label htmlFor={id('shortcut')}>Global shortcut</label>
            <input id={id('shortcut')} autoComplete="off" spellCheck={false} value={shortcut} onChange={(e) => setShortcut(e.target.value)} placeholder="Ctrl+Alt+R" aria-invalid={errors.globalShortcut ? true : undefined} />
            <p className="help">{shortcut.trim() ? `${formatAccelerator(shortcut)} brings` : 'Brings'} RPD Desk to the front from any app. Leave empty for none.</p>
            {error('globalShortcut')}
          </div>
        </div>
        <div className="check-row">
          <input id={id('updates')} type="checkbox" checked={autoUpdate} onChange={(e) => setAutoUpdate(e.target.checked)} />
          <label htmlFor={id('updates')}>Install updates automatically</label>
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" disabled={busy} aria-busy={busy}>
          Save preferences
        </button>
      </div>
      {error('form')}
      <p className="saved" role="status">
        {saved}
      </p>
    </form>
  );
}
