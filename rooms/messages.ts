import { z } from 'zod';

// Client → server payloads of the `table` room (PROTOCOL.md). They are checked
// inside the handlers, so a bad message gets an `error` reply instead of a disconnect.

export const SitMessage = z.strictObject({
  seat: z.number().int().min(0).max(9).optional(),
  buyIn: z.number().int().positive(),
});

export const ActMessage = z.strictObject({
  action: z.enum(['fold', 'check', 'call', 'bet', 'raise', 'allin']),
  amount: z.number().int().nonnegative().optional(),
});

export const DrawMessage = z.strictObject({ discard: z.array(z.string().regex(/^[2-9TJQKA][cdhs]$/)).max(7) });

export const EmptyMessage = z.union([z.strictObject({}), z.undefined(), z.null()]);

export const TopUpMessage = z.strictObject({ amount: z.number().int().positive() });

export const WaitlistMessage = z.strictObject({ join: z.boolean() });

/** The first problem with a payload, as a sentence. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length > 0 ? `"${issue.path.join('.')}": ` : '';
  return `${where}${issue.message}`;
}
