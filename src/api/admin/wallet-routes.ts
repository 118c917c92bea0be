import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { adminCreditTransfer, adminDebitTransfer } from '../../money/transfers.ts';
import { PersistenceError, type TransferRecord } from '../../persistence/types.ts';
import { authOf } from '../authenticate.ts';
import { defineRoute, page, pageOf, pageQuery } from '../openapi/route.ts';
import { ApiProblem } from '../problem.ts';
import type { ApiDeps } from '../types.ts';
import { ADMIN_PREFIX } from './index.ts';
import { playerParams, unknownPlayer } from './player-list-routes.ts';

const walletBody = z.strictObject({
  amount: z.number().int('must be a whole number of chips').positive('must be at least 1 chip'),
  direction: z.enum(['credit', 'debit']).describe('credit adds chips to the wallet; debit takes them out.'),
  reason: z.string().trim().min(1, 'must say why').max(200, 'must be at most 200 characters')
    .describe('Why, for the ledger: "compensation for the outage on 3 May".'),
  key: z.string().trim().min(1).max(100).optional()
    .describe('Idempotency key: a retry with the same key moves nothing and answers the first transfer.'),
});

const entryView = z.object({ kind: z.string(), owner: z.string(), amount: z.number().int() });

const transferView = z.object({
  id: z.string(),
  key: z.string(),
  reason: z.string().describe('What moved the chips: credit, debit, buyIn, cashOut, welcome …'),
  note: z.string().nullable().describe('The admin\'s reason, for admin credits and debits.'),
  adminId: z.string().nullable().describe('Who credited or debited, for admin transfers.'),
  createdAt: z.iso.datetime(),
  change: z.number().int().describe('What this transfer did to the player\'s wallet.'),
  entries: z.array(entryView),
});

const walletAnswer = z.object({
  transfer: transferView,
  balance: z.number().int().describe('The wallet after the transfer.'),
  applied: z.boolean().describe('False when the key had been used already and nothing moved this time.'),
});

function transferOf(record: TransferRecord, playerId: string): z.output<typeof transferView> {
  const meta = record.meta ?? {};
  return {
    id: record.id,
    key: record.key,
    reason: record.reason,
    note: typeof meta.note === 'string' ? meta.note : null,
    adminId: typeof meta.adminId === 'string' ? meta.adminId : null,
    createdAt: record.createdAt.toISOString(),
    change: record.entries.filter((entry) => entry.kind === 'player' && entry.owner === playerId).reduce((sum, entry) => sum + entry.amount, 0),
    entries: record.entries,
  };
}

/**
 * A player's wallet for admins: `POST /api/admin/players/:playerId/wallet`
 * credits or debits it — a ledger transfer between `external/admin` and
 * `player/<id>` recording the admin and their reason — and
 * `GET …/ledger` pages through the wallet's history, newest first.
 *
 * A debit beyond the balance is 409 `insufficient_funds` and moves nothing.
 * With a `key`, a retry is safe: it answers 200 with the first transfer and
 * `applied: false` (201 when chips moved); the same key with another amount
 * or direction is 409 `idempotency_key_reused`. Keys are per player.
 */
export function walletRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db } = deps;
  const tags = ['admin: players'];

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'post', path: '/players/:playerId/wallet', summary: 'Credit or debit a player\'s wallet, with a reason (201; 200 when the key was used already)', tags, auth: 'admin',
    params: playerParams, body: walletBody, response: walletAnswer, status: 201, errors: [404, 409],
  }, async ({ params, body, req, res }) => {
    const player = await db.players.findById(params.playerId);
    if (!player) throw unknownPlayer(params.playerId);
    const change = body.direction === 'credit' ? body.amount : -body.amount;
    const money = { playerId: player.id, amount: body.amount, requestKey: body.key ?? randomUUID(), note: body.reason, adminId: authOf(req).player.id };
    let record: TransferRecord;
    try {
      record = await db.ledger.transfer(body.direction === 'credit' ? adminCreditTransfer(money) : adminDebitTransfer(money));
    } catch (error) {
      if (error instanceof PersistenceError && error.code === 'insufficient_funds') {
        const balance = await db.ledger.balance('player', player.id);
        throw new ApiProblem(409, 'insufficient_funds', `${player.name}'s wallet holds ${balance} chips; a debit of ${body.amount} would overdraw it. Nothing was moved.`);
      }
      throw error;
    }
    const transfer = transferOf(record, player.id);
    if (!record.applied && (record.reason !== body.direction || transfer.change !== change)) {
      throw new ApiProblem(409, 'idempotency_key_reused', `The key "${body.key}" already recorded a ${record.reason} of ${Math.abs(transfer.change)} chips; use a new key for a new transfer.`);
    }
    const answer = { transfer, balance: await db.ledger.balance('player', player.id), applied: record.applied };
    res.status(record.applied ? 201 : 200).set('Cache-Control', 'no-store').json(answer);
    return undefined;
  });

  defineRoute(router, deps, ADMIN_PREFIX, {
    method: 'get', path: '/players/:playerId/ledger', summary: 'A player\'s wallet history, newest first', tags, auth: 'admin',
    params: playerParams, query: pageQuery, response: pageOf(transferView), errors: [404],
  }, async ({ params, query }) => {
    const player = await db.players.findById(params.playerId);
    if (!player) throw unknownPlayer(params.playerId);
    const [records, total] = await Promise.all([
      db.ledger.history('player', player.id, query.limit, query.offset),
      db.ledger.historyCount('player', player.id),
    ]);
    return page(records.map((record) => transferOf(record, player.id)), total, query);
  });

  return router;
}
