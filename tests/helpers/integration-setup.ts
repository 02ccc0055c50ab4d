// Runs before each integration test file. Route modules open the app's own database handle
// (src/lib/server/db/client.ts) from DATABASE_URL when imported: point it at a database of the
// dialect under test, never at data/ahadi.db.
import { afterAll } from 'vitest';
import { TEST_DIALECT, newDatabaseUrl } from './test-db';

process.env.DATABASE_URL = TEST_DIALECT === 'postgres' ? await newDatabaseUrl() : ':memory:';

// Close the app's handle before test-db drops the database under it (hooks run in reverse).
afterAll(async () => {
	const { db } = await import('../../src/lib/server/db/client');
	await db.destroy();
});
