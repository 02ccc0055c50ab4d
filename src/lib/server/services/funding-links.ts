// Linking a commitment to budget lines. A link is a link, not a record with a history of its
// own: it may be edited or removed, each change audited with before and after. Every change
// recomputes the commitment's derived funding status in the same transaction.
import type { Kysely, Transaction } from 'kysely';
import { parseKesAmount } from '../../domain';
import { recordAudit, type Actor } from '../audit';
import type { Commitment, DB, FundingBasis } from '../db/schema';
import {
	budgetLineExists,
	deleteFundingLink,
	findLinkToLine,
	fundingLinkLastSaved,
	getFundingLink,
	insertFundingLink,
	updateFundingLinkIfUnchanged,
	type LinkShare
} from '../queries/funding-links';
import { getBudgetLine } from '../queries/budget-figures';
import { budgetLineName, enqueueChangeAlerts } from './alert-changes';
import { refreshFundingStatuses } from './funding-status';
import type { Author } from './updates';
import { InputError, NotFoundError, StaleRecordError } from '../errors';
import { m } from '../../paraglide/messages';

const actorOf = (a: Author): Actor => ({ id: a.id, label: `${a.name} <${a.email}>` });

/**
 * '12.5' → 1250 basis points (1 % = 100). Up to two decimals, more than 0 and at most 100;
 * computed on the digits so that no float rounding can creep in.
 */
export function percentToBasisPoints(text: string): number | null {
	const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
	if (!m) return null;
	const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
	return bp > 0 && bp <= 10_000 ? bp : null;
}

