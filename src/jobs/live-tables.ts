/**
 * What the jobs need to know of a live table, wherever in the cluster its
 * room runs. The server provides it from the matchMaker's listings (the
 * admin table control); tests plant their own.
 */
export type LiveTableLoad = {
  tableId: string;
  /** The Felt process running the room, when known. */
  processId: string | null;
  /** Connections to the room: seated players who are connected, and watchers. */
  clients: number;
  seated: number;
  /** Players on the table's waiting list. */
  waiting: number;
  maxSeats: number;
  /** Closing after the current hand: it neither counts as open capacity nor can be closed again. */
  closing?: boolean;
};

export type LiveTables = () => Promise<LiveTableLoad[]>;
