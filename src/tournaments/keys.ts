/**
 * Deterministic ids and ledger keys. A key names one movement of money once
 * and for all, so the ledger does it once however often it is asked (a
 * crash between deciding and paying pays on restore under the same key).
 */

export function tableIdOf(tournamentId: string, number: number): string {
  return `${tournamentId}-t${number}`;
}

export function moveIdOf(number: number): string {
  return `m${number}`;
}

/** The number in a move id, or null when it is not one. */
export function moveNumberOf(moveId: string): number | null {
  const match = typeof moveId === 'string' ? /^m([1-9][0-9]*)$/.exec(moveId) : null;
  return match ? Number(match[1]) : null;
}

export function buyInKey(tournamentId: string, playerId: string, entry: number): string {
  return `tournament-buyin:${tournamentId}:${playerId}:${entry}`;
}

export function rebuyKey(tournamentId: string, playerId: string, number: number): string {
  return `tournament-rebuy:${tournamentId}:${playerId}:${number}`;
}

export function addOnKey(tournamentId: string, playerId: string): string {
  return `tournament-addon:${tournamentId}:${playerId}`;
}

/** The refund of a sale: an entry's by its number (as the design names it), a rebuy's and the add-on's by what they were. */
export function refundKey(tournamentId: string, playerId: string, kind: 'entry' | 'rebuy' | 'addOn', number: number): string {
  if (kind === 'entry') return `tournament-refund:${tournamentId}:${playerId}:${number}`;
  if (kind === 'rebuy') return `tournament-refund:${tournamentId}:${playerId}:rebuy:${number}`;
  return `tournament-refund:${tournamentId}:${playerId}:addon`;
}

export function prizeKey(tournamentId: string, playerId: string, entry: number): string {
  return `tournament-prize:${tournamentId}:${playerId}:${entry}`;
}
