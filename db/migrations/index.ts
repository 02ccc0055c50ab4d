// Migrations are listed here (not discovered on disk) so that they are bundled into the
// adapter-node build: a file-based provider cannot find .ts files next to the built server.
import type { Migration } from 'kysely';
import * as m001 from './2026-11-28-001-initial';

export const migrations: Record<string, Migration> = {
	'2026-11-28-001-initial': m001
};
