// The rules of a tournament: pure functions over plain data (see DESIGN.md, "Tournament model").
export * from './structure.ts';
export * from './clock.ts';
export * from './payouts.ts';
export * from './placing.ts';
export * from './registration.ts';
export * from './lifecycle.ts';
export * from './positions.ts';
export * from './seating.ts';
export * from './balancing.ts';
export * from './hand-for-hand.ts';
