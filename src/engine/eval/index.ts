export { evaluate5, evaluate6, evaluate7, evaluateHigh } from './high.ts';
export { evaluateShortDeck } from './short-deck.ts';
export { evaluateOmahaHigh, evaluateOmahaLow8 } from './omaha.ts';
export { evaluateLow8, NO_LOW } from './low.ts';
export { HandCategory, handCategory, describeHigh, describeLow } from './describe.ts';
export { evaluateLowA5, lowA5Of5, lowA5Of6, lowA5Of7, LowA5Category, lowA5Hand, LOW_A5_STRENGTHS } from './low-a5.ts';
export { evaluateLow27, low27Of5, LOW_27_BASE } from './low-27.ts';
export { evaluateBadugi, badugiOf4, BADUGI_SIZE_SHIFT } from './badugi.ts';
export { describeLowA5, describeLow27, describeBadugi } from './describe-low.ts';
