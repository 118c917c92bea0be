export { evaluate5, evaluate6, evaluate7, evaluateHigh } from './high.ts';
export { evaluateShortDeck } from './short-deck.ts';
export { evaluateOmahaHigh, evaluateOmahaLow8 } from './omaha.ts';
export { evaluateLow8, NO_LOW } from './low.ts';
export { HandCategory, handCategory, describeHigh, describeLow } from './describe.ts';
