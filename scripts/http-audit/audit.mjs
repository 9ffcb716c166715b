// Runs graphql-http's GraphQL over HTTP audits against a live server: `node audit.mjs URL`.
// Prints every audit that did not pass and a summary line; exits 1 on any error-level failure
// (the spec's MUSTs). Warnings (SHOULDs) and notices (MAYs) are listed in the README with the reason.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://127.0.0.1:8000/graphql');
  process.exit(2);
}
const counts = { ok: 0, warn: 0, notice: 0, error: 0 };
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  counts[result.status] += 1;
  if (result.status !== 'ok') {
    console.log(`${result.status.toUpperCase()} ${audit.id} ${audit.name}: ${result.reason}`);
  }
}
console.log(
  `GraphQL over HTTP audit: ${counts.ok} passed, ${counts.warn} warnings, ${counts.notice} notices, ${counts.error} errors`,
);
process.exit(counts.error > 0 ? 1 : 0);
