// Clockwise seat arithmetic on a table of `size` seats. Positions may be -1 ("none yet").

/** How many steps clockwise from seat `from` to seat `to` (0 when they are the same seat). */
export function stepsClockwise(from: number, to: number, size: number): number {
  return (((to - from) % size) + size) % size;
}

/** Every seat once, starting just left of `from` and ending on `from`; from seat 0 when `from` is -1. */
export function seatsAfter(from: number, size: number): number[] {
  const start = from < 0 ? 0 : from + 1;
  return Array.from({ length: size }, (_, k) => (start + k) % size);
}

/** The first seat clockwise after `from` (wrapping round to `from` itself last) that passes `test`, or -1. */
export function firstAfter(from: number, size: number, test: (seat: number) => boolean): number {
  return seatsAfter(from, size).find(test) ?? -1;
}

/** The first seat counter-clockwise before `from` (wrapping round to `from` itself last) that passes `test`, or -1. */
export function firstBefore(from: number, size: number, test: (seat: number) => boolean): number {
  for (let k = 1; k <= size; k++) {
    const seat = (((from - k) % size) + size) % size;
    if (test(seat)) return seat;
  }
  return -1;
}

/** Whether `seat` lies strictly between `from` and `to` going clockwise. */
export function strictlyBetween(seat: number, from: number, to: number, size: number): boolean {
  const steps = stepsClockwise(from, seat, size);
  return steps > 0 && steps < stepsClockwise(from, to, size);
}

/** Whether `seat` lies after `from` and up to `to` inclusive going clockwise (never when from is to). */
export function passedOnTheWay(seat: number, from: number, to: number, size: number): boolean {
  const steps = stepsClockwise(from, seat, size);
  return steps > 0 && steps <= stepsClockwise(from, to, size);
}

/** Whether `seat` lies on the clockwise arc from `from` to `to`, both ends included. */
export function onArc(seat: number, from: number, to: number, size: number): boolean {
  return stepsClockwise(from, seat, size) <= stepsClockwise(from, to, size);
}
