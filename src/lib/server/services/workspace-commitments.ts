// Commitment use cases for the clerk workspace. Each runs in one transaction with its audit
// row; edits are refused, without writing anything, when someone else saved first.
import type { Kysely, Transaction } from 'kysely';
import { todayInNairobi } from '../../domain';
import { actorOf, recordAudit } from '../audit';
import type { DB } from '../db/schema';
import { publishSittingIfDraft } from '../queries/workspace-sittings';
import {
	ensureTags,
	getCommitmentRow,
	getCommitteeAbbreviation,
	insertCommitment,
	insertDueDateChange,
	insertNoteUpdate,
	listCommitmentTagNames,
	maxRefNumber,
	replaceCommitmentTags,
	updateCommitmentIfVersion,
	type CommitmentEdit
} from '../queries/workspace-commitments';
import { InputError, NotFoundError } from '../errors';
import {
	checkReferences,
	detailColumns,
	isUniqueViolation,
	resolveDue,
	staleError,
	tagRows,
	type CommitmentDetails,
	type DueFields,
	type DueInput,
	type Editor
} from './commitment-rules';
import { m } from '../../paraglide/messages';
import { enqueueChangeAlerts } from './alert-changes';

export { type CommitmentDetails, type DueInput, type Editor } from './commitment-rules';

export interface NewCommitmentInput extends CommitmentDetails {
	sitting: { id: number; committeeId: number };
	givenOn: string;
	due: DueInput;
}

/**
 * Records a draft commitment given in a sitting. The ref is the committee's next free number
 * for the year given (`DCAIS/2025/006`); when another request took that number first, the
 * unique constraint refuses the insert and the whole transaction is tried again.
 */
export async function createCommitment(
	db: Kysely<DB>,
	user: Editor,
	input: NewCommitmentInput
): Promise<{ id: number; ref: string }> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await db.transaction().execute((trx) => insertNew(trx, user, input));
		} catch (e) {
			if (!isUniqueViolation(e) || attempt >= 5) throw e;
		}
	}
}

/** Records a draft within an open transaction; the caller retries it on a taken ref. */
export async function insertNew(trx: Transaction<DB>, user: Editor, input: NewCommitmentInput) {
	await checkReferences(trx, input);
	const abbreviation = await getCommitteeAbbreviation(trx, input.sitting.committeeId);
	if (!abbreviation) throw new NotFoundError();
	const due = await resolveDue(trx, input.givenOn, input.due);
	const prefix = `${abbreviation}/${input.givenOn.slice(0, 4)}/`;
	const ref = `${prefix}${String((await maxRefNumber(trx, prefix)) + 1).padStart(3, '0')}`;
	const now = new Date().toISOString();
	const values = {
		ref,
		committee_id: input.sitting.committeeId,
		sitting_id: input.sitting.id,
		...detailColumns(input),
		given_on: input.givenOn,
		due_on: due.due_on,
		deadline_rule_id: due.deadline_rule_id,
		due_basis: due.due_basis,
		visibility: 'draft' as const,
		created_at: now,
		updated_at: now,
		updated_by: user.id
	};
	const id = await insertCommitment(trx, values);
	const tags = tagRows(input.tags);
	await replaceCommitmentTags(trx, id, await ensureTags(trx, tags));
	if (due.reason) {
		// The history starts on the day the undertaking was given, not the day it was typed in.
		await insertDueDateChange(trx, {
			commitment_id: id,
			changed_on: input.givenOn,
			from_on: null,
			to_on: due.due_on,
			deadline_rule_id: due.deadline_rule_id,
			reason: due.reason
		});
	}
	await recordAudit(trx, actorOf(user), {
		action: 'commitment.created',
		entityId: id,
		after: { ...values, tags: tags.map((t) => t.name) }
	});
	return { id, ref };
}

const FIELD_NAMES: Record<string, string> = {
	title: 'title',
	summary: 'summary',
	quote: 'quote',
	quote_source_title: 'quote source',
	quote_source_url: 'quote source',
	quote_source_locator: 'quote source',
	organisation_id: 'responsible organisation',
	office_id: 'lead office',
	person_id: 'person',
	type: 'type',
	measurable_target: 'measurable target',
	tags: 'tags'
};

/**
 * Saves the edit form. `version` is the one the form was opened with. The given date and the
 * due date change here only while the record is a draft; once published, a due date moves
 * through an update. A correction to a published record is noted in its public change log.
 */
