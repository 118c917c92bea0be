import { insertHand } from './hands.ts';
import { ACCOUNT_KIND, ACCOUNTS, applyTransfer } from './ledger.ts';
import type { Orm } from './orm.ts';
import { upsertSnapshots } from './snapshots.ts';
import { PersistenceError, type HandCompletion } from './types.ts';

/**
 * The end of a hand in one transaction: the hand record, its rake moved from
 * the table to the house, and the table's snapshot. Either all of it is
 * durable or none of it is, so a crash can never keep the rake without the
 * hand or the hand without the snapshot that follows it.
 */
export function handCompletion(orm: Orm): HandCompletion {
  return {
    async complete({ hand, snapshot }) {
      if (snapshot.tableId !== hand.tableId) {
        throw new PersistenceError('invalid_hand', `Hand ${hand.id} was played at table ${hand.tableId} but comes with a snapshot of table ${snapshot.tableId}.`);
      }
      await orm.em.fork().transactional(async (em) => {
        // A repeated completion finds the hand written and moves no rake again; the
        // snapshot still goes through the version check, which keeps the newest.
        if (await insertHand(em, hand)) {
          if (hand.rake > 0) {
            await applyTransfer(em, {
              key: `rake:${hand.id}`,
              reason: 'rake',
              entries: [
                { kind: ACCOUNT_KIND.table, owner: hand.tableId, amount: -hand.rake },
                { ...ACCOUNTS.house, amount: hand.rake },
              ],
              meta: { handId: hand.id, tableId: hand.tableId, handNumber: hand.handNumber },
            });
          }
        }
        await upsertSnapshots(em, [snapshot]);
      });
    },
  };
}
