// The public shapes of the open data API. Records are mapped field by field (never spread from a
// database row), so a column added later is not published by accident. The OpenAPI document in
// ./openapi.ts describes exactly these shapes, and the end-to-end tests hold the two together.
import type { Submission } from '$lib/domain';
import { attributeFunding, summariseLine, type LineSummary } from '$lib/domain';
import { commitmentPath } from '$lib/domain/commitment-query';
import type { BudgetLineRecord } from '../queries/budget-lines';
import type { CommitmentSearchRow } from '../queries/commitment-search';
import type { PublishedCommitment } from '../queries/public-commitments';
import type { OrganisationWithCount } from '../queries/organisations';
import { FDP_PHASE } from './fiscal-data-package';

export const API_PATH = '/api/v1';

export const links = {
	commitmentPage: (origin: string, ref: string) => origin + commitmentPath(ref),
	commitmentApi: (origin: string, ref: string) =>
		`${origin}${API_PATH}/commitments/${encodeURIComponent(ref)}`,
	commitmentFeed: (origin: string, ref: string) =>
		`${origin}/feeds/commitments/${encodeURIComponent(ref)}.atom`,
	committeePage: (origin: string, slug: string) => `${origin}/committees/${slug}`,
	committeeFeed: (origin: string, slug: string) => `${origin}/feeds/committees/${slug}.atom`,
	commitmentsOf: (origin: string, param: 'committee' | 'organisation', slug: string) =>
		`${origin}${API_PATH}/commitments?${param}=${encodeURIComponent(slug)}`
};

/** Database timestamps ('2026-11-28 20:13:01' from SQLite, or ISO) as RFC 3339 UTC. */
export function toIsoTimestamp(value: string): string {
	const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?$/.exec(
		value
	);
	if (m) return `${m[1]}T${m[2]}${m[3] ?? 'Z'}`;
	if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
	return value;
}

function round(ratio: number | null, digits = 4): number | null {
	if (ratio === null) return null;
	const f = 10 ** digits;
	return Math.round(ratio * f) / f;
}

export function toCommitmentItem(r: CommitmentSearchRow, origin: string) {
	return {
		ref: r.ref,
		title: r.title,
		summary: r.summary,
		type: r.type,
		committee: {
			slug: r.committee.slug,
			name: r.committee.name,
			abbreviation: r.committee.abbreviation
		},
		organisation: { slug: r.organisationSlug, name: r.organisation },
		office: r.office,
		givenOn: r.givenOn,
		dueOn: r.dueOn,
		deliveryStatus: r.deliveryStatus,
		proceduralStatus: r.proceduralStatus,
		fundingStatus: r.fundingStatus,
		overdue: r.overdue,
		daysOverdue: r.daysOverdue,
		progress: round(r.progress),
		milestoneCount: r.milestoneCount,
		url: links.commitmentPage(origin, r.ref),
		apiUrl: links.commitmentApi(origin, r.ref),
		feedUrl: links.commitmentFeed(origin, r.ref)
	};
}

export type CommitmentItem = ReturnType<typeof toCommitmentItem>;

interface EvidenceLike {
	id: number;
	type: string;
	title: string;
	url: string | null;
	published_on: string | null;
	excerpt: string | null;
	illustrative: number;
}

/**
 * An evidence link as published: Ahadi's own pages (a ministry's submission) are stored as paths
 * and published as absolute addresses on this origin; others as recorded.
 */
export function evidenceUrl(url: string | null, origin: string): string | null {
	return url !== null && url.startsWith('/') && !url.startsWith('//') ? origin + url : url;
}

function toEvidence(e: EvidenceLike, origin: string) {
	return {
		type: e.type,
		title: e.title,
		url: evidenceUrl(e.url, origin),
		publishedOn: e.published_on,
		excerpt: e.excerpt,
		illustrative: e.illustrative === 1
	};
}

function change<T>(from: T | null, to: T | null) {
	return to === null && from === null ? null : { from, to };
}

function toFigure(f: { amountKes: number; asOf: string } | null) {
	return f ? { amountKes: f.amountKes, asOf: f.asOf } : null;
}

export function toSummary(s: LineSummary) {
	return {
		requested: toFigure(s.requested),
		ceiling: toFigure(s.ceiling),
		approved: toFigure(s.approved),
		supplementary1: toFigure(s.supplementary1),
		supplementary2: toFigure(s.supplementary2),
		released: toFigure(s.released),
		spent: toFigure(s.spent),
		currentAllocation: s.currentAllocation
			? {
					phase: s.currentAllocation.phase,
					amountKes: s.currentAllocation.amountKes,
					asOf: s.currentAllocation.asOf
				}
			: null,
		fundingGap: s.fundingGap,
		releaseRate: s.releaseRate,
		absorptionRate: s.absorptionRate,
		useOfReleases: s.useOfReleases,
		asOf: s.asOf
	};
}

function toBudgetFigure(f: {
	phase: keyof typeof FDP_PHASE;
	amountKes: number;
	asOf: string;
	sourceTitle: string;
	sourceUrl: string | null;
	illustrative: boolean;
}) {
	return {
		phase: f.phase,
		fdpPhase: FDP_PHASE[f.phase],
		amountKes: f.amountKes,
		asOf: f.asOf,
		source: { title: f.sourceTitle, url: f.sourceUrl },
		illustrative: f.illustrative
	};
}

