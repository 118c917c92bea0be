export {
  PHH_FIELD_KINDS,
  PHH_FIELD_ORDER,
  PHH_PER_PLAYER_FIELDS,
  PHH_REQUIRED_FIELDS,
  PHH_STRUCTURE_FIELDS,
  PHH_VARIANT_NAMES,
} from './document.ts';
export type { PhhDocument, PhhFieldKind, PhhFieldName, PhhUserValue, PhhVariant } from './document.ts';
export { formatPhhAction, parsePhhAction, phhActionPlayer } from './action.ts';
export type { PhhAction, PhhActionKind } from './action.ts';
export { parsePhh, parsePhhs } from './parse.ts';
export { writePhh, writePhhs } from './write.ts';
export { validatePhhDocument } from './validate.ts';
