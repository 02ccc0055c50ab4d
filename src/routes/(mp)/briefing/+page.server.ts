import { addDays, todayInNairobi } from '$lib/domain';
import { DEFAULT_LOOKBACK_DAYS, parseBriefingParams } from '$lib/domain/briefing';
import { requireRole } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import { listBriefingCommittees, type BriefingCommittee } from '$lib/server/queries/briefing';
import { loadBriefing } from '$lib/server/services/briefing';
import { localizeHref } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

/** The MP's first committee, else the first committee listed. */
function defaultCommittee(committees: BriefingCommittee[], mine: readonly number[]) {
	for (const id of mine) {
		const found = committees.find((k) => k.id === id);
		if (found) return found;
	}
	return committees[0] ?? null;
}

export const load: PageServerLoad = async ({ url, locals }) => {
	requireRole(locals.user, 'mp', 'admin');
	const today = todayInNairobi();
	const committees = await listBriefingCommittees(db, today);
	const params = parseBriefingParams(url.searchParams, today);
	const errors = { ...params.errors };

	let committee = defaultCommittee(committees, locals.user.committeeIds);
	if (params.committee !== null) {
		committee = committees.find((k) => k.slug === params.committee) ?? null;
		if (!committee) errors.committee = 'unknown';
	}
	const choices = committees.map(({ slug, name, abbreviation, lastSatOn }) => ({
		slug,
		name,
		abbreviation,
		lastSatOn
	}));
	// What the form shows: the "since" box stays empty while the default (last sitting) applies,
	// so that choosing another committee picks up that committee's own last sitting.
	const form = {
		committee:
			committee?.slug ?? defaultCommittee(committees, locals.user.committeeIds)?.slug ?? '',
		since: params.since ?? ''
	};
	if (!committee || Object.keys(errors).length > 0) {
		return {
			today,
			committees: choices,
			errors,
			form,
			selected: null,
			pack: null,
			runningHead: null
		};
	}

	// The default "since" is the committee's last sitting: what changed since MPs last met.
	const sinceBasis =
		params.since !== null ? 'chosen' : committee.lastSatOn ? 'sitting' : 'lookback';
	const since = params.since ?? committee.lastSatOn ?? addDays(today, -DEFAULT_LOOKBACK_DAYS);
	const pack = await loadBriefing(db, committee, since, today);
	const share = new URL('/briefing', url.origin);
	share.searchParams.set('committee', committee.slug);
	share.searchParams.set('since', since);
	return {
		runningHead: localizeHref(`/briefing/print.css${share.search}`),
		today,
		committees: choices,
		errors,
		form,
		selected: {
			committee: {
				slug: committee.slug,
				name: committee.name,
				abbreviation: committee.abbreviation
			},
			since,
			sinceBasis,
			lastSatOn: committee.lastSatOn,
			shareUrl: share.href,
			sharePath: `${share.pathname}${share.search}`
		},
		pack
	};
};
