// How numbers, times and codes read on screen. Presentation only.

const chips = new Intl.NumberFormat('en-US');

export function formatChips(amount: number): string {
  return chips.format(amount);
}

export function formatSigned(amount: number): string {
  return amount > 0 ? `+${chips.format(amount)}` : chips.format(amount);
}

export function formatPercent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? '—' : `${Math.round(ratio * 100)}%`;
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}

/** PHH variant codes (PROTOCOL.md, "Games") as players know them. */
const VARIANT_NAMES: Record<string, string> = {
  NT: "No-limit Hold'em",
  FT: "Limit Hold'em",
  NS: 'Short Deck',
  PO: 'Pot-limit Omaha',
  'FO/8': 'Limit Omaha Hi-Lo',
  F7S: 'Seven-card Stud',
  'F7S/8': 'Stud Hi-Lo',
  FR: 'Razz',
  N2L1D: '2-7 Single Draw',
  F2L3D: '2-7 Triple Draw',
  FB: 'Badugi',
};

export function variantName(code: string): string {
  return VARIANT_NAMES[code] ?? code;
}

/** Seconds left until an epoch-ms deadline, never below zero. */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}
