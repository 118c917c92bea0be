/** A rejected message: answered with `error` to its sender only; the state is unchanged. */
export class Rejection extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}
