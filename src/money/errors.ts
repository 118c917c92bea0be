/** A money movement that cannot be built: nothing was moved. */
export class MoneyError extends Error {
  /** `invalid_amount` (not a whole number of chips, or not enough of them) or `invalid_reference` (an empty id or key). */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'MoneyError';
    this.code = code;
  }
}
