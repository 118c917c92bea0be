// One playing card, face up or face down.
import { cardName, HIDDEN_CARD, isKnownCard, SUITS } from './cards.ts';

export { cardName, HIDDEN_CARD, isKnownCard } from './cards.ts';

export function Card({ card, small, selected, up, onToggle }: { card: string; small?: boolean; selected?: boolean; up?: boolean; onToggle?: () => void }) {
  const known = isKnownCard(card);
  const classes = ['card', known ? `suit-${card[1]}` : 'back', small ? 'small' : '', selected ? 'selected' : '', up ? 'up' : ''].filter(Boolean).join(' ');
  const face = known ? <><span class="rank">{card[0] === 'T' ? '10' : card[0]}</span><span class="suit">{SUITS[card[1]].symbol}</span></> : null;
  if (onToggle) {
    return (
      <button type="button" class={classes} data-card={card} aria-pressed={selected ? 'true' : 'false'} aria-label={`Discard ${cardName(card)}`} onClick={onToggle}>
        {face}
      </button>
    );
  }
  return <span class={classes} data-card={known ? card : HIDDEN_CARD} data-up={up ? 'true' : undefined} role="img" aria-label={up ? `${cardName(card)}, face up` : cardName(card)}>{face}</span>;
}

/** A hand of cards; `upCards` (stud) are marked as dealt face up. */
export function Cards({ cards, small, label, shown, upCards }: { cards: readonly string[]; small?: boolean; label?: string; shown?: boolean; upCards?: readonly string[] }) {
  return (
    <span class="cards" role="group" aria-label={label} data-shown={shown ? 'true' : undefined}>
      {cards.map((card, i) => <Card key={i} card={card} small={small} up={Boolean(upCards?.includes(card)) && card !== HIDDEN_CARD} />)}
    </span>
  );
}
