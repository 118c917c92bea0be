/** One benchmark result, printed by `npm run bench` as a JSON line. */
export type Figure = { name: string; value: number; unit: string };

export function printFigure(figure: Figure): void {
  console.log(JSON.stringify(figure));
}
