// People without an account following a published commitment, a committee or an organisation:
// their addresses, subscriptions (pending until confirmed by a link) and link tokens, stored
// only as SHA-256 hashes.
import type { Kysely, Transaction } from 'kysely';
import type { DB, FollowTargetKind, MailLanguage } from '../db/schema';

type Handle = Kysely<DB> | Transaction<DB>;

export interface FollowTarget {
	kind: FollowTargetKind;
	id: number;
	name: string;
	/** The page's path: /commitments/REF, /committees/SLUG, /organisations/SLUG. */
	path: string;
}

/** The published commitment, committee or organisation named by `key` (a ref or a slug). */
export async function findFollowTarget(
	db: Handle,
	kind: FollowTargetKind,
	key: string
): Promise<FollowTarget | undefined> {
	if (kind === 'commitment') {
		const c = await db
			.selectFrom('commitments')
			.select(['id', 'ref', 'title'])
			.where('ref', '=', key)
			.where('visibility', '=', 'published')
			.executeTakeFirst();
		return c && { kind, id: c.id, name: `${c.ref}: ${c.title}`, path: commitmentPath(c.ref) };
	}
	const table = kind === 'committee' ? 'committees' : 'organisations';
	const row = await db
		.selectFrom(table)
		.select(['id', 'name', 'slug'])
		.where('slug', '=', key)
		.executeTakeFirst();
	return row && { kind, id: row.id, name: row.name, path: `/${table}/${row.slug}` };
}

export function commitmentPath(ref: string): string {
	return `/commitments/${encodeURIComponent(ref)}`;
}

/** The address's id, created on first use (the language is the latest one asked for). */
export async function upsertAlertAddress(
	trx: Transaction<DB>,
	email: string,
	language: MailLanguage,
	now: string
): Promise<number> {
	await trx
		.insertInto('alert_addresses')
		.values({ email, language, created_at: now })
		.onConflict((oc) => oc.column('email').doUpdateSet({ language }))
		.execute();
	const row = await trx
		.selectFrom('alert_addresses')
		.select('id')
		.where('email', '=', email)
		.executeTakeFirstOrThrow();
	return row.id;
}

export interface SubscriptionState {
	id: number;
	status: 'pending' | 'confirmed';
}

/** The subscription of `addressId` to the target, made pending (until `expiresAt`) if new. */
export async function upsertPendingSubscription(
	trx: Transaction<DB>,
	addressId: number,
	target: { kind: FollowTargetKind; id: number },
	now: string,
	expiresAt: number
): Promise<SubscriptionState> {
	await trx
		.insertInto('alert_subscriptions')
		.values({
			address_id: addressId,
			target_kind: target.kind,
			target_id: target.id,
			status: 'pending',
			created_at: now,
			expires_at: expiresAt
		})
		.onConflict((oc) =>
			oc
				.columns(['address_id', 'target_kind', 'target_id'])
				.doUpdateSet({ expires_at: expiresAt })
				.where('alert_subscriptions.status', '=', 'pending')
		)
		.execute();
	return trx
		.selectFrom('alert_subscriptions')
		.select(['id', 'status'])
		.where('address_id', '=', addressId)
		.where('target_kind', '=', target.kind)
		.where('target_id', '=', target.id)
		.executeTakeFirstOrThrow();
}

export async function insertAlertToken(
	trx: Transaction<DB>,
	token: {
		id: string;
		addressId: number;
		purpose: 'confirm' | 'manage';
		subscriptionId: number | null;
		expiresAt: number;
	}
): Promise<void> {
	await trx
		.insertInto('alert_tokens')
		.values({
			id: token.id,
			address_id: token.addressId,
			purpose: token.purpose,
			subscription_id: token.subscriptionId,
			expires_at: token.expiresAt
		})
		.execute();
}

export interface TokenRow {
	addressId: number;
	email: string;
	language: MailLanguage;
	purpose: 'confirm' | 'manage';
	subscriptionId: number | null;
}

/** The unexpired token whose hash is `id`. */
export async function findAlertToken(
	db: Handle,
	id: string,
	now: number
): Promise<TokenRow | undefined> {
	return db
		.selectFrom('alert_tokens as t')
		.innerJoin('alert_addresses as a', 'a.id', 't.address_id')
		.select([
			't.address_id as addressId',
			'a.email',
			'a.language',
			't.purpose',
			't.subscription_id as subscriptionId'
		])
		.where('t.id', '=', id)
		.where('t.expires_at', '>', now)
		.executeTakeFirst();
}

export async function deleteAlertToken(trx: Transaction<DB>, id: string): Promise<void> {
	await trx.deleteFrom('alert_tokens').where('id', '=', id).execute();
}

