// Mocha's spec output plus a JSON summary file (MCPV_SUMMARY_FILE) that scripts/test.mjs adds up.
const fs = require('node:fs');
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.MCPV_SUMMARY_FILE;
      if (!file) return;
      const { passes, failures, pending, tests } = this.stats;
      fs.writeFileSync(file, JSON.stringify({ passes, failures, pending, tests }));
    });
  }
}
module.exports = SummaryReporter;
