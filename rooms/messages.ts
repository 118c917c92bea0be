import { z } from 'zod';

// Client → server payloads of the `table` room (PROTOCOL.md). They are checked
// inside the handlers, so a bad message gets an `error` reply instead of a disconnect.

export const SitMessage = z.strictObject({
  seat: z.number().int().min(0).max(9).optional(),
  buyIn: z.number().int().positive(),
});

export const ActMessage = z.strictObject({
  action: z.enum(['fold', 'check', 'call', 'bet', 'raise', 'allin', 'bringIn']),
  amount: z.number().int().nonnegative().optional(),
});

export const DrawMessage = z.strictObject({ discard: z.array(z.string().regex(/^[2-9TJQKA][cdhs]$/)).max(7) });

export const EmptyMessage = z.union([z.strictObject({}), z.undefined(), z.null()]);

export const TopUpMessage = z.strictObject({ amount: z.number().int().positive() });

export const WaitlistMessage = z.strictObject({
  join: z.boolean(),
  /** The template's shared list: a seat at any of its tables (rooms/shared-waitlist.ts). */
  anyTable: z.boolean().optional(),
});

/**
 * The `lobby` room's `filter` (and join option `filter`): which rooms to
 * list, as Colyseus's LobbyRoom compares them. Bounded, so a question stays
 * small; no filter at all lists every room.
 */
export const LobbyFilter = z.strictObject({
  name: z.string().max(64).optional().describe('Only rooms of this name: "table" or "tournament".'),
  metadata: z.record(z.string().max(64), z.union([z.string().max(256), z.number(), z.boolean()]))
    .refine((fields) => Object.keys(fields).length <= 16, 'a filter compares at most 16 metadata fields')
    .optional()
    .describe('Only rooms whose metadata has these values, like {"variant": "NT"} (at most 16).'),
});

/** The first problem with a payload, as a sentence. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length > 0 ? `"${issue.path.join('.')}": ` : '';
  return `${where}${issue.message}`;
}
