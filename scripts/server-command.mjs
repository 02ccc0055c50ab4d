// How the reliability tests (tests/reliability/helpers/server.ts) and the Lighthouse audit
// (scripts/audit.mjs) start the built server: the one place to change when a custom server
// replaces adapter-node's `node build`.
export const SERVER_ARGS = ['build'];
