/**
 * An action the rules do not allow right now. `code` is stable and machine
 * readable; `message` is a sentence a player or operator can act on.
 */
export class IllegalActionError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'IllegalActionError';
    this.code = code;
  }
}

/** Input that is not well formed: a bad card string, a malformed hand history. */
export class ParseError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ParseError';
    this.code = code;
  }
}
