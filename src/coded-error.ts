/**
 * Every error Felt means to tell someone about: a stable, machine-readable
 * `code` and a sentence a person can act on. Each layer has its own subclass
 * (`IllegalActionError` for the rules, `PersistenceError`, `AuthError` …) so a
 * handler can tell where a refusal came from; they add nothing else but their
 * name, which is the subclass's own.
 */
export class CodedError<C extends string = string> extends Error {
  readonly code: C;

  constructor(code: C, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
