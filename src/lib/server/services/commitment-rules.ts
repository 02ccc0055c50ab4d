// The rules behind the commitment use cases: how a due date is derived
// (a deadline rule, by hand, or none), and the checks on referenced people, offices and
// organisations. Split from commitments.ts to keep each file readable.
import type { Kysely, Transaction } from 'kysely';
import { applyDeadlineRule } from '../../domain';
import type { CommitmentType, DB } from '../db/schema';
import { InputError, NotFoundError, StaleRecordError } from '../errors';
import { getDeadlineRule } from '../queries/deadline-rules';
import { allCurrent } from '../queries/reference';
import { lastCommitmentChange, type CommitmentEdit } from '../queries/workspace-commitments';
import { slugify } from './slug';
import { m } from '../../paraglide/messages';

export interface Editor {
	id: number;
	name: string;
	email: string;
}

export interface CommitmentDetails {
	title: string;
	summary: string;
	quote: string;
	quoteSourceTitle: string;
	quoteSourceUrl: string | null;
	quoteSourceLocator: string | null;
	organisationId: number;
	officeId: number;
	personId: number | null;
	type: CommitmentType;
	tags: string[];
	measurableTarget: string | null;
}

export type DueInput =
	| { mode: 'rule'; ruleId: number }
	| { mode: 'hand'; dueOn: string; basis: string }
	| { mode: 'none' };

export interface DueFields {
	due_on: string | null;
	deadline_rule_id: number | null;
	due_basis: string | null;
	/** The reason recorded in the due-date history, or null when there is no due date. */
	reason: string | null;
}

export async function resolveDue(
	trx: Transaction<DB>,
	givenOn: string,
	due: DueInput
): Promise<DueFields> {
	if (due.mode === 'none') {
		return { due_on: null, deadline_rule_id: null, due_basis: null, reason: null };
	}
	if (due.mode === 'hand') {
		if (due.dueOn < givenOn) {
			throw InputError.of('due_on', m.svc_cm_due_after());
		}
		return {
			due_on: due.dueOn,
			deadline_rule_id: null,
			due_basis: due.basis,
			reason: `Set by hand: ${due.basis}`
		};
	}
	const rule = await getDeadlineRule(trx, due.ruleId);
	if (!rule || !rule.active) {
		throw InputError.of('deadline_rule_id', m.svc_cm_select_rule());
	}
	return {
		due_on: applyDeadlineRule(givenOn, rule),
		deadline_rule_id: rule.id,
		due_basis: rule.name,
		reason: `Set by rule: ${rule.name}`
	};
}

export async function checkReferences(trx: Transaction<DB>, d: CommitmentDetails) {
	if (!(await allCurrent(trx, 'organisations', [d.organisationId]))) {
		throw InputError.of('organisation_id', m.svc_select_organisation());
	}
	if (!(await allCurrent(trx, 'offices', [d.officeId]))) {
		throw InputError.of('office_id', m.svc_cm_select_office());
	}
	if (d.personId !== null && !(await allCurrent(trx, 'people', [d.personId]))) {
		throw InputError.of('person_id', m.svc_select_person());
	}
}

export function detailColumns(d: CommitmentDetails): CommitmentEdit {
	return {
		title: d.title,
		summary: d.summary,
		quote: d.quote,
		quote_source_title: d.quoteSourceTitle,
		quote_source_url: d.quoteSourceUrl,
		quote_source_locator: d.quoteSourceLocator,
		organisation_id: d.organisationId,
		office_id: d.officeId,
		person_id: d.personId,
		type: d.type,
		measurable_target: d.measurableTarget
	};
}

export function tagRows(names: string[]) {
	const bySlug = new Map<string, string>();
	for (const name of names) if (!bySlug.has(slugify(name))) bySlug.set(slugify(name), name);
	return [...bySlug].map(([slug, name]) => ({ slug, name }));
}

export function isUniqueViolation(e: unknown): boolean {
	const err = e as { code?: string; message?: string };
	return err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || err?.code === '23505';
}

export async function staleError(db: Kysely<DB> | Transaction<DB>, id: number) {
	const last = await lastCommitmentChange(db, id);
	if (!last) return new NotFoundError();
	return new StaleRecordError(last.by, last.at);
}
