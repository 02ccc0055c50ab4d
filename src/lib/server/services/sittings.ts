// Sitting use cases: record a sitting with who appeared, and edit it with a version check.
import type { Kysely, Transaction } from 'kysely';
import { todayInNairobi } from '../../domain';
import { actorOf, recordAudit } from '../audit';
import type { DB } from '../db/schema';
import { allCurrent } from '../queries/reference';
import { getCommittee } from '../queries/committees';
import {
	getSittingRow,
	insertSitting,
	lastSittingChange,
	listAppearances,
	publishSittingIfDraft,
	replaceAppearances,
	updateSittingIfVersion
} from '../queries/workspace-sittings';
import { InputError, NotFoundError, StaleRecordError } from '../errors';
import type { Editor } from './workspace-commitments';
import { m } from '../../paraglide/messages';

export interface Appearance {
	personId: number;
	officeId: number;
}

export interface SittingInput {
	satOn: string;
	subject: string;
	sourceTitle: string;
	sourceUrl: string | null;
	sourceLocator: string | null;
	appearances: Appearance[];
}

function columns(input: SittingInput) {
	return {
		sat_on: input.satOn,
		subject: input.subject,
		source_title: input.sourceTitle,
		source_url: input.sourceUrl,
		source_locator: input.sourceLocator
	};
}

async function checkAppearances(trx: Transaction<DB>, appearances: Appearance[]) {
	if (
		!(await allCurrent(
			trx,
			'people',
			appearances.map((a) => a.personId)
		))
	) {
		throw InputError.of('appearances', m.svc_st_select_person());
	}
	if (
		!(await allCurrent(
			trx,
			'offices',
			appearances.map((a) => a.officeId)
		))
	) {
		throw InputError.of('appearances', m.svc_st_select_office());
	}
}

/** Records a sitting (a draft until a commitment from it is published) and who appeared. */
export async function createSitting(
	db: Kysely<DB>,
	user: Editor,
	input: SittingInput & { committeeId: number }
): Promise<number> {
	return db.transaction().execute((trx) => createSittingIn(trx, user, input));
}

/** Records a sitting within a transaction another use case opened (recording from a transcript). */
export async function createSittingIn(
	trx: Transaction<DB>,
	user: Editor,
	input: SittingInput & { committeeId: number }
): Promise<number> {
	if (!(await getCommittee(trx, input.committeeId))) {
		throw InputError.of('committee_id', m.svc_st_select_committee());
	}
	await checkAppearances(trx, input.appearances);
	const values = { committee_id: input.committeeId, ...columns(input) };
	const id = await insertSitting(trx, values);
	await replaceAppearances(trx, id, input.appearances);
	await recordAudit(trx, actorOf(user), {
		action: 'sitting.created',
		entityId: id,
		after: { ...values, appearances: input.appearances }
	});
	return id;
}

async function staleError(trx: Transaction<DB>, id: number, updatedAt: string) {
	const last = await lastSittingChange(trx, id);
	return new StaleRecordError(last?.by ?? 'another user', last?.at ?? updatedAt);
}

export async function saveSitting(
	db: Kysely<DB>,
	user: Editor,
	id: number,
	version: number,
	input: SittingInput
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await getSittingRow(trx, id);
		if (!before) throw new NotFoundError();
		if (before.version !== version) throw await staleError(trx, id, before.updated_at);
		await checkAppearances(trx, input.appearances);
		const beforeAppearances = await listAppearances(trx, id);
		if (!(await updateSittingIfVersion(trx, id, version, columns(input)))) {
			throw await staleError(trx, id, before.updated_at);
		}
		await replaceAppearances(trx, id, input.appearances);
		await recordAudit(trx, actorOf(user), {
			action: 'sitting.updated',
			entityId: id,
			before: {
				sat_on: before.sat_on,
				subject: before.subject,
				source_title: before.source_title,
				source_url: before.source_url,
				source_locator: before.source_locator,
				appearances: beforeAppearances,
				version
			},
			after: { ...columns(input), appearances: input.appearances, version: version + 1 }
		});
	});
}

/**
 * Publishes a sitting dated after today, ahead of its date, so that the MPs of its committee
 * are told of it before it sits (the scheduled pass, services/alert-pass.ts). A sitting is
 * otherwise a draft until a commitment from it is published, and MPs never see drafts.
 */
export async function announceSitting(
	db: Kysely<DB>,
	user: Editor,
	id: number,
	version: number,
	{ today = todayInNairobi() }: { today?: string } = {}
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await getSittingRow(trx, id);
		if (!before) throw new NotFoundError();
		if (before.version !== version) throw await staleError(trx, id, before.updated_at);
		if (before.visibility !== 'draft') throw InputError.of('announce', m.svc_st_announce_draft());
		if (before.sat_on <= today) throw InputError.of('announce', m.svc_st_announce_future());
		if (!(await publishSittingIfDraft(trx, id))) {
			throw await staleError(trx, id, before.updated_at);
		}
		await recordAudit(trx, actorOf(user), {
			action: 'sitting.published',
			entityId: id,
			before: { visibility: 'draft', version },
			after: { visibility: 'published', sat_on: before.sat_on, version: version + 1 }
		});
	});
}
