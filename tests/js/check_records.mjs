// The browser's record check (site_templates/assets/js/record.js) as a line-by-line service, for
// tests/test_record_agreement.py: each input line is {"rules": ..., "record": ...} as JSON, each output line the
// sorted list of units checkRecord() finds. Kept running for a whole test, so a thousand records cost one Node start.
import { createInterface } from "node:readline";

import { checkRecord } from "../../site_templates/assets/js/record.js";

for await (const line of createInterface({ input: process.stdin })) {
  const { rules, record } = JSON.parse(line);
  process.stdout.write(`${JSON.stringify([...new Set(checkRecord(record, rules))].sort())}\n`);
}
