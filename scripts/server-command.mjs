// How every script and test starts the built app: the custom server (server/index.js), which
// answers cached public pages before adapter-node's SvelteKit handler. Used by `npm start`
// (scripts/lib.mjs), the end-to-end and reliability tests, the Lighthouse audit and the bench.
//
// The V8 heap is capped (AHADI_HEAP_MB, 256 MB by default): left to itself, Node lets the heap
// of a busy server grow far past what it holds live (measured: 274 MB peak against 224 MB capped,
// at 100,000 commitments under the bench's load, at the same throughput), since collecting
// later is cheaper when memory looks plentiful. The cap makes it collect sooner instead.
const heapMb = Number(process.env.AHADI_HEAP_MB ?? 256);

export const SERVER_ARGS = [
	...(Number.isInteger(heapMb) && heapMb > 0 ? [`--max-old-space-size=${heapMb}`] : []),
	'server/index.js'
];
