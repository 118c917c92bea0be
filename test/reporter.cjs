// Mocha's spec reporter, closed by one plain line CI can read: "N passed, M failed, K skipped".
const Mocha = require('mocha');

class FeltReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const { passes, failures, pending } = runner.stats;
      console.log(`${passes} passed, ${failures} failed, ${pending} skipped`);
    });
  }
}

module.exports = FeltReporter;
