// Lines the table page shows above the felt about the table itself: the
// mixed-game rotation and its countdown. Read from the state, decided nowhere here.
import { variantName } from './format.ts';
import type { TableView } from './table-view.ts';

/** The game after the one dealt now, when the rotation lists its games. */
function nextGame(view: TableView): string | null {
  const games = view.rotationGames;
  const index = games.indexOf(view.variant);
  if (index < 0 || games.length < 2) return null;
  return games[(index + 1) % games.length];
}

/**
 * `HORSE: Razz now; Seven-card Stud after 3 more hands`, or '' at a
 * single-game table. `handsToNextGame` counts the current game's hands still
 * to be dealt after the one in play (0: the next hand is the next game).
 */
export function rotationText(view: TableView): string {
  if (!view.rotation && view.rotationGames.length === 0) return '';
  const label = view.rotation || 'Mixed games';
  const next = nextGame(view);
  const hands = view.handsToNextGame;
  const game = next ? variantName(next) : 'the next game';
  const change = hands === 0 ? `; ${game} from the next hand` : `; ${game} after ${hands} more hand${hands === 1 ? '' : 's'}`;
  return `${label}: ${variantName(view.variant)} now${change}`;
}

/** The stakes as players name them: blinds, a limit game's bets, stud's ante and bring-in. */
export function stakesText(view: TableView, chips: (n: number) => string): string {
  const ante = view.ante ? ` · ante ${chips(view.ante)}` : '';
  if (view.bringIn > 0) return `${chips(view.smallBet)}/${chips(view.bigBet)}${ante} · bring-in ${chips(view.bringIn)}`;
  const limit = view.smallBet > 0 ? ` · limit ${chips(view.smallBet)}/${chips(view.bigBet)}` : '';
  return `${chips(view.smallBlind)}/${chips(view.bigBlind)}${limit}${ante}`;
}
