import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import {
	isBudgetPhase,
	isFiscalYearLabel,
	isIsoDate,
	parseKesAmount,
	summariseLine
} from '$lib/domain';
import { actorOf } from '$lib/server/audit';
import { requireRole } from '$lib/server/auth/access';
import { parseId } from '$lib/server/auth/scope';
import { db } from '$lib/server/db/client';
import {
	findFigure,
	listBudgetFilters,
	listLineOptions,
	listWorkspaceLines
} from '$lib/server/queries/budget-figures';
import {
	FigureExistsError,
	addBudgetLine,
	figureStamp,
	saveFigure
} from '$lib/server/services/budget-figures';
import { validateForm } from '$lib/server/forms/validation';
import { invalid, needsConfirmation, workspaceFailure } from '$lib/server/forms/failure';
import { figureSchema, labels, lineSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 50;
const VOTE = /^[A-Za-z0-9][A-Za-z0-9./-]{0,19}$/;

/** The filters are a GET form: anything malformed in the query string is ignored. */
function filterOf(url: URL) {
	const fy = url.searchParams.get('fy') ?? '';
	const vote = url.searchParams.get('vote') ?? '';
	const page = Number(url.searchParams.get('page') ?? '1');
	return {
		fiscalYear: isFiscalYearLabel(fy) ? fy : null,
		voteCode: VOTE.test(vote) ? vote : null,
		page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
		pageSize: PAGE_SIZE
	};
}

/** "Correct" links carry the figure to correct: its form is filled with the stored values. */
async function correctionOf(url: URL) {
	const lineId = parseId(url.searchParams.get('line') ?? '');
	const phase = url.searchParams.get('phase');
	const asOf = url.searchParams.get('as_of');
	if (lineId === null) return null;
	if (!isBudgetPhase(phase) || !isIsoDate(asOf)) return { lineId, figure: null };
	const f = await findFigure(db, lineId, phase, asOf);
	if (!f) return { lineId, figure: null };
	return {
		lineId,
		figure: {
			phase,
			asOf,
			amountKes: Number(f.amount_kes),
			sourceTitle: f.source_title,
			sourceUrl: f.source_url,
			stamp: figureStamp(f)
		}
	};
}

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals.user, 'clerk', 'admin');
	const filter = filterOf(url);
	const [{ lines, total }, filters, lineOptions, correction] = await Promise.all([
		listWorkspaceLines(db, filter),
		listBudgetFilters(db),
		listLineOptions(db, filter),
		correctionOf(url)
	]);
	return {
		filter,
		total,
		lines: lines.map((l) => ({ ...l, summary: summariseLine(l.figures) })),
		filters,
		lineOptions,
		correction,
		saved: url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	line: async ({ locals, request }) => {
		requireRole(locals.user, 'clerk', 'admin');
		const form = validateForm(await request.formData(), lineSchema, { labels });
		if (!form.ok) return invalid('line', form.values, form.errors);
		const d = form.data;
		let id: number;
		try {
			id = await addBudgetLine(db, actorOf(locals.user), {
				fiscalYear: d.fiscal_year,
				voteCode: d.vote_code,
				voteName: d.vote_name,
				programme: d.programme,
				subProgramme: d.sub_programme ?? '',
				economicClass: d.economic_class
			});
		} catch (e) {
			return workspaceFailure(e, 'line', form.values, 'budget line');
		}
		redirect(
			303,
			localizeHref(
				`/workspace/budget?fy=${encodeURIComponent(d.fiscal_year)}&vote=${d.vote_code}&line=${id}&saved=line#figure-heading`
			)
		);
	},

	figure: async ({ locals, request }) => {
		requireRole(locals.user, 'clerk', 'admin');
		const form = validateForm(await request.formData(), figureSchema, { labels });
		if (!form.ok) return invalid('figure', form.values, form.errors);
		const d = form.data;
		const amount = parseKesAmount(d.amount);
		if (!amount.ok) return invalid('figure', form.values, { amount: amount.error });
		let kind: string;
		try {
			({ kind } = await saveFigure(db, actorOf(locals.user), {
				budgetLineId: d.budget_line_id,
				phase: d.phase,
				asOf: d.as_of,
				amountKes: amount.value,
				sourceTitle: d.source_title,
				sourceUrl: d.source_url ?? null,
				replaces: d.replaces ?? null
			}));
		} catch (e) {
			if (e instanceof FigureExistsError) {
				const message = m.bf_figure_exists({
					amount: e.stored.amountKes.toLocaleString('en-GB'),
					source: e.stored.sourceTitle
				});
				return needsConfirmation(
					'figure',
					form.values,
					{ replaces: message },
					{ field: 'replaces', value: e.stamp }
				);
			}
			return workspaceFailure(e, 'figure', form.values, 'budget figure');
		}
		redirect(303, localizeHref(`/workspace/budget?saved=${kind}`));
	}
};
