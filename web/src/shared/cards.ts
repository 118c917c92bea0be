// Cards as PROTOCOL.md writes them: rank then suit (`As`, `Td`), `??` face down.

const RANKS: Record<string, string> = {
  '2': 'Two', '3': 'Three', '4': 'Four', '5': 'Five', '6': 'Six', '7': 'Seven', '8': 'Eight', '9': 'Nine',
  T: 'Ten', J: 'Jack', Q: 'Queen', K: 'King', A: 'Ace',
};
export const SUITS: Record<string, { name: string; symbol: string }> = {
  c: { name: 'clubs', symbol: '♣' }, d: { name: 'diamonds', symbol: '♦' },
  h: { name: 'hearts', symbol: '♥' }, s: { name: 'spades', symbol: '♠' },
};

export const HIDDEN_CARD = '??';

export function isKnownCard(card: string): boolean {
  return card.length === 2 && card[0] in RANKS && card[1] in SUITS;
}

export function cardName(card: string): string {
  return isKnownCard(card) ? `${RANKS[card[0]]} of ${SUITS[card[1]].name}` : 'face-down card';
}
