import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { RotationSpec } from '../../engine/table/rotation.ts';
import type { TableOptions } from '../../engine/cash/options/table-options.ts';

/** The settings a table is opened from: game, stakes, buy-in, clocks, rake and how many tables to keep. */
export const Template = defineEntity({
  name: 'Template',
  tableName: 'template',
  properties: {
    id: p.uuid().primary(),
    name: p.string(),
    variant: p.string(),
    smallBlind: p.bigint('number'),
    bigBlind: p.bigint('number'),
    ante: p.bigint('number'),
    bigBlindAnte: p.boolean(),
    straddle: p.bigint('number'),
    smallBet: p.bigint('number'),
    bigBet: p.bigint('number'),
    minBuyIn: p.bigint('number'),
    maxBuyIn: p.bigint('number'),
    maxSeats: p.integer(),
    actionSeconds: p.integer(),
    timeBankSeconds: p.integer(),
    rakeBasisPoints: p.integer(),
    rakeCap: p.bigint('number'),
    idleMinutes: p.integer(),
    minTables: p.integer(),
    // Stud: the bring-in; mixed games: the rotation (a preset's name or the games), null for one variant.
    bringIn: p.bigint('number').default(0),
    openPairBigBet: p.boolean().default(false),
    rotation: p.json<RotationSpec>().nullable(),
    /** The table options this template turns on (run it twice, straddles, bomb pots …); one column, read and written whole. */
    options: p.json<Partial<TableOptions>>(),
    retiredAt: p.datetime().nullable(),
    // Not part of the record: it only keeps `list()` in the order templates were made.
    createdAt: p.datetime(),
  },
});

export type Template = InferEntity<typeof Template>;