/** Confirms a pending subscription; false when it is gone (expired or unsubscribed). */
export async function confirmSubscription(
	trx: Transaction<DB>,
	subscriptionId: number,
	now: string
): Promise<boolean> {
	const r = await trx
		.updateTable('alert_subscriptions')
		.set({ status: 'confirmed', confirmed_at: now, expires_at: null })
		.where('id', '=', subscriptionId)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) > 0;
}

export interface FollowedRow {
	id: number;
	kind: FollowTargetKind;
	status: 'pending' | 'confirmed';
	name: string | null;
	key: string | null;
}

/** What `addressId` follows, with each target's name (null when no longer public). */
export async function listSubscriptionsOfAddress(
	db: Handle,
	addressId: number
): Promise<FollowedRow[]> {
	const rows = await db
		.selectFrom('alert_subscriptions as s')
		.leftJoin('commitments as c', (j) =>
			j
				.onRef('c.id', '=', 's.target_id')
				.on('s.target_kind', '=', 'commitment')
				.on('c.visibility', '=', 'published')
		)
		.leftJoin('committees as k', (j) =>
			j.onRef('k.id', '=', 's.target_id').on('s.target_kind', '=', 'committee')
		)
		.leftJoin('organisations as o', (j) =>
			j.onRef('o.id', '=', 's.target_id').on('s.target_kind', '=', 'organisation')
		)
		.select([
			's.id',
			's.target_kind as kind',
			's.status',
			'c.ref',
			'c.title',
			'k.name as committeeName',
			'k.slug as committeeSlug',
			'o.name as organisationName',
			'o.slug as organisationSlug'
		])
		.where('s.address_id', '=', addressId)
		.orderBy('s.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		status: r.status,
		name: r.ref ? `${r.ref}: ${r.title}` : (r.committeeName ?? r.organisationName ?? null),
		key: r.ref ?? r.committeeSlug ?? r.organisationSlug ?? null
	}));
}

/** Removes subscriptions of `addressId` (all, or the one `subscriptionId`); returns how many. */
export async function deleteSubscriptions(
	trx: Transaction<DB>,
	addressId: number,
	subscriptionId: number | null
): Promise<number> {
	let q = trx.deleteFrom('alert_subscriptions').where('address_id', '=', addressId);
	if (subscriptionId !== null) q = q.where('id', '=', subscriptionId);
	const r = await q.executeTakeFirst();
	return Number(r.numDeletedRows);
}

/** Drops unconfirmed subscriptions and tokens past their expiry; returns the rows removed. */
export async function deleteExpiredAlertRows(db: Kysely<DB>, now: number): Promise<number> {
	const a = await db
		.deleteFrom('alert_subscriptions')
		.where('status', '=', 'pending')
		.where('expires_at', '<', now)
		.executeTakeFirst();
	const b = await db.deleteFrom('alert_tokens').where('expires_at', '<', now).executeTakeFirst();
	return Number(a.numDeletedRows) + Number(b.numDeletedRows);
}

export interface Follower {
	addressId: number;
	email: string;
	language: MailLanguage;
}

/** Confirmed followers of commitment `c`, of its committee or of its organisation, once each. */
export async function listFollowersOfCommitment(
	db: Handle,
	c: { id: number; committeeId: number; organisationId: number }
): Promise<Follower[]> {
	return db
		.selectFrom('alert_subscriptions as s')
		.innerJoin('alert_addresses as a', 'a.id', 's.address_id')
		.select(['a.id as addressId', 'a.email', 'a.language'])
		.distinct()
		.where('s.status', '=', 'confirmed')
		.where((eb) =>
			eb.or([
				eb.and([eb('s.target_kind', '=', 'commitment'), eb('s.target_id', '=', c.id)]),
				eb.and([eb('s.target_kind', '=', 'committee'), eb('s.target_id', '=', c.committeeId)]),
				eb.and([eb('s.target_kind', '=', 'organisation'), eb('s.target_id', '=', c.organisationId)])
			])
		)
		.orderBy('a.id')
		.execute();
}

export interface ConfirmedSubscription extends Follower {
	kind: FollowTargetKind;
	targetId: number;
}

/** Every confirmed subscription, for the scheduled pass (grouped by target there). */
export async function listConfirmedSubscriptions(db: Handle): Promise<ConfirmedSubscription[]> {
	return db
		.selectFrom('alert_subscriptions as s')
		.innerJoin('alert_addresses as a', 'a.id', 's.address_id')
		.select([
			'a.id as addressId',
			'a.email',
			'a.language',
			's.target_kind as kind',
			's.target_id as targetId'
		])
		.where('s.status', '=', 'confirmed')
		.orderBy('a.id')
		.execute();
}
