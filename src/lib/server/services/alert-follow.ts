// Following by e-mail without an account (double opt-in): a request writes a pending
// subscription and a confirmation message in the outbox, in one transaction; the link in it
// confirms. Requests are throttled per address and per client, and the answer is the same
// whatever the address already follows, so it cannot be used to learn who follows what.
import type { Kysely } from 'kysely';
import { recordAudit, type Actor } from '../audit';
import { countAttempt, type ThrottleRule } from '../auth/throttle';
import type { DB, FollowTargetKind, MailLanguage } from '../db/schema';
import { composeConfirmation } from '../alerts/compose';
import { absoluteUrl, mailHeaders } from '../alerts/render';
import {
	CONFIRM_TTL_MS,
	MANAGE_TTL_MS,
	hashAlertToken,
	isAlertTokenShape,
	newAlertToken
} from '../alerts/tokens';
import { insertOutboxMessage } from '../queries/outbox';
import {
	confirmSubscription,
	deleteAlertToken,
	deleteSubscriptions,
	findAlertToken,
	findFollowTarget,
	insertAlertToken,
	listSubscriptionsOfAddress,
	upsertAlertAddress,
	upsertPendingSubscription,
	type FollowedRow,
	type TokenRow
} from '../queries/alert-subscriptions';

const HOUR = 60 * 60_000;
/** Confirmation messages one address may be sent per day. */
export const FOLLOW_ADDRESS_RULE: ThrottleRule = {
	limit: 3,
	windowMs: 24 * HOUR,
	lockMs: 24 * HOUR
};
/** Follow requests from one client address per hour. */
export const FOLLOW_CLIENT_RULE: ThrottleRule = { limit: 10, windowMs: HOUR, lockMs: HOUR };

const ANONYMOUS: Actor = { id: null, label: 'anonymous (follow by e-mail)' };

export type FollowResult = 'sent' | 'unknown-target' | 'client-throttled';

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/**
 * Asks for `email` to follow the target; sends a confirmation unless the address already follows
 * it or has had its confirmations for the day. 'sent' is answered in every such case.
 */
export async function requestFollow(
	db: Kysely<DB>,
	input: {
		kind: FollowTargetKind;
		key: string;
		email: string;
		language: MailLanguage;
		client: string;
		origin: string;
	},
	now = Date.now()
): Promise<FollowResult> {
	if ((await countAttempt(db, `follow-client:${input.client}`, FOLLOW_CLIENT_RULE, now)) !== null) {
		return 'client-throttled';
	}
	const target = await findFollowTarget(db, input.kind, input.key);
	if (!target) return 'unknown-target';
	const email = normaliseEmail(input.email);
	if ((await countAttempt(db, `follow-address:${email}`, FOLLOW_ADDRESS_RULE, now)) !== null) {
		return 'sent';
	}
	const at = new Date(now).toISOString();
	await db.transaction().execute(async (trx) => {
		const addressId = await upsertAlertAddress(trx, email, input.language, at);
		const sub = await upsertPendingSubscription(trx, addressId, target, at, now + CONFIRM_TTL_MS);
		if (sub.status === 'confirmed') return;
		const { token, id } = newAlertToken();
		await insertAlertToken(trx, {
			id,
			addressId,
			purpose: 'confirm',
			subscriptionId: sub.id,
			expiresAt: now + CONFIRM_TTL_MS
		});
		const lang = input.language;
		const mail = composeConfirmation({
			lang,
			name: target.name,
			confirmUrl: absoluteUrl(input.origin, lang, `/alerts/confirm/${token}`)
		});
		const dedupeKey = `confirm:${id}`;
		await insertOutboxMessage(
			trx,
			{
				dedupeKey,
				recipient: email,
				language: lang,
				kind: 'confirmation',
				...mail,
				headers: mailHeaders({ dedupeKey, origin: input.origin, lang, automatic: true })
			},
			now
		);
		await recordAudit(trx, ANONYMOUS, {
			action: 'alert_subscription.requested',
			entityId: sub.id,
			after: { addressId, kind: target.kind, targetId: target.id }
		});
	});
	return 'sent';
}

/** The unexpired token behind a link, or null (malformed, unknown, expired). */
export async function readAlertToken(
	db: Kysely<DB>,
	token: string,
	now = Date.now()
): Promise<TokenRow | null> {
	if (!isAlertTokenShape(token)) return null;
	return (await findAlertToken(db, hashAlertToken(token), now)) ?? null;
}

/**
 * Confirms the subscription of a confirmation link and returns a new manage token for the
 * address (the confirmation token is used up), or null when the link is not valid.
 */
export async function confirmFollow(
	db: Kysely<DB>,
	token: string,
	now = Date.now()
): Promise<string | null> {
	const row = await readAlertToken(db, token, now);
	if (!row || row.purpose !== 'confirm' || row.subscriptionId === null) return null;
	const subscriptionId = row.subscriptionId;
	return db.transaction().execute(async (trx) => {
		await deleteAlertToken(trx, hashAlertToken(token));
		if (!(await confirmSubscription(trx, subscriptionId, new Date(now).toISOString()))) {
			return null;
		}
		const manage = newAlertToken();
		await insertAlertToken(trx, {
			id: manage.id,
			addressId: row.addressId,
			purpose: 'manage',
			subscriptionId: null,
			expiresAt: now + MANAGE_TTL_MS
		});
		await recordAudit(trx, ANONYMOUS, {
			action: 'alert_subscription.confirmed',
			entityId: subscriptionId
		});
		return manage.token;
	});
}

/** What the address of a manage link follows, or null when the link is not valid. */
export async function listFollowed(
	db: Kysely<DB>,
	token: string,
	now = Date.now()
): Promise<{ email: string; items: FollowedRow[] } | null> {
	const row = await readAlertToken(db, token, now);
	if (!row || row.purpose !== 'manage') return null;
	return { email: row.email, items: await listSubscriptionsOfAddress(db, row.addressId) };
}

/**
 * Unsubscribes the address of a manage link from one subscription, or from all (`null`).
 * Returns false only when the link is not valid; unsubscribing twice is fine.
 */
export async function unsubscribe(
	db: Kysely<DB>,
	token: string,
	subscriptionId: number | null,
	now = Date.now()
): Promise<boolean> {
	const row = await readAlertToken(db, token, now);
	if (!row || row.purpose !== 'manage') return false;
	await db.transaction().execute(async (trx) => {
		const removed = await deleteSubscriptions(trx, row.addressId, subscriptionId);
		if (removed > 0) {
			await recordAudit(trx, ANONYMOUS, {
				action: 'alert_subscription.removed',
				entityId: subscriptionId,
				after: { addressId: row.addressId, removed }
			});
		}
	});
	return true;
}
