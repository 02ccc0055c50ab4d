import { Migrator, type MigrationResultSet } from 'kysely';
import { migrations } from '../../../../db/migrations/index';
import type { Database } from './index';

export class MigrationError extends Error {}

/** Brings the schema up to date. Safe to call on every start. */
export async function migrateToLatest(db: Database): Promise<MigrationResultSet> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => migrations }
	});
	const result = await migrator.migrateToLatest();
	if (result.error) {
		const failed = result.results?.find((r) => r.status === 'Error');
		throw new MigrationError(
			`migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(result.error)}`,
			{ cause: result.error }
		);
	}
	return result;
}
