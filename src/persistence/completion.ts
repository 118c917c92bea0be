import { insertHand } from './hands.ts';
import { ACCOUNT_KIND, ACCOUNTS, applyTransfer } from './ledger.ts';
import type { Orm } from './orm.ts';
import { leaseLost, lockOwned, upsertSnapshots } from './snapshots.ts';
import { PersistenceError, type HandCompletion } from './types.ts';

/**
 * The end of a hand in one transaction: the hand record, its rake moved from
 * the table to the house, and the table's snapshot. Either all of it is
 * durable or none of it is, so a crash can never keep the rake without the
 * hand or the hand without the snapshot that follows it. With an `owner`, it
 * is all refused (`lease_lost`) unless that process holds the table's lease.
 */
export function handCompletion(orm: Orm): HandCompletion {
  return {
    async complete({ hand, snapshot, owner }) {
      if (snapshot.tableId !== hand.tableId) {
        throw new PersistenceError('invalid_hand', `Hand ${hand.id} was played at table ${hand.tableId} but comes with a snapshot of table ${snapshot.tableId}.`);
      }
      await orm.em.fork().transactional(async (em) => {
        // First, and held to the commit: a process that lost the table writes nothing and moves no rake.
        if (owner !== undefined && !(await lockOwned(em, [hand.tableId], owner)).has(hand.tableId)) throw leaseLost(hand.tableId);
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
