// The offline history: search as you type, filters, a virtualized list newest first, the detail
// of one order, export and delete. Everything goes through the contract channels in `api`.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract.ts';
import type { NameMatchResult, OrderState, ProfileKind } from '../../../../shared/domain.ts';
import type { HistoryQuery } from '../../../../shared/history.ts';
import type { HistoryApi } from './api.ts';
import { FOCUS_HISTORY_SEARCH_EVENT, isFindShortcut } from './focus.ts';
import { DeleteAllButton, ExportButton } from './HistoryActions.tsx';
import type { ActionNotice } from './HistoryActions.tsx';
import { HistoryDetail } from './HistoryDetail.tsx';
import { HistoryList } from './HistoryList.tsx';
import type { HistoryListHandle } from './HistoryList.tsx';
import { useHistoryList } from './useHistoryList.ts';
import { VERDICTS } from '../../../../shared/verdict.ts';
import type { Verdict } from '../../../../shared/verdict.ts';
import { NAME_MATCH_WORDS, PROFILE_WORDS, STATE_WORDS, VERDICT_WORDS } from '../../../../shared/words.ts';
import { dayEnd, dayStart } from './words.ts';
import './history.css';

/** Light: the store answers a prefix search in a few ms, so this only skips keys typed together. */
export const SEARCH_DEBOUNCE_MS = 60;
const INFO_REFRESH_MS = 500;
const FIND_KEY = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘F' : 'Ctrl+F';

const STATUS_CHOICES: { value: string; label: string; states: OrderState[] }[] = [
  { value: 'success', label: STATE_WORDS.success, states: ['success'] },
  { value: 'open', label: 'Not final yet', states: ['creating', 'created'] },
  { value: 'failure', label: STATE_WORDS.failure, states: ['failure'] },
  { value: 'expired', label: STATE_WORDS.expired, states: ['expired'] },
  { value: 'create_failed', label: STATE_WORDS.create_failed, states: ['create_failed'] },
];
const MATCH_CHOICES: { value: NameMatchResult | 'none'; label: string }[] = [
  ...(Object.keys(NAME_MATCH_WORDS) as NameMatchResult[]).map((value) => ({ value, label: NAME_MATCH_WORDS[value].label })),
  { value: 'none', label: 'No result yet' },
];
const PROFILE_CHOICES = (Object.entries(PROFILE_WORDS) as [ProfileKind, string][]).map(([value, label]) => ({ value, label }));
const VERDICT_CHOICES = VERDICTS.map((value) => ({ value, label: VERDICT_WORDS[value].label }));

