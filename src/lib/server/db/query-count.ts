// Counts the SQL statements each request runs, for the bench and for anyone profiling a page:
// with AHADI_SERVER_TIMING=1 every response carries
// `Server-Timing: sql;desc="N queries", app;dur=MS` (MS: the whole SvelteKit handle).
// Off by default: production pays nothing for it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Handle } from '@sveltejs/kit';
import type { KyselyPlugin } from 'kysely';

export const serverTimingEnabled = (): boolean => process.env.AHADI_SERVER_TIMING === '1';

const perRequest = new AsyncLocalStorage<{ queries: number; seen: Set<string> }>();

/**
 * transformResult runs once per executed statement, or once per chunk of a streamed one, so
 * statements are counted by their query id (transformQuery also sees subqueries).
 */
export const countQueriesPlugin: KyselyPlugin = {
	transformQuery: (args) => args.node,
	transformResult: async (args) => {
		const counter = perRequest.getStore();
		if (counter && !counter.seen.has(args.queryId.queryId)) {
			counter.seen.add(args.queryId.queryId);
			counter.queries += 1;
		}
		return args.result;
	}
};

/** Runs `fn` with a fresh counter; returns its result and the number of statements it ran. */
export async function countQueries<T>(fn: () => Promise<T>): Promise<[T, number]> {
	const counter = { queries: 0, seen: new Set<string>() };
	const result = await perRequest.run(counter, fn);
	return [result, counter.queries];
}

export const handleServerTiming: Handle = async ({ event, resolve }) => {
	if (!serverTimingEnabled()) return resolve(event);
	const started = performance.now();
	const [resolved, queries] = await countQueries(async () => resolve(event));
	let response = resolved;
	const value = `sql;desc="${queries} queries", app;dur=${(performance.now() - started).toFixed(1)}`;
	try {
		response.headers.append('Server-Timing', value);
	} catch {
		response = new Response(response.body, response);
		response.headers.append('Server-Timing', value);
	}
	return response;
};
