import assert from 'node:assert/strict';
import { BALANCE_REREAD_MS, WalletBook } from '../../rooms/wallet-book.ts';

describe('rooms: the wallets a table knows', () => {
  it('when a balance was read then an amount within it is enough and one above it is short', () => {
    const book = new WalletBook();
    book.learn('ann', 500, book.ticket('ann'), 0);

    assert.equal(book.canPay('ann', 500, 10), 'enough');
    assert.equal(book.canPay('ann', 501, 10), 'short');
  });

  it('when nothing is known of a player then the room is unsure and must ask', () => {
    assert.equal(new WalletBook().canPay('ann', 1, 0), 'unsure');
  });

  it('when a short balance was read long enough ago then it may be read again, and not before', () => {
    const book = new WalletBook();
    book.learn('ann', 0, book.ticket('ann'), 1_000);

    assert.equal(book.canPay('ann', 100, 1_000 + BALANCE_REREAD_MS - 1), 'short');
    assert.equal(book.canPay('ann', 100, 1_000 + BALANCE_REREAD_MS), 'unsure');
  });

  it('when the room moves chips then the balance follows: a buy-in takes, a cash-out gives back', () => {
    const book = new WalletBook();
    book.learn('ann', 500, book.ticket('ann'), 0);

    book.moved('ann', -400);
    assert.equal(book.canPay('ann', 101, 1), 'short');
    book.moved('ann', 250);
    assert.equal(book.canPay('ann', 350, 1), 'enough');
  });

  it('when chips moved while a balance was being read then that read is not kept', () => {
    const book = new WalletBook();
    book.learn('ann', 500, book.ticket('ann'), 0);
    const ticket = book.ticket('ann');
    book.moved('ann', -500);

    book.learn('ann', 500, ticket, 1);

    assert.equal(book.canPay('ann', 1, 2), 'short', 'the read from before the buy-in would have said 500');
  });

  it('when the ledger refused what the book allowed then the balance is unknown until read again', () => {
    const book = new WalletBook();
    book.learn('ann', 500, book.ticket('ann'), 0);

    book.doubt('ann');

    assert.equal(book.canPay('ann', 1, 1), 'unsure');
  });
});
