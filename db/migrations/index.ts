// Migrations are listed here (not discovered on disk) so that they are bundled into the
// adapter-node build: a file-based provider cannot find .ts files next to the built server.
import type { Migration } from 'kysely';
import * as m001 from './2026-11-28-001-initial';
import * as m003 from './2026-11-28-003-search-indexes';
import * as m004 from './2026-11-28-004-import-jobs';
import * as m005 from './2026-11-29-005-performance-indexes';
import * as m006 from './2026-11-29-006-evidence-update-index';
import * as m007 from './2026-12-07-007-sign-in-devices';
import * as m008 from './2026-12-07-008-change-notify';
import * as m009 from './2026-12-07-009-transcripts';
import * as m010 from './2026-12-07-010-ministry-replies';
import * as m011 from './2026-12-07-011-alerts';
import * as m012 from './2026-12-08-012-document-chunks';

export const migrations: Record<string, Migration> = {
	'2026-11-28-001-initial': m001,
	'2026-11-28-003-search-indexes': m003,
	'2026-11-28-004-import-jobs': m004,
	'2026-11-29-005-performance-indexes': m005,
	'2026-11-29-006-evidence-update-index': m006,
	'2026-12-07-007-sign-in-devices': m007,
	'2026-12-07-008-change-notify': m008,
	'2026-12-07-009-transcripts': m009,
	'2026-12-07-010-ministry-replies': m010,
	'2026-12-07-011-alerts': m011,
	'2026-12-08-012-document-chunks': m012
};