/** One filter of the list: "Any ..." first, then its choices in the app's words. */
function FilterSelect({ label, any, value, choices, onChange }: { label: string; any: string; value: string; choices: readonly { value: string; label: string }[]; onChange: (value: string) => void }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{any}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

export interface HistoryFilters {
  verdict: string;
  status: string;
  match: string;
  profile: string;
  from: string;
  to: string;
}
const NO_FILTERS: HistoryFilters = { verdict: '', status: '', match: '', profile: '', from: '', to: '' };

export function toQuery(text: string, f: HistoryFilters): HistoryQuery {
  const query: HistoryQuery = {};
  if (text.trim() !== '') query.text = text.trim();
  if ((VERDICTS as readonly string[]).includes(f.verdict)) query.verdicts = [f.verdict as Verdict];
  const status = STATUS_CHOICES.find((c) => c.value === f.status);
  if (status) query.states = status.states;
  const match = MATCH_CHOICES.find((c) => c.value === f.match);
  if (match) query.matchResults = [match.value];
  const profile = PROFILE_CHOICES.find((c) => c.value === f.profile);
  if (profile) query.profiles = [profile.value];
  const from = dayStart(f.from);
  const to = dayEnd(f.to);
  if (from !== undefined) query.from = from;
  if (to !== undefined) query.to = to;
  return query;
}

type Info = ChannelOutput<'history.info'>;

export function HistoryView({ api }: { api: HistoryApi }) {
  const [text, setText] = useState('');
  const [searchedText, setSearchedText] = useState('');
  const [filters, setFilters] = useState<HistoryFilters>(NO_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [info, setInfo] = useState<Info | null>(null);
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HistoryListHandle>(null);

  useEffect(() => {
    const timer = setTimeout(() => setSearchedText(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const query = useMemo(() => toQuery(searchedText, filters), [searchedText, filters]);
  const list = useHistoryList(api, query);
  const filtered = Object.keys(query).length > 0;
  const filtersSet = Object.values(filters).some((v) => v !== '');

  // New orders were put above: keep the rows the agent is looking at where they are.
  const prepended = list.prepended;
  useLayoutEffect(() => {
    if (prepended) listRef.current?.shiftBy(prepended.count);
  }, [prepended]);
  useLayoutEffect(() => listRef.current?.toTop(), [list.resets]);

  const loadInfo = useCallback(() => {
    void api['history.info'](undefined).then((r) => r.ok && setInfo(r.data));
  }, [api]);
  useEffect(() => {
    loadInfo();
    // New orders change the count whether or not they match the filter; one count per burst.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('order.updated', () => {
      if (timer === null) timer = setTimeout(() => ((timer = null), loadInfo()), INFO_REFRESH_MS);
    });
    const offPruned = api.on('history.pruned', loadInfo);
    return () => {
      off();
      offPruned();
      if (timer !== null) clearTimeout(timer);
    };
  }, [api, loadInfo]);

  useEffect(() => {
    const focusSearch = (): void => {
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    const onKey = (e: KeyboardEvent): void => {
      if (!isFindShortcut(e)) return;
      e.preventDefault();
      focusSearch();
    };
    window.addEventListener(FOCUS_HISTORY_SEARCH_EVENT, focusSearch);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener(FOCUS_HISTORY_SEARCH_EVENT, focusSearch);
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  const setFilter = (key: keyof HistoryFilters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));

  function afterAction(n: ActionNotice): void {
    setNotice(n);
    loadInfo();
    list.reload();
  }

  function afterDelete(n: ActionNotice): void {
    setSelectedId(null);
    setOpenId(null);
    afterAction(n);
  }

  return (
    <div className="history">
      <div className="history-head">
        <h2>History</h2>
        <InfoLine info={info} />
        <div className="history-actions">
          <ExportButton api={api} query={query} onDone={setNotice} />
          <DeleteAllButton api={api} total={info?.count ?? null} onDone={afterDelete} />
        </div>
      </div>
      {notice && (
        <p className={`history-notice ${notice.kind === 'error' ? 'error' : ''}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
          <button type="button" className="link" onClick={() => setNotice(null)} aria-label="Dismiss">
            ×
          </button>
        </p>
      )}
      <div className="history-filters" role="search" aria-label="History filters">
        <input
          ref={searchRef}
          type="search"
          className="history-search"
          aria-label="Search history"
          aria-keyshortcuts="Control+F Meta+F"
          placeholder={`Search name, id or note (${FIND_KEY})`}
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || (e.key === 'Enter' && list.rows.length > 0)) {
              e.preventDefault();
              listRef.current?.focus();
            }
          }}
        />
        <FilterSelect label="Verdict" any="Any verdict" value={filters.verdict} choices={VERDICT_CHOICES} onChange={setFilter('verdict')} />
        <FilterSelect label="Status" any="Any status" value={filters.status} choices={STATUS_CHOICES} onChange={setFilter('status')} />
        <FilterSelect label="Match result" any="Any match result" value={filters.match} choices={MATCH_CHOICES} onChange={setFilter('match')} />
        <FilterSelect label="Profile" any="Any profile" value={filters.profile} choices={PROFILE_CHOICES} onChange={setFilter('profile')} />
        <span className="history-dates">
          <input type="date" aria-label="From" title="From" value={filters.from} max={filters.to || undefined} onChange={(e) => setFilter('from')(e.target.value)} />
          <span aria-hidden="true">–</span>
          <input type="date" aria-label="To" title="To" value={filters.to} min={filters.from || undefined} onChange={(e) => setFilter('to')(e.target.value)} />
        </span>
        {filtered && (
          <button
            type="button"
            className="link"
            onClick={() => {
              setText('');
              setSearchedText('');
              setFilters(NO_FILTERS);
            }}
          >
            Clear
          </button>
        )}
      </div>
      <div className="history-body">
        <div className="history-results">
          <div className="history-columns" aria-hidden="true">
            <span className="col-time">Created (IST) ↓</span>
            <span className="col-name">Name</span>
            <span className="col-state">Verdict</span>
            <span className="col-account">Account</span>
            <span className="col-match">Match</span>
            <span className="col-profile">Profile</span>
          </div>
          {list.status === 'error' ? (
            <div className="history-empty" role="alert">
              <p>{`The history could not be loaded. ${list.error?.message ?? ''}`}</p>
              <button type="button" className="secondary" onClick={list.reload}>
                Try again
              </button>
            </div>
          ) : list.status === 'loading' ? (
            <p className="history-empty">Loading history…</p>
          ) : list.rows.length === 0 ? (
            <p className="history-empty">{emptySentence(searchedText, filtersSet)}</p>
          ) : (
            <HistoryList
              handle={listRef}
              rows={list.rows}
              hasMore={list.nextCursor !== null}
              selectedId={selectedId}
              onSelect={setSelectedId}
              onOpen={setOpenId}
              onNearEnd={list.loadMore}
              onLeaveTop={() => searchRef.current?.focus()}
            />
          )}
          <p className="history-foot" role="status">
            {footSentence(list.rows.length, list.nextCursor !== null, list.status === 'ready')}
            {list.loadingMore && ' Loading more…'}
            {list.moreError && (
              <>
                {` More orders could not be loaded. ${list.moreError.message} `}
                <button type="button" className="link" onClick={list.loadMore}>
                  Try again
                </button>
              </>
            )}
          </p>
        </div>
        <aside className="history-detail" aria-label="Order details">
          {openId ? (
            <HistoryDetail key={openId} api={api} verificationId={openId} />
          ) : (
            <p className="history-detail-empty">Select an order and press Enter to see the full result.</p>
          )}
        </aside>
      </div>
    </div>
  );
}

function InfoLine({ info }: { info: Info | null }) {
  if (!info) return <p className="history-info" />;
  const kept = `${info.count.toLocaleString('en-IN')} ${info.count === 1 ? 'order' : 'orders'} on this computer, kept for ${info.retentionDays} days.`;
  return (
    <p className="history-info">
      {kept}{' '}
      {info.protection === 'keyfile' ? (
        <span className="tone-warn">History is protected by a key file only, which is weaker than the OS keychain.</span>
      ) : (
        <span>Bank details are encrypted with a key kept in the OS keychain.</span>
      )}
    </p>
  );
}

function emptySentence(text: string, filtersSet: boolean): string {
  const words = text.trim();
  if (words && filtersSet) return `No orders match “${words}” with these filters.`;
  if (words) return `No orders match “${words}”.`;
  if (filtersSet) return 'No orders match these filters.';
  return 'No orders yet. Orders you create appear here, newest first.';
}

function footSentence(loaded: number, more: boolean, ready: boolean): string {
  if (!ready || loaded === 0) return '';
  const n = loaded.toLocaleString('en-IN');
  return more ? `Showing the newest ${n}; scroll for older orders.` : `${n} ${loaded === 1 ? 'order' : 'orders'}.`;
}
