// One playing card as PROTOCOL.md writes it: rank then suit (`As`, `Td`), `??` face down.

const RANKS: Record<string, string> = {
  '2': 'Two', '3': 'Three', '4': 'Four', '5': 'Five', '6': 'Six', '7': 'Seven', '8': 'Eight', '9': 'Nine',
  T: 'Ten', J: 'Jack', Q: 'Queen', K: 'King', A: 'Ace',
};
const SUITS: Record<string, { name: string; symbol: string }> = {
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

export function Card({ card, small, selected, onToggle }: { card: string; small?: boolean; selected?: boolean; onToggle?: () => void }) {
  const known = isKnownCard(card);
  const classes = ['card', known ? `suit-${card[1]}` : 'back', small ? 'small' : '', selected ? 'selected' : ''].filter(Boolean).join(' ');
  const face = known ? <><span class="rank">{card[0] === 'T' ? '10' : card[0]}</span><span class="suit">{SUITS[card[1]].symbol}</span></> : null;
  if (onToggle) {
    return (
      <button type="button" class={classes} data-card={card} aria-pressed={selected ? 'true' : 'false'} aria-label={`Discard ${cardName(card)}`} onClick={onToggle}>
        {face}
      </button>
    );
  }
  return <span class={classes} data-card={known ? card : HIDDEN_CARD} role="img" aria-label={cardName(card)}>{face}</span>;
}

export function Cards({ cards, small, label }: { cards: readonly string[]; small?: boolean; label?: string }) {
  return (
    <span class="cards" role="group" aria-label={label}>
      {cards.map((card, i) => <Card key={i} card={card} small={small} />)}
    </span>
  );
}
