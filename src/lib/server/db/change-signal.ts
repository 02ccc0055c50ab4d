// Which requests changed published data. Every such change appends to the audit log in its
// transaction (src/lib/server/audit.ts), and recordAudit notes it here, in the request's own
// async context. The front server (server/cache.js) empties its shared cache when a response
// says so: because data changed, never merely because a request arrived (a refused POST, an
// OPTIONS, a 404 changes nothing, and anyone can send those).
import { AsyncLocalStorage } from 'node:async_hooks';

const perRequest = new AsyncLocalStorage<{ changed: boolean }>();

/** Called by recordAudit: the current request (if any) wrote an audit row. */
export function noteChange(): void {
	const scope = perRequest.getStore();
	if (scope) scope.changed = true;
}

/**
 * Runs `fn` and says whether it recorded a change. A rolled-back write counts too: emptying the
 * cache once too often costs a render, keeping a stale page would mislead.
 */
export async function trackChanges<T>(fn: () => Promise<T>): Promise<[T, boolean]> {
	const scope = { changed: false };
	const result = await perRequest.run(scope, fn);
	return [result, scope.changed];
}
