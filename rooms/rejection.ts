import { CodedError } from '../src/coded-error.ts';
/** A rejected message: answered with `error` to its sender only; the state is unchanged. */
export class Rejection extends CodedError {}
