// A user's choice of digest (MPs: instant, daily, weekly or none) and of the language of the
// mail Ahadi sends them, saved with its audit row.
import type { Kysely } from 'kysely';
import { recordAudit, type Actor } from '../audit';
import type { DB } from '../db/schema';
import { getAlertSettings, upsertAlertSettings, type UserAlertSettings } from '../queries/alerts';

export const DEFAULT_ALERT_SETTINGS: UserAlertSettings = { digest: 'none', language: 'en' };

export async function readAlertSettings(
	db: Kysely<DB>,
	userId: number
): Promise<UserAlertSettings> {
	return (await getAlertSettings(db, userId)) ?? DEFAULT_ALERT_SETTINGS;
}

export async function saveAlertSettings(
	db: Kysely<DB>,
	actor: Actor & { id: number },
	settings: UserAlertSettings,
	now = new Date()
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await getAlertSettings(trx, actor.id);
		await upsertAlertSettings(trx, actor.id, settings, now.toISOString());
		await recordAudit(trx, actor, {
			action: 'alert_settings.updated',
			entityId: actor.id,
			before: before ?? null,
			after: settings
		});
	});
}
