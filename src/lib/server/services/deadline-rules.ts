// Admins maintain the deadline rules. Changing a rule never moves a due date already set: a
// commitment's due date was computed when it was recorded, and moving it needs an update.
import type { Kysely } from 'kysely';
import { recordAudit, type Actor } from '../audit';
import { InputError, NotFoundError } from '../errors';
import type { DB } from '../db/schema';
import {
	deadlineRuleNameTaken,
	getDeadlineRule,
	insertDeadlineRule,
	setDeadlineRuleActive,
	updateDeadlineRule,
	type DeadlineRuleInput
} from '../queries/deadline-rules';
import { m } from '../../paraglide/messages';

const NAME_TAKEN = m.svc_dr_name_taken;

export async function addDeadlineRule(
	db: Kysely<DB>,
	actor: Actor,
	input: DeadlineRuleInput
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		if (await deadlineRuleNameTaken(trx, input.name)) {
			throw InputError.of('name', NAME_TAKEN());
		}
		const id = await insertDeadlineRule(trx, input);
		await recordAudit(trx, actor, {
			action: 'deadline_rule.created',
			entityId: id,
			after: input
		});
		return id;
	});
}

export async function editDeadlineRule(
	db: Kysely<DB>,
	actor: Actor,
	id: number,
	input: DeadlineRuleInput
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await getDeadlineRule(trx, id);
		if (!before) throw new NotFoundError();
		if (await deadlineRuleNameTaken(trx, input.name, id)) {
			throw InputError.of('name', NAME_TAKEN());
		}
		await updateDeadlineRule(trx, id, input);
		await recordAudit(trx, actor, {
			action: 'deadline_rule.updated',
			entityId: id,
			before,
			after: { ...before, ...input }
		});
	});
}

/** Deactivated rules stay on the commitments that used them; clerks can no longer pick them. */
export async function setDeadlineRuleActivity(
	db: Kysely<DB>,
	actor: Actor,
	id: number,
	active: boolean
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await getDeadlineRule(trx, id);
		if (!before) throw new NotFoundError();
		if (before.active === active) return;
		await setDeadlineRuleActive(trx, id, active);
		await recordAudit(trx, actor, {
			action: active ? 'deadline_rule.activated' : 'deadline_rule.deactivated',
			entityId: id,
			before: { active: before.active },
			after: { active }
		});
	});
}
