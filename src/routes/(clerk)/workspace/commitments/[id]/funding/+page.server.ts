import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { attributeShare, isFiscalYearLabel, summariseLine } from '$lib/domain';
import { parseId } from '$lib/server/auth/scope';
import { db } from '$lib/server/db/client';
import { editableCommitment } from '$lib/server/auth/editable-commitment';
import { listBudgetFilters } from '$lib/server/queries/budget-figures';
import { listFundingLinks, searchLinkableLines } from '$lib/server/queries/funding-links';
import {
	addFundingLink,
	basisPointsToPercent,
	editFundingLink,
	linkStamp,
	readShare,
	removeFundingLink
} from '$lib/server/services/funding-links';
import { validateForm } from '$lib/server/forms/validation';
import { invalid, workspaceFailure } from '$lib/server/forms/failure';
import { addSchema, editSchema, labels, removeSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

const SEARCH_LIMIT = 100;
const VOTE = /^[A-Za-z0-9][A-Za-z0-9./-]{0,19}$/;

/** The line search is a GET form: anything malformed in the query string is ignored. */
function searchOf(url: URL) {
	const fy = url.searchParams.get('fy') ?? '';
	const vote = url.searchParams.get('vote') ?? '';
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	return {
		fiscalYear: isFiscalYearLabel(fy) ? fy : null,
		voteCode: VOTE.test(vote) ? vote : null,
		programme: q || null
	};
}

export const load: PageServerLoad = async (event) => {
	const { commitment: c } = await editableCommitment(event);
	const search = searchOf(event.url);
	const [links, lines, filters] = await Promise.all([
		listFundingLinks(db, c.id),
		searchLinkableLines(db, search, SEARCH_LIMIT),
		listBudgetFilters(db)
	]);
	return {
		commitment: {
			id: c.id,
			ref: c.ref,
			title: c.title,
			visibility: c.visibility,
			fundingStatus: c.funding_status
		},
		links: links.map((l) => {
			const share =
				l.shareKind === 'percent'
					? { kind: 'percent' as const, basisPoints: l.shareBasisPoints! }
					: { kind: 'amount' as const, amountKes: l.shareAmountKes! };
			const line = summariseLine(l.figures);
			return {
				...l,
				percent: l.shareBasisPoints === null ? null : basisPointsToPercent(l.shareBasisPoints),
				stamp: linkStamp(l),
				line: l.line,
				summary: line,
				attributed: attributeShare(line, share)
			};
		}),
		search,
		lines,
		linesCapped: lines.length === SEARCH_LIMIT,
		filters,
		editId: parseId(event.url.searchParams.get('edit') ?? ''),
		saved: event.url.searchParams.get('saved')
	};
};

const back = (id: number, saved: string) => `/workspace/commitments/${id}/funding?saved=${saved}`;

export const actions: Actions = {
	add: async (event) => {
		const { user, commitment } = await editableCommitment(event);
		const form = validateForm(await event.request.formData(), addSchema, { labels });
		if (!form.ok) return invalid('add', form.values, form.errors);
		const d = form.data;
		try {
			const share = readShare({
				kind: d.share_kind,
				percent: d.share_percent,
				amount: d.share_amount,
				basis: d.basis,
				note: d.note ?? null
			});
			await addFundingLink(db, user, commitment, d.budget_line_id, share);
		} catch (e) {
			return workspaceFailure(e, 'add', form.values, 'funding link');
		}
		redirect(303, localizeHref(back(commitment.id, 'added')));
	},

	edit: async (event) => {
		const { user, commitment } = await editableCommitment(event);
		const form = validateForm(await event.request.formData(), editSchema, { labels });
		if (!form.ok) return invalid('edit', form.values, form.errors);
		const d = form.data;
		try {
			const share = readShare({
				kind: d.share_kind,
				percent: d.share_percent,
				amount: d.share_amount,
				basis: d.basis,
				note: d.note ?? null
			});
			await editFundingLink(db, user, commitment, d.link_id, d.stamp, share);
		} catch (e) {
			return workspaceFailure(e, 'edit', form.values, 'funding link');
		}
		redirect(303, localizeHref(back(commitment.id, 'edited')));
	},

	remove: async (event) => {
		const { user, commitment } = await editableCommitment(event);
		const form = validateForm(await event.request.formData(), removeSchema, { labels });
		if (!form.ok) return invalid('remove', form.values, form.errors);
		try {
			await removeFundingLink(db, user, commitment, form.data.link_id);
		} catch (e) {
			return workspaceFailure(e, 'remove', form.values, 'funding link');
		}
		redirect(303, localizeHref(back(commitment.id, 'removed')));
	}
};
