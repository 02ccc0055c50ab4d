// How every script and test starts the built app: the custom server (server/index.js), which
// answers cached public pages before adapter-node's SvelteKit handler. Used by `npm start`
// (scripts/lib.mjs), the end-to-end and reliability tests, the Lighthouse audit and the bench.
//
// Node's default heap limit is kept on purpose. A 256 MB cap lowered the bench's peak RSS at
// 100,000 commitments from 274 to 224 MB, but two clerks previewing the largest allowed budget
// CSV (20 MB) at once then ran the server out of heap (tests/reliability/large-import.test.ts).
export const SERVER_ARGS = ['server/index.js'];
