// How every script and test starts the built app: the custom server (server/index.js), which
// answers cached public pages before adapter-node's SvelteKit handler. Used by `npm start`
// (scripts/lib.mjs), the end-to-end and reliability tests, the Lighthouse audit and the bench.
export const SERVER_ARGS = ['server/index.js'];
