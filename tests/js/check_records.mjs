// The browser's record check (site_templates/assets/js/record.js) as a line-by-line service, for
// tests/js/test_record_agreement.py (beside it): each input line is {"rules": ..., "record": ...} (or {"rules": ..., "session": ...})
// as JSON, each output line the sorted list of units checkRecord() (or checkSession()) finds. Kept running for a
// whole test, so a thousand records cost one Node start.
import { createInterface } from "node:readline";

import { checkRecord, checkSession } from "../../site_templates/assets/js/record.js";

for await (const line of createInterface({ input: process.stdin })) {
  const { rules, record, session } = JSON.parse(line);
  const units = session === undefined ? checkRecord(record, rules) : checkSession(session, rules);
  process.stdout.write(`${JSON.stringify([...new Set(units)].sort())}\n`);
}
