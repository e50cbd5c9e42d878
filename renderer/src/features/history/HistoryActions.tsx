// Export CSV of the current filter, and Delete all history, each behind a short dialog.
import { useState } from 'react';
import type { HistoryQuery } from '../../../../shared/history.ts';
import type { HistoryApi } from './api.ts';
import { downloadBlob } from '../../lib/download.ts';
import { Dialog } from './Dialog.tsx';

export type ActionNotice = { kind: 'info' | 'error'; text: string };

const count = (n: number): string => `${n.toLocaleString('en-IN')} ${n === 1 ? 'order' : 'orders'}`;

export function csvFileName(now: Date = new Date()): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `rpd-history-${day}.csv`;
}

export function ExportButton({ api, query, onDone }: { api: HistoryApi; query: HistoryQuery; onDone: (n: ActionNotice) => void }) {
  const [open, setOpen] = useState(false);
  const [full, setFull] = useState(false);
  const [busy, setBusy] = useState(false);

  async function run(): Promise<void> {
    setBusy(true);
    const answer = await api['history.export']({ query, full });
    setBusy(false);
    setOpen(false);
    setFull(false);
    if (!answer.ok) return onDone({ kind: 'error', text: `The history could not be exported. ${answer.error.message}` });
    const { rows, savedTo, csv } = answer.data;
    if (savedTo !== null) return onDone({ kind: 'info', text: `Saved to ${savedTo} (${count(rows)}).` });
    if (csv === null) return onDone({ kind: 'info', text: 'Export cancelled: no file was saved.' });
    const name = csvFileName();
    // In a browser the CSV comes back as text.
    downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), name);
    onDone({ kind: 'info', text: `Exported ${count(rows)} to ${name}.` });
  }

  return (
    <>
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Export CSV
      </button>
      {open && (
        <Dialog title="Export CSV" onCancel={() => !busy && setOpen(false)} initialFocus=".dialog-buttons button">
          <p>The file lists every order that matches the current search and filters, newest first.</p>
          <label className="inline-check">
            <input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} />
            Include full bank details
          </label>
          {full ? (
            <p className="warning">
              The file will hold full account numbers, UPI ids, UTRs and names at bank. Save it only where your company allows
              customers&apos; personal data, and delete it when you are done.
            </p>
          ) : (
            <p className="hint">Accounts are masked to their last four digits.</p>
          )}
          <div className="dialog-buttons">
            <button type="button" onClick={() => void run()} disabled={busy} aria-busy={busy}>
              {busy ? 'Exporting…' : 'Export'}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)} disabled={busy}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

export function DeleteAllButton({ api, total, onDone }: { api: HistoryApi; total: number | null; onDone: (n: ActionNotice) => void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  async function run(): Promise<void> {
    setBusy(true);
    const answer = await api['history.deleteAll']({ confirm: true });
    setBusy(false);
    setOpen(false);
    onDone(
      answer.ok
        ? { kind: 'info', text: `Deleted ${count(answer.data.deleted)} from this computer.` }
        : { kind: 'error', text: `The history could not be deleted. ${answer.error.message}` },
    );
  }

  return (
    <>
      <button type="button" className="secondary danger" onClick={() => setOpen(true)} disabled={total === 0}>
        Delete all history
      </button>
      {open && (
        <Dialog title="Delete all history?" onCancel={() => !busy && setOpen(false)}>
          <p>
            {total === null ? 'Every order' : `All ${count(total)}`} on this computer will be deleted, with their bank details. This
            cannot be undone. Cashfree keeps its own records.
          </p>
          <div className="dialog-buttons">
            <button type="button" className="secondary" onClick={() => setOpen(false)} disabled={busy}>
              Cancel
            </button>
            <button type="button" className="danger" onClick={() => void run()} disabled={busy} aria-busy={busy}>
              {busy ? 'Deleting…' : 'Delete all'}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
