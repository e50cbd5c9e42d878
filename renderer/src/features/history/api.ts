// The channels the history view uses: a narrow slice of the contract, so tests can hand in a
// small implementation and the view cannot reach anything else.
import type { RpdApi } from '../../../../shared/contract.ts';

export type HistoryApi = Pick<
  RpdApi,
  'history.search' | 'history.info' | 'history.export' | 'history.deleteAll' | 'order.get' | 'order.recheck' | 'clipboard.write' | 'on'
>;
