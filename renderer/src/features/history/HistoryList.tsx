// The history rows as a virtualized listbox: fixed row height, only the rows in view (plus a
// few) in the DOM, so 100,000 loaded orders scroll like 100. The listbox keeps focus and points
// at the selected row with aria-activedescendant.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent, Ref } from 'react';
import type { HistoryRow } from '../../../../shared/history.ts';
import { istShort } from '../../../../shared/ist.ts';
import { PROFILE_WORDS, nameMatchWords } from '../../../../shared/words.ts';
import { VerdictBadge } from '../order/VerdictBadge.tsx';

export const ROW_HEIGHT = 34;
/** Ask for the next page while this many loaded rows are still below the view. */
const LOAD_AHEAD_ROWS = 60;

export interface HistoryListHandle {
  /** Focuses the list, selecting the first row when none is. */
  focus(): void;
  /** Keeps what the agent sees in place after `count` rows were put above it. */
  shiftBy(count: number): void;
  /** Back to the newest, after the list was replaced by another search. */
  toTop(): void;
}

interface Props {
  rows: HistoryRow[];
  hasMore: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  onNearEnd: () => void;
  /** Up from the first row: back to the search box. */
  onLeaveTop?: () => void;
  handle?: Ref<HistoryListHandle>;
}

export const optionId = (verificationId: string): string => `history-row-${verificationId}`;

export function HistoryList({ rows, hasMore, selectedId, onSelect, onOpen, onNearEnd, onLeaveTop, handle }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app is not built with the React Compiler, which is what this rule protects.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // React 19 batches the scroll re-render itself; flushSync from a layout effect only warns.
    useFlushSync: false,
    getItemKey: (index) => rows[index]?.verificationId ?? index,
  });
  const items = virtualizer.getVirtualItems();
  // Scrolling renders often; the lookup runs only when the rows or the selection change.
  const selectedIndex = useMemo(() => (selectedId === null ? -1 : rows.findIndex((r) => r.verificationId === selectedId)), [rows, selectedId]);
  const lastVisible = items[items.length - 1]?.index ?? -1;

  useImperativeHandle(
    handle,
    () => ({
      focus: () => {
        scrollRef.current?.focus();
        if (selectedIndex < 0) move(0);
      },
      shiftBy: (count) => {
        const el = scrollRef.current;
        // At the very top the new rows should show; further down the view stays on its rows.
        if (el && el.scrollTop > 0) el.scrollTop += count * ROW_HEIGHT;
      },
      toTop: () => virtualizer.scrollToOffset(0),
    }),
  );

  useEffect(() => {
    if (hasMore && lastVisible >= rows.length - LOAD_AHEAD_ROWS) onNearEnd();
  }, [hasMore, lastVisible, rows.length, onNearEnd]);

  // Keyboard moves keep the selected row in view.
  const pendingScroll = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (pendingScroll.current !== null) {
      virtualizer.scrollToIndex(pendingScroll.current, { align: 'auto' });
      pendingScroll.current = null;
    }
  });

  function move(to: number): void {
    if (rows.length === 0) return;
    const index = Math.max(0, Math.min(rows.length - 1, to));
    const row = rows[index];
    if (!row) return;
    pendingScroll.current = index;
    onSelect(row.verificationId);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const at = selectedIndex;
    switch (e.key) {
      case 'ArrowDown':
        move(at + 1);
        break;
      case 'ArrowUp':
        if (at <= 0 && onLeaveTop) onLeaveTop();
        else move(at - 1);
        break;
      case 'PageDown':
        move(at + page);
        break;
      case 'PageUp':
        move(at - page);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(rows.length - 1);
        break;
      case 'Enter':
      case ' ':
        if (at >= 0) onOpen(rows[at]!.verificationId);
        else move(0);
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  const selectedRendered = items.some((v) => v.index === selectedIndex);
  return (
    <div
      ref={scrollRef}
      className="history-list"
      role="listbox"
      aria-label="Orders, newest first"
      tabIndex={0}
      aria-activedescendant={selectedRendered && selectedId ? optionId(selectedId) : undefined}
      onKeyDown={onKeyDown}
    >
      <div role="presentation" className="history-list-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((v) => {
          const row = rows[v.index];
          if (!row) return null;
          const selected = v.index === selectedIndex;
          return (
            <div
              key={v.key}
              id={optionId(row.verificationId)}
              role="option"
              aria-selected={selected}
              aria-posinset={v.index + 1}
              aria-setsize={hasMore ? -1 : rows.length}
              className="history-row"
              style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
              onMouseDown={(e) => e.preventDefault() /* keep focus on the listbox, not on the row */}
              onClick={() => {
                scrollRef.current?.focus();
                onSelect(row.verificationId);
                onOpen(row.verificationId);
              }}
            >
              {/* The row's name is its visible text, cell by cell (the spaces keep the words apart);
                  the columns a narrow window hides (match, profile) come last. */}
              <span className="col-time">{istShort(row.createdAt)}</span>{' '}
              <span className="col-name" title={row.name}>
                {row.name}
              </span>{' '}
              <span className="col-state">
                <VerdictBadge verdict={row.verdict} />
              </span>{' '}
              <span className="col-account">{row.maskedAccount ?? '—'}</span>{' '}
              <span className={`col-match tone-${nameMatchWords(row.matchResult).tone}`}>{row.matchResult ? nameMatchWords(row.matchResult).label : '—'}</span>{' '}
              <span className={`col-profile profile-${row.profile}`}>{PROFILE_WORDS[row.profile]}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