/** A ministry's submission once sent, with the committee's decision; documents by link. */
export function toSubmission(s: Submission, origin: string) {
	return {
		id: s.id,
		commitmentRef: s.commitmentRef,
		kind: s.kind,
		organisation: s.organisation,
		channel: s.channel,
		sentOn: s.sentOn,
		text: s.body,
		claimedStatus: s.claimedStatus,
		requestedUntil: s.requestedUntil,
		approvedBy: s.approvedBy,
		approvedOn: s.approvedOn,
		decision:
			s.decision === null || s.decidedOn === null
				? null
				: {
						outcome: s.decision,
						decidedOn: s.decidedOn,
						note: s.decisionNote ?? '',
						grantedUntil: s.grantedUntil
					},
		documents: s.documents.map((d) => ({
			fileName: d.fileName,
			mediaType: d.mediaType,
			byteSize: d.byteSize,
			sha256: d.sha256,
			url: `${origin}/submissions/${s.id}/documents/${d.id}`
		})),
		url: `${links.commitmentPage(origin, s.commitmentRef)}#submission-${s.id}`
	};
}

/** One commitment with its story: quote, milestones, change log, due dates and money. */
export function toCommitmentDetail(
	item: CommitmentSearchRow,
	c: PublishedCommitment,
	origin: string,
	submissions: readonly Submission[] = []
) {
	const evidenceById = new Map<number, ReturnType<typeof toEvidence>>();
	const evidenceOfUpdate = new Map<number, ReturnType<typeof toEvidence>[]>();
	for (const e of c.evidence) {
		const shaped = toEvidence(e, origin);
		evidenceById.set(e.id, shaped);
		if (e.update_id !== null) {
			const list = evidenceOfUpdate.get(e.update_id) ?? [];
			list.push(shaped);
			evidenceOfUpdate.set(e.update_id, list);
		}
	}
	return {
		...toCommitmentItem(item, origin),
		quote: c.quote,
		quoteSource: {
			title: c.quoteSource.title,
			url: c.quoteSource.url,
			locator: c.quoteSource.locator
		},
		sitting: { date: c.sitting.satOn, subject: c.sitting.subject },
		person: c.person,
		dueBasis: c.dueBasis,
		measurableTarget: c.measurableTarget,
		statusReason: c.statusReason,
		withdrawn: c.withdrawn
			? {
					at: c.withdrawn.at === null ? null : toIsoTimestamp(c.withdrawn.at),
					reason: c.withdrawn.reason
				}
			: null,
		publishedAt: c.publishedAt === null ? null : toIsoTimestamp(c.publishedAt),
		updatedAt: toIsoTimestamp(c.updatedAt),
		tags: c.tags.map((t) => ({ slug: t.slug, name: t.name })),
		milestones: c.milestones.map((m) => ({
			title: m.title,
			plannedOn: m.planned_on,
			actualOn: m.actual_on,
			weight: m.weight,
			status: m.status
		})),
		updates: c.updates.map((u) => ({
			date: u.update_on,
			delivery: change(u.delivery_from, u.delivery_to),
			procedural: change(u.procedural_from, u.procedural_to),
			dueDate: change(u.due_from, u.due_to),
			reason: u.reason,
			note: u.note,
			author: u.author_name,
			evidence: evidenceOfUpdate.get(u.id) ?? []
		})),
		evidence: [...evidenceById.values()],
		// What the ministry sent (never its drafts) and what the committee decided.
		ministrySubmissions: submissions
			.filter((x) => x.state !== 'draft')
			.map((x) => toSubmission(x, origin)),
		dueDateHistory: c.dueChanges.map((d) => ({
			changedOn: d.changed_on,
			from: d.from_on,
			to: d.to_on,
			reason: d.reason
		})),
		funding: c.funding.map((link) => {
			const money = attributeFunding(link);
			return {
				basis: link.basis,
				share:
					link.share.kind === 'percent'
						? { kind: 'percent' as const, percent: link.share.basisPoints / 100 }
						: { kind: 'amount' as const, amountKes: link.share.amountKes },
				note: link.note,
				budgetLine: {
					id: link.line.id,
					fiscalYear: link.line.fiscalYear,
					vote: { code: link.line.voteCode, name: link.line.voteName },
					programme: link.line.programme,
					subProgramme: link.line.subProgramme,
					economicClass: link.line.economicClass
				},
				figures: link.figures.map(toBudgetFigure),
				shareOfLine: money.shareOfLine === null ? null : round(money.shareOfLine, 6),
				line: toSummary(money.line),
				attributed: toSummary(money.attributed)
			};
		})
	};
}

export function toBudgetLine(line: BudgetLineRecord, origin: string) {
	return {
		id: line.id,
		fiscalYear: line.fiscalYear,
		vote: { code: line.voteCode, name: line.voteName },
		programme: line.programme,
		subProgramme: line.subProgramme,
		economicClass: line.economicClass,
		figures: line.figures.map(toBudgetFigure),
		summary: toSummary(summariseLine(line.figures)),
		commitments: line.commitments.map((c) => ({
			ref: c.ref,
			title: c.title,
			url: links.commitmentPage(origin, c.ref),
			apiUrl: links.commitmentApi(origin, c.ref)
		}))
	};
}

export function toCommittee(
	k: { slug: string; name: string; abbreviation: string; house: string; published: number },
	origin: string
) {
	return {
		slug: k.slug,
		name: k.name,
		abbreviation: k.abbreviation,
		house: k.house,
		publishedCommitments: k.published,
		url: links.committeePage(origin, k.slug),
		commitmentsUrl: links.commitmentsOf(origin, 'committee', k.slug),
		feedUrl: links.committeeFeed(origin, k.slug)
	};
}

export function toOrganisation(o: OrganisationWithCount, origin: string) {
	return {
		slug: o.slug,
		name: o.name,
		shortName: o.shortName,
		kind: o.kind,
		parent: o.parentSlug,
		retired: o.retiredAt !== null,
		publishedCommitments: o.published,
		commitmentsUrl: links.commitmentsOf(origin, 'organisation', o.slug)
	};
}