export function basisPointsToPercent(bp: number): string {
	const whole = Math.floor(bp / 100);
	const rest = bp % 100;
	return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

export interface ShareInput {
	kind: 'percent' | 'amount';
	percent?: string | null;
	amount?: string | null;
	basis: FundingBasis;
	note: string | null;
}

/** Reads the share typed in the form; throws InputError naming the box at fault. */
export function readShare(input: ShareInput): LinkShare {
	if (input.kind === 'percent' && input.amount) {
		throw new InputError({ share_amount: m.svc_fl_amount_empty() });
	}
	if (input.kind === 'amount' && input.percent) {
		throw new InputError({
			share_percent: m.svc_fl_percent_empty()
		});
	}
	if (input.kind === 'percent') {
		const bp = input.percent ? percentToBasisPoints(input.percent) : null;
		if (bp === null) {
			throw new InputError({
				share_percent: input.percent ? m.svc_fl_percent_range() : m.svc_fl_enter_percent()
			});
		}
		return {
			shareKind: 'percent',
			shareBasisPoints: bp,
			shareAmountKes: null,
			basis: input.basis,
			note: input.note
		};
	}
	if (!input.amount) throw new InputError({ share_amount: m.svc_fl_enter_amount() });
	const parsed = parseKesAmount(input.amount);
	if (!parsed.ok) throw new InputError({ share_amount: parsed.error });
	if (parsed.value <= 0) throw new InputError({ share_amount: m.svc_fl_amount_positive() });
	return {
		shareKind: 'amount',
		shareBasisPoints: null,
		shareAmountKes: parsed.value,
		basis: input.basis,
		note: input.note
	};
}

function auditView(s: LinkShare & { budgetLineId?: number }) {
	return {
		budget_line_id: s.budgetLineId,
		share_kind: s.shareKind,
		share_basis_points: s.shareBasisPoints,
		share_amount_kes: s.shareAmountKes,
		basis: s.basis,
		note: s.note
	};
}

/** Followers and instant MPs hear of a link made, changed or removed (never a draft's). */
async function alertFunding(
	trx: Transaction<DB>,
	c: Commitment,
	linkId: number,
	budgetLineId: number,
	change: 'linked' | 'edited' | 'unlinked'
) {
	const line = await getBudgetLine(trx, budgetLineId);
	if (!line) return;
	// A link has no version: the time of the change tells one edit from the next.
	await enqueueChangeAlerts(trx, c.id, {
		key: `funding:${linkId}:${change}:${new Date().toISOString()}`,
		note: null,
		detail: { kind: 'funding', change, line: budgetLineName(line) }
	});
}

function checkOpen(c: Commitment) {
	if (c.visibility === 'withdrawn') {
		throw new InputError({
			budget_line_id: m.svc_fl_withdrawn()
		});
	}
}

export async function addFundingLink(
	db: Kysely<DB>,
	author: Author,
	c: Commitment,
	budgetLineId: number,
	share: LinkShare
): Promise<number> {
	checkOpen(c);
	return db.transaction().execute(async (trx) => {
		if (!(await budgetLineExists(trx, budgetLineId))) {
			throw new InputError({ budget_line_id: m.svc_select_line() });
		}
		if (await findLinkToLine(trx, c.id, budgetLineId)) {
			throw new InputError({
				budget_line_id: m.svc_fl_already_linked()
			});
		}
		const id = await insertFundingLink(trx, c.id, budgetLineId, share);
		await refreshFundingStatuses(trx, [c.id]);
		await recordAudit(trx, actorOf(author), {
			action: 'funding_link.created',
			entityId: id,
			after: { commitment_id: c.id, ...auditView({ ...share, budgetLineId }) }
		});
		await alertFunding(trx, c, id, budgetLineId, 'linked');
		return id;
	});
}

function shareOf(row: {
	share_kind: LinkShare['shareKind'];
	share_basis_points: number | null;
	share_amount_kes: number | null;
	basis: FundingBasis;
	note: string | null;
}): LinkShare {
	return {
		shareKind: row.share_kind,
		shareBasisPoints: row.share_basis_points,
		shareAmountKes: row.share_amount_kes === null ? null : Number(row.share_amount_kes),
		basis: row.basis,
		note: row.note
	};
}

/** A fingerprint of a link's values, carried by the edit form in place of a version. */
export function linkStamp(s: LinkShare): string {
	return [
		s.shareKind,
		s.shareBasisPoints ?? '',
		s.shareAmountKes ?? '',
		s.basis,
		s.note ?? ''
	].join('|');
}

export async function editFundingLink(
	db: Kysely<DB>,
	author: Author,
	c: Commitment,
	linkId: number,
	stamp: string,
	next: LinkShare
): Promise<void> {
	checkOpen(c);
	await db.transaction().execute(async (trx) => {
		const row = await getFundingLink(trx, c.id, linkId);
		if (!row) throw new NotFoundError();
		const seen = shareOf(row);
		const stale = async () => {
			const last = await fundingLinkLastSaved(trx, linkId);
			return new StaleRecordError(last.by, last.at);
		};
		if (linkStamp(seen) !== stamp) throw await stale();
		if (!(await updateFundingLinkIfUnchanged(trx, linkId, seen, next))) throw await stale();
		await refreshFundingStatuses(trx, [c.id]);
		await recordAudit(trx, actorOf(author), {
			action: 'funding_link.updated',
			entityId: linkId,
			before: auditView(seen),
			after: auditView(next)
		});
		await alertFunding(trx, c, linkId, row.budget_line_id, 'edited');
	});
}

export async function removeFundingLink(
	db: Kysely<DB>,
	author: Author,
	c: Commitment,
	linkId: number
): Promise<void> {
	checkOpen(c);
	await db.transaction().execute(async (trx) => {
		const row = await getFundingLink(trx, c.id, linkId);
		if (!row) throw new NotFoundError();
		if (!(await deleteFundingLink(trx, linkId))) throw new NotFoundError();
		await refreshFundingStatuses(trx, [c.id]);
		await recordAudit(trx, actorOf(author), {
			action: 'funding_link.removed',
			entityId: linkId,
			before: {
				commitment_id: c.id,
				...auditView({ ...shareOf(row), budgetLineId: row.budget_line_id })
			},
			after: null
		});
		await alertFunding(trx, c, linkId, row.budget_line_id, 'unlinked');
	});
}