export async function saveCommitment(
	db: Kysely<DB>,
	user: Editor,
	id: number,
	version: number,
	input: CommitmentDetails & { givenOn?: string; due?: DueInput }
): Promise<{ changed: boolean }> {
	return db.transaction().execute(async (trx) => {
		const before = await getCommitmentRow(trx, id);
		if (!before) throw new NotFoundError();
		if (before.version !== version) throw await staleError(trx, id);
		if (before.visibility === 'withdrawn') {
			throw InputError.of('form', m.svc_cm_withdrawn_edit());
		}
		await checkReferences(trx, input);

		const patch: Partial<CommitmentEdit> = detailColumns(input);
		let dueChange: DueFields | null = null;
		if (before.visibility === 'draft' && input.givenOn && input.due) {
			patch.given_on = input.givenOn;
			const due = await resolveDue(trx, input.givenOn, input.due);
			if (due.due_on !== before.due_on || due.deadline_rule_id !== before.deadline_rule_id) {
				dueChange = due;
			}
			Object.assign(patch, {
				due_on: due.due_on,
				deadline_rule_id: due.deadline_rule_id,
				due_basis: due.due_basis
			});
		}
		const beforeTags = await listCommitmentTagNames(trx, id);
		const tags = tagRows(input.tags);
		const changed = (Object.keys(patch) as (keyof CommitmentEdit)[]).filter(
			(k) => patch[k] !== before[k as keyof typeof before]
		);
		const tagsChanged =
			JSON.stringify([...beforeTags].sort()) !== JSON.stringify(tags.map((t) => t.name).sort());
		if (changed.length === 0 && !tagsChanged) return { changed: false };

		if (!(await updateCommitmentIfVersion(trx, id, version, user.id, patch))) {
			throw await staleError(trx, id);
		}
		if (tagsChanged) await replaceCommitmentTags(trx, id, await ensureTags(trx, tags));
		if (dueChange) {
			await insertDueDateChange(trx, {
				commitment_id: id,
				changed_on: todayInNairobi(),
				from_on: before.due_on,
				to_on: dueChange.due_on,
				deadline_rule_id: dueChange.deadline_rule_id,
				reason: dueChange.reason ?? 'Due date removed while still a draft'
			});
		}
		if (before.visibility === 'published') {
			const what = [
				...new Set([...changed, ...(tagsChanged ? ['tags'] : [])].map((k) => FIELD_NAMES[k] ?? k))
			];
			await insertNoteUpdate(trx, {
				commitment_id: id,
				update_on: todayInNairobi(),
				note: `Record corrected: ${what.join(', ')}.`,
				reason: null,
				author_id: user.id,
				author_name: user.name
			});
		}
		const pick = (row: Record<string, unknown>) =>
			Object.fromEntries(changed.map((k) => [k, row[k]]));
		await recordAudit(trx, actorOf(user), {
			action: 'commitment.updated',
			entityId: id,
			before: { ...pick(before), version, ...(tagsChanged ? { tags: beforeTags } : {}) },
			after: {
				...pick(patch as Record<string, unknown>),
				version: version + 1,
				...(tagsChanged ? { tags: tags.map((t) => t.name) } : {})
			}
		});
		return { changed: true };
	});
}

/** Publishing is explicit: draft → published, and the sitting it came from with it. */
export async function publishCommitment(
	db: Kysely<DB>,
	user: Editor,
	id: number,
	version: number
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await getCommitmentRow(trx, id);
		if (!before) throw new NotFoundError();
		if (before.version !== version) throw await staleError(trx, id);
		if (before.visibility !== 'draft') {
			throw InputError.of('publish', m.svc_cm_only_draft());
		}
		const at = new Date().toISOString();
		const patch = { visibility: 'published' as const, published_at: at };
		if (!(await updateCommitmentIfVersion(trx, id, version, user.id, patch))) {
			throw await staleError(trx, id);
		}
		const actor = actorOf(user);
		await recordAudit(trx, actor, {
			action: 'commitment.published',
			entityId: id,
			before: { visibility: 'draft', version },
			after: { ...patch, ref: before.ref, version: version + 1 }
		});
		await enqueueChangeAlerts(trx, id, { key: `published:${id}`, note: null });
		if (await publishSittingIfDraft(trx, before.sitting_id)) {
			await recordAudit(trx, actor, {
				action: 'sitting.published',
				entityId: before.sitting_id,
				before: { visibility: 'draft' },
				after: { visibility: 'published', with: before.ref }
			});
		}
	});
}

/**
 * Withdraws a published commitment. Nothing is deleted: the public page stays, with the
 * reason, and the withdrawal is a row in its change log.
 */
export async function withdrawCommitment(
	db: Kysely<DB>,
	user: Editor,
	id: number,
	version: number,
	reason: string
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await getCommitmentRow(trx, id);
		if (!before) throw new NotFoundError();
		if (before.version !== version) throw await staleError(trx, id);
		if (before.visibility !== 'published') {
			throw InputError.of('reason', m.svc_cm_only_published());
		}
		const at = new Date().toISOString();
		const patch = {
			visibility: 'withdrawn' as const,
			withdrawn_at: at,
			withdrawn_reason: reason
		};
		if (!(await updateCommitmentIfVersion(trx, id, version, user.id, patch))) {
			throw await staleError(trx, id);
		}
		const updateId = await insertNoteUpdate(trx, {
			commitment_id: id,
			update_on: todayInNairobi(),
			note: 'Withdrawn from publication.',
			reason,
			author_id: user.id,
			author_name: user.name
		});
		await enqueueChangeAlerts(trx, id, {
			key: `withdrawn:${id}`,
			note: null,
			detail: { kind: 'withdrawn', reason }
		});
		await recordAudit(trx, actorOf(user), {
			action: 'commitment.withdrawn',
			entityId: id,
			before: { visibility: 'published', version },
			after: { ...patch, version: version + 1, updateId }
		});
	});
}
