import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { Order } from '../../../../shared/domain.ts';
import type { AppError } from '../../../../shared/result.ts';
import { validateName } from '../../../../shared/names.ts';
import { api } from '../../api.ts';

export function NewOrderForm({ onCreated }: { onCreated: (order: Order) => void }) {
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const messageId = useId();
  const check = validateName(name);
  const invalid = touched && !check.ok;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!check.ok || busy) return;
    setBusy(true);
    setError(null);
    const r = await api['order.create']({ name: check.name });
    setBusy(false);
    if (r.ok) onCreated(r.data);
    else setError(r.error);
  }

  return (
    <form onSubmit={submit} noValidate>
      <label htmlFor="customer-name">Customer name</label>
      <input
        id="customer-name"
        autoFocus
        autoComplete="off"
        value={name}
        onChange={(e) => setName(e.target.value)}
        onBlur={() => setTouched(name.length > 0)}
        aria-invalid={invalid}
        aria-describedby={messageId}
      />
      <p id={messageId} className="field-message" role={invalid ? 'alert' : undefined}>
        {invalid && !check.ok ? check.reason : ''}
      </p>
      <button type="submit" disabled={busy} aria-busy={busy}>
        {busy ? 'Generating…' : 'Generate'}
      </button>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
    </form>
  );
}
