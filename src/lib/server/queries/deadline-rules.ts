// Deadline rules ("Report within 60 days", "3 months"): data that admins maintain and clerks
// choose from when they record a commitment.
import type { Kysely, Transaction } from 'kysely';
import type { DB, RuleUnit } from '../db/schema';

export interface DeadlineRuleRow {
	id: number;
	name: string;
	description: string;
	unit: RuleUnit;
	amount: number;
	authority: string | null;
	active: boolean;
}

export interface DeadlineRuleInput {
	name: string;
	description: string;
	unit: RuleUnit;
	amount: number;
	authority: string | null;
}

const COLUMNS = ['id', 'name', 'description', 'unit', 'amount', 'authority', 'active'] as const;

function toRow(r: {
	id: number;
	name: string;
	description: string;
	unit: RuleUnit;
	amount: number;
	authority: string | null;
	active: number;
}): DeadlineRuleRow {
	return { ...r, active: r.active === 1 };
}

/** Every rule, active ones first, for the admin page. */
export async function listDeadlineRules(db: Kysely<DB>): Promise<DeadlineRuleRow[]> {
	const rows = await db
		.selectFrom('deadline_rules')
		.select(COLUMNS)
		.orderBy('active', 'desc')
		.orderBy('unit')
		.orderBy('amount')
		.orderBy('id')
		.execute();
	return rows.map(toRow);
}

/** The rules a clerk may choose from. */
export async function listActiveDeadlineRules(db: Kysely<DB>): Promise<DeadlineRuleRow[]> {
	const rows = await db
		.selectFrom('deadline_rules')
		.select(COLUMNS)
		.where('active', '=', 1)
		.orderBy('unit')
		.orderBy('amount')
		.orderBy('id')
		.execute();
	return rows.map(toRow);
}

export async function getDeadlineRule(
	db: Kysely<DB> | Transaction<DB>,
	id: number
): Promise<DeadlineRuleRow | null> {
	const row = await db
		.selectFrom('deadline_rules')
		.select(COLUMNS)
		.where('id', '=', id)
		.executeTakeFirst();
	return row ? toRow(row) : null;
}

export async function deadlineRuleNameTaken(
	db: Kysely<DB> | Transaction<DB>,
	name: string,
	exceptId: number | null = null
): Promise<boolean> {
	const row = await db
		.selectFrom('deadline_rules')
		.select('id')
		.where('name', '=', name)
		.$if(exceptId !== null, (q) => q.where('id', '<>', exceptId!))
		.executeTakeFirst();
	return row !== undefined;
}

export async function insertDeadlineRule(
	trx: Transaction<DB>,
	input: DeadlineRuleInput
): Promise<number> {
	const row = await trx
		.insertInto('deadline_rules')
		.values({ ...input, active: 1, created_at: new Date().toISOString() })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function updateDeadlineRule(
	trx: Transaction<DB>,
	id: number,
	input: DeadlineRuleInput
): Promise<void> {
	await trx.updateTable('deadline_rules').set(input).where('id', '=', id).execute();
}

export async function setDeadlineRuleActive(
	trx: Transaction<DB>,
	id: number,
	active: boolean
): Promise<void> {
	await trx
		.updateTable('deadline_rules')
		.set({ active: active ? 1 : 0 })
		.where('id', '=', id)
		.execute();
}
