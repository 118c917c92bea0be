import { CodedError } from '../coded-error.ts';

/**
 * An action the rules do not allow right now. `code` is stable and machine
 * readable; `message` is a sentence a player or operator can act on.
 */
export class IllegalActionError extends CodedError {}

/** Input that is not well formed: a bad card string, a malformed hand history. */
export class ParseError extends CodedError {}
