import { CodedError } from '../coded-error.ts';
/** A money movement that cannot be built: nothing was moved. */
export class MoneyError extends CodedError {}
