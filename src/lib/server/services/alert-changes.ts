// Mails caused by a write to a commitment, decided in the write's own transaction (the outbox
// pattern): followers of the commitment, its committee or its organisation, and MPs who chose
// instant alerts, each get one message per change. Nothing is sent about a draft. Call
// enqueueChangeAlerts inside the transaction of every write that changes a published (or
// withdrawn, still public) commitment's public record: an update, a publication, a milestone, a
// funding link, a figure on a linked budget line, a withdrawal.
import type { Transaction } from 'kysely';
import type { BudgetLine, DB } from '../db/schema';
import { composeChange } from '../alerts/compose';
import { absoluteUrl, mailHeaders, originFromEnv } from '../alerts/render';
import { MANAGE_TTL_MS, newAlertToken } from '../alerts/tokens';
import { getCommitmentForAlert, listInstantMps, type ChangeDetail } from '../queries/alerts';
import { insertAlertToken, listFollowersOfCommitment } from '../queries/alert-subscriptions';
import { existingDedupeKeys, insertOutboxMessage } from '../queries/outbox';

export interface ChangeEvent {
	/**
	 * Unique per change, e.g. `update:123`, `published:45`, `milestone:7:v3`: part of each
	 * message's dedupe key.
	 */
	key: string;
	/** The update's note (as recorded); null when the change is not an update. */
	note: string | null;
	dueFrom?: string | null;
	dueTo?: string | null;
	/** What changed, described in the recipient's language. */
	detail?: ChangeDetail;
	/** Titles of the evidence published with the change. */
	evidence?: string[];
}

/** How a mail names a budget line: vote, programme (and sub-programme), fiscal year. */
export function budgetLineName(
	line: Pick<BudgetLine, 'vote_code' | 'programme' | 'sub_programme' | 'fiscal_year'>
): string {
	const programme = line.sub_programme
		? `${line.programme} / ${line.sub_programme}`
		: line.programme;
	return `${line.vote_code} ${programme} (${line.fiscal_year})`;
}

/** Queues the change alerts for `event` on commitment `commitmentId`; returns how many. */
export async function enqueueChangeAlerts(
	trx: Transaction<DB>,
	commitmentId: number,
	event: ChangeEvent,
	{ origin = originFromEnv(), now = Date.now() }: { origin?: string; now?: number } = {}
): Promise<number> {
	const c = await getCommitmentForAlert(trx, commitmentId);
	// A draft is never news. A withdrawn commitment's page stays public, and its withdrawal is
	// the last news of it: nothing after that (a figure on a line it was linked to) is sent.
	if (!c || c.visibility === 'draft') return 0;
	if (c.visibility === 'withdrawn' && event.detail?.kind !== 'withdrawn') return 0;
	const change = {
		commitmentId: c.id,
		ref: c.ref,
		title: c.title,
		at: new Date(now).toISOString(),
		note: event.note,
		dueFrom: event.dueFrom ?? null,
		dueTo: event.dueTo ?? null,
		detail: event.detail ?? null,
		evidence: event.evidence ?? []
	};
	const followers = await listFollowersOfCommitment(trx, c);
	const mps = await listInstantMps(trx, c);
	const keyOf = (who: string) => `change:${event.key}:${who}`;
	const done = await existingDedupeKeys(trx, [
		...followers.map((f) => keyOf(`a${f.addressId}`)),
		...mps.map((u) => keyOf(`u${u.userId}`))
	]);
	let queued = 0;
	for (const f of followers) {
		const dedupeKey = keyOf(`a${f.addressId}`);
		if (done.has(dedupeKey)) continue;
		const manage = newAlertToken();
		await insertAlertToken(trx, {
			id: manage.id,
			addressId: f.addressId,
			purpose: 'manage',
			subscriptionId: null,
			expiresAt: now + MANAGE_TTL_MS
		});
		const lang = f.language;
		const mail = composeChange({
			lang,
			origin,
			commitment: c,
			change,
			footer: {
				kind: 'follower',
				manageUrl: absoluteUrl(origin, lang, `/alerts/manage/${manage.token}`)
			}
		});
		const unsubscribeUrl = absoluteUrl(origin, lang, `/alerts/unsubscribe/${manage.token}`);
		if (
			await insertOutboxMessage(
				trx,
				{
					dedupeKey,
					recipient: f.email,
					language: lang,
					kind: 'change',
					...mail,
					headers: mailHeaders({ dedupeKey, origin, lang, automatic: true, unsubscribeUrl })
				},
				now
			)
		) {
			queued++;
		}
	}
	for (const u of mps) {
		const dedupeKey = keyOf(`u${u.userId}`);
		if (done.has(dedupeKey)) continue;
		const lang = u.language;
		const mail = composeChange({
			lang,
			origin,
			commitment: c,
			change,
			footer: { kind: 'account' }
		});
		if (
			await insertOutboxMessage(
				trx,
				{
					dedupeKey,
					recipient: u.email,
					language: lang,
					kind: 'change',
					...mail,
					headers: mailHeaders({ dedupeKey, origin, lang, automatic: true })
				},
				now
			)
		) {
			queued++;
		}
	}
	return queued;
}
