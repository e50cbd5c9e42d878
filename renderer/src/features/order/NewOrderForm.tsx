import { useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import type { FormEvent, Ref } from 'react';
import type { Order } from '../../../../shared/domain.ts';
import type { AppError, Result } from '../../../../shared/result.ts';
import { validateName } from '../../../../shared/names.ts';
import { ErrorNotice } from '../shell/ErrorNotice.tsx';

export interface NewOrderInput {
  name: string;
  note?: string;
}

export interface NewOrderFormHandle {
  /** Clears the form (or fills in a name from a link) and puts the cursor in the name field (Ctrl/Cmd+N). */
  startNew(name?: string): void;
}

interface Props {
  create: (input: NewOrderInput) => Promise<Result<Order>>;
  onCreated: (order: Order) => void;
  /** The agent started typing a name: a good moment to open the connection. */
  onStartTyping?: () => void;
  ref?: Ref<NewOrderFormHandle>;
}

export function NewOrderForm({ create, onCreated, onStartTyping, ref }: Props) {
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  // What is in the fields now: typing during a slow Generate must survive its answer.
  const typed = useRef({ name, note });
  useEffect(() => {
    typed.current = { name, note };
  }, [name, note]);
  const messageId = useId();
  const nameId = useId();
  const noteId = useId();
  const check = validateName(name);
  // As you type; a blank field is only complained about once Generate was pressed.
  const invalid = !check.ok && (submitted || name.trim().length > 0);

  useImperativeHandle(ref, () => ({
    startNew(prefill = '') {
      setName(prefill);
      setNote('');
      setSubmitted(false);
      setError(null);
      nameInput.current?.focus();
    },
  }));

  async function send() {
    if (!check.ok || busy) return;
    setBusy(true);
    setError(null);
    const sent = { name, note };
    const trimmedNote = note.trim();
    const r = await create(trimmedNote ? { name: check.name, note: trimmedNote } : { name: check.name });
    setBusy(false);
    if (r.ok) {
      // The next customer starts from an empty form, unless the agent already began typing it;
      // on failure everything typed stays.
      const changed = typed.current.name !== sent.name || typed.current.note !== sent.note;
      if (!changed) {
        setName('');
        setNote('');
      }
      setSubmitted(false);
      onCreated(r.data);
      nameInput.current?.focus();
    } else {
      setError(r.error);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!check.ok) {
      nameInput.current?.focus();
      return;
    }
    void send();
  }

  return (
    <form className="new-order" onSubmit={submit} noValidate aria-label="New order">
      <label htmlFor={nameId}>Customer name</label>
      <input
        id={nameId}
        ref={nameInput}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        value={name}
        onChange={(e) => {
          if (!name && e.target.value) onStartTyping?.();
          setName(e.target.value);
        }}
        aria-invalid={invalid}
        aria-describedby={messageId}
        placeholder="As on the bank account"
      />
      <div id={messageId} className={`field-message ${check.ok ? 'field-hint' : ''}`} role={invalid ? 'alert' : undefined}>
        {invalid && !check.ok ? check.reason : check.ok && check.hint ? check.hint : ''}
        {invalid && !check.ok && check.suggestion && (
          <button
            type="button"
            className="link-button suggestion"
            onClick={() => {
              setName(check.suggestion ?? name);
              nameInput.current?.focus();
            }}
          >
            {`Use “${check.suggestion}”`}
          </button>
        )}
      </div>
      <label htmlFor={noteId} className="optional">
        Reference note <span>optional</span>
      </label>
      <input
        id={noteId}
        aria-label="Reference note"
        autoComplete="off"
        value={note}
        maxLength={500}
        onChange={(e) => setNote(e.target.value)}
        placeholder="Ticket or loan number"
      />
      <button type="submit" className="primary generate" disabled={busy} aria-busy={busy}>
        {busy ? (
          <>
            <span className="spinner" aria-hidden="true" /> Generating…
          </>
        ) : (
          'Generate'
        )}
      </button>
      {error && <ErrorNotice error={error} onRetry={() => void send()} busy={busy} />}
    </form>
  );
}
