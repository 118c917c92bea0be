import type { LiveTable } from '../tables/live-table.ts';

/**
 * What the jobs need to know of a live table, wherever in the cluster its
 * room runs: a cut of the admin's `LiveTable`. The server provides it from
 * the matchMaker's listings (the admin table control); tests plant their own.
 */
export type LiveTableLoad = Pick<LiveTable, 'tableId' | 'processId' | 'clients' | 'seated' | 'waiting' | 'maxSeats'> & {
  /** Closing after the current hand: it neither counts as open capacity nor can be closed again. */
  closing?: boolean;
};

export type LiveTables = () => Promise<LiveTableLoad[]>;
