// Choosing the cards to throw away in a draw game. Choosing only: at most
// `Seat.legal.maxDiscards`, as the server says; the server checks the draw.

/** `chosen` with `card` added or taken out; past `most` nothing is added. */
export function toggleDiscard(chosen: readonly string[], card: string, most: number): string[] {
  if (chosen.includes(card)) return chosen.filter((c) => c !== card);
  return chosen.length < most ? [...chosen, card] : [...chosen];
}
