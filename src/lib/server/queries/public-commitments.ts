// Published commitments as the public sees them: one commitment's page (its story, milestones,
// due-date history and money), the feeds' publications and the funding lines behind the
// briefing pack. The explorer's filtered search is commitment-search.ts; the clerks' view,
// drafts included, is workspace-commitments.ts.
import type { Kysely } from 'kysely';
import { lineLabelOf } from './funding-links';
import type {
	CommitmentType,
	DB,
	DeliveryStatus,
	FundingStatus,
	MilestoneStatus,
	ProceduralStatus
} from '../db/schema';

export interface CommitmentRow {
	id: number;
	ref: string;
	title: string;
	summary: string;
	type: CommitmentType;
	givenOn: string;
	dueOn: string | null;
	deliveryStatus: DeliveryStatus;
	proceduralStatus: ProceduralStatus;
	fundingStatus: FundingStatus;
	committee: { slug: string; name: string; abbreviation: string };
	organisation: string;
	office: string;
}

export interface MilestoneFacts {
	commitmentId: number;
	weight: number;
	status: MilestoneStatus;
}

const PAGE_SIZE_MAX = 200;

/**
 * The public columns of commitments. Lists show published records only; a withdrawn record
 * keeps its public page (with its history) but leaves every list and count.
 */
function baseList(db: Kysely<DB>, visible: ('published' | 'withdrawn')[] = ['published']) {
	return db
		.selectFrom('commitments as c')
		.innerJoin('committees as k', 'k.id', 'c.committee_id')
		.innerJoin('organisations as o', 'o.id', 'c.organisation_id')
		.innerJoin('offices as f', 'f.id', 'c.office_id')
		.select([
			'c.id',
			'c.ref',
			'c.title',
			'c.summary',
			'c.type',
			'c.given_on',
			'c.due_on',
			'c.delivery_status',
			'c.procedural_status',
			'c.funding_status',
			'k.slug as committee_slug',
			'k.name as committee_name',
			'k.abbreviation as committee_abbreviation',
			'o.name as organisation_name',
			'f.title as office_title'
		])
		.where('c.visibility', 'in', visible);
}

/** The columns of a public list row, as selected by baseList and by the explorer's search. */
export type CommitmentRowColumns = Pick<
	Awaited<ReturnType<ReturnType<typeof baseList>['execute']>>[number],
	| 'id'
	| 'ref'
	| 'title'
	| 'summary'
	| 'type'
	| 'given_on'
	| 'due_on'
	| 'delivery_status'
	| 'procedural_status'
	| 'funding_status'
	| 'committee_slug'
	| 'committee_name'
	| 'committee_abbreviation'
	| 'organisation_name'
	| 'office_title'
>;

export function toRow(r: CommitmentRowColumns): CommitmentRow {
	return {
		id: r.id,
		ref: r.ref,
		title: r.title,
		summary: r.summary,
		type: r.type,
		givenOn: r.given_on,
		dueOn: r.due_on,
		deliveryStatus: r.delivery_status,
		proceduralStatus: r.procedural_status,
		fundingStatus: r.funding_status,
		committee: {
			slug: r.committee_slug,
			name: r.committee_name,
			abbreviation: r.committee_abbreviation
		},
		organisation: r.organisation_name,
		office: r.office_title
	};
}

/** Published commitments, newest given first, paginated in SQL. */
export async function listPublishedCommitments(
	db: Kysely<DB>,
	opts: { page?: number; pageSize?: number; committeeId?: number } = {}
): Promise<{ rows: CommitmentRow[]; total: number }> {
	const pageSize = Math.min(Math.max(opts.pageSize ?? 25, 1), PAGE_SIZE_MAX);
	const page = Math.max(opts.page ?? 1, 1);
	const committeeId = opts.committeeId;
	const [rows, count] = await Promise.all([
		baseList(db)
			.$if(committeeId !== undefined, (q) => q.where('c.committee_id', '=', committeeId!))
			.orderBy('c.given_on', 'desc')
			.orderBy('c.ref')
			.limit(pageSize)
			.offset((page - 1) * pageSize)
			.execute(),
		db
			.selectFrom('commitments')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('visibility', '=', 'published')
			.$if(committeeId !== undefined, (q) => q.where('committee_id', '=', committeeId!))
			.executeTakeFirstOrThrow()
	]);
	return { rows: rows.map(toRow), total: Number(count.n) };
}

/**
 * The commitments made public most recently (of one commitment or committee), newest first: the
 * feeds' "new undertaking" entries.
 */
export async function listRecentPublications(
	db: Kysely<DB>,
	f: { commitmentId?: number; committeeId?: number; limit: number }
) {
	return db
		.selectFrom('commitments as c')
		.innerJoin('committees as k', 'k.id', 'c.committee_id')
		.select([
			'c.id',
			'c.ref',
			'c.title',
			'c.summary',
			'c.quote',
			'c.given_on',
			'c.published_at',
			'k.slug as committee_slug',
			'k.name as committee_name'
		])
		.where('c.visibility', '=', 'published')
		.where('c.published_at', 'is not', null)
		.$if(f.commitmentId !== undefined, (q) => q.where('c.id', '=', f.commitmentId!))
		.$if(f.committeeId !== undefined, (q) => q.where('c.committee_id', '=', f.committeeId!))
		.orderBy('c.published_at', 'desc')
		.orderBy('c.id', 'desc')
		.limit(f.limit)
		.execute();
}

export type PublicationRow = Awaited<ReturnType<typeof listRecentPublications>>[number];

/** Milestone weights and statuses of the given commitments, in one query. */
export async function listMilestoneFacts(
	db: Kysely<DB>,
	commitmentIds: number[]
): Promise<MilestoneFacts[]> {
	if (commitmentIds.length === 0) return [];
	const rows = await db
		.selectFrom('milestones')
		.select(['commitment_id', 'weight', 'status'])
		.where('commitment_id', 'in', commitmentIds)
		.execute();
	return rows.map((r) => ({ commitmentId: r.commitment_id, weight: r.weight, status: r.status }));
}

/** Extensions granted to the given commitments (their "until" dates), in one query. */
export async function listGrantedExtensions(
	db: Kysely<DB>,
	commitmentIds: number[]
): Promise<{ commitmentId: number; grantedUntil: string }[]> {
	if (commitmentIds.length === 0) return [];
	const rows = await db
		.selectFrom('commitment_requests')
		.select(['commitment_id', 'granted_until'])
		.where('commitment_id', 'in', commitmentIds)
		.where('kind', '=', 'extension')
		.where('decision', '=', 'granted')
		.where('granted_until', 'is not', null)
		.execute();
	return rows.map((r) => ({ commitmentId: r.commitment_id, grantedUntil: r.granted_until! }));
}

/** One published commitment with its story: who said it where, milestones, history, money. */
export async function getPublishedCommitment(db: Kysely<DB>, ref: string) {
	const head = await baseList(db, ['published', 'withdrawn'])
		.innerJoin('sittings as s', 's.id', 'c.sitting_id')
		.leftJoin('people as p', 'p.id', 'c.person_id')
		.leftJoin('deadline_rules as dr', 'dr.id', 'c.deadline_rule_id')
		.select([
			'dr.name as rule_name',
			'dr.unit as rule_unit',
			'dr.amount as rule_amount',
			'c.quote',
			'c.quote_source_title',
			'c.quote_source_url',
			'c.quote_source_locator',
			'c.due_basis',
			'c.measurable_target',
			'c.status_reason',
			'c.published_at',
			'c.updated_at',
			'c.visibility',
			'c.withdrawn_at',
			'c.withdrawn_reason',
			's.sat_on',
			's.subject as sitting_subject',
			'p.name as person_name',
			'c.committee_id'
		])
		.where('c.ref', '=', ref)
		.executeTakeFirst();
	if (!head) return null;
	const id = head.id;
	const [milestones, updates, evidence, dueChanges, requests, funding, tags] = await Promise.all([
		db
			.selectFrom('milestones')
			.select(['id', 'title', 'planned_on', 'actual_on', 'weight', 'status', 'evidence_id'])
			.where('commitment_id', '=', id)
			.orderBy('planned_on')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('updates')
			.select([
				'id',
				'update_on',
				'delivery_from',
				'delivery_to',
				'procedural_from',
				'procedural_to',
				'due_from',
				'due_to',
				'reason',
				'note',
				'author_name'
			])
			.where('commitment_id', '=', id)
			.orderBy('update_on', 'desc')
			.orderBy('id', 'desc')
			.execute(),
		db
			.selectFrom('evidence as e')
			.leftJoin('update_evidence as ue', 'ue.evidence_id', 'e.id')
			.select([
				'e.id',
				'e.type',
				'e.title',
				'e.url',
				'e.published_on',
				'e.excerpt',
				'e.illustrative',
				'ue.update_id'
			])
			.where('e.commitment_id', '=', id)
			.orderBy('e.published_on', 'desc')
			.execute(),
		db
			.selectFrom('due_date_changes')
			.select(['id', 'changed_on', 'from_on', 'to_on', 'reason'])
			.where('commitment_id', '=', id)
			.orderBy('changed_on')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('commitment_requests')
			.select([
				'id',
				'kind',
				'requested_on',
				'requested_until',
				'reason',
				'decision',
				'decided_on',
				'granted_until'
			])
			.where('commitment_id', '=', id)
			.orderBy('requested_on')
			.execute(),
		listFundingForCommitments(db, [id]),
		db
			.selectFrom('commitment_tags as ct')
			.innerJoin('tags as t', 't.id', 'ct.tag_id')
			.select(['t.slug', 't.name'])
			.where('ct.commitment_id', '=', id)
			.orderBy('t.name')
			.execute()
	]);
	return {
		...toRow(head),
		committeeId: head.committee_id,
		quote: head.quote,
		quoteSource: {
			title: head.quote_source_title,
			url: head.quote_source_url,
			locator: head.quote_source_locator
		},
		dueBasis: head.due_basis,
		dueRule:
			head.rule_name !== null && head.rule_unit !== null && head.rule_amount !== null
				? { name: head.rule_name, unit: head.rule_unit, amount: head.rule_amount }
				: null,
		measurableTarget: head.measurable_target,
		statusReason: head.status_reason,
		publishedAt: head.published_at,
		withdrawn:
			head.visibility === 'withdrawn'
				? { at: head.withdrawn_at, reason: head.withdrawn_reason }
				: null,
		updatedAt: head.updated_at,
		sitting: { satOn: head.sat_on, subject: head.sitting_subject },
		person: head.person_name,
		milestones,
		updates,
		evidence,
		dueChanges,
		requests,
		funding,
		tags
	};
}

export type PublishedCommitment = NonNullable<Awaited<ReturnType<typeof getPublishedCommitment>>>;

/** Funding links of the given commitments with every figure of each linked line (one query). */
export async function listFundingForCommitments(db: Kysely<DB>, commitmentIds: number[]) {
	if (commitmentIds.length === 0) return [];
	const rows = await db
		.selectFrom('funding_links as l')
		.innerJoin('budget_lines as b', 'b.id', 'l.budget_line_id')
		.leftJoin('budget_figures as f', 'f.budget_line_id', 'b.id')
		.select(FUNDING_ROW_COLUMNS)
		.where('l.commitment_id', 'in', commitmentIds)
		.orderBy('b.fiscal_year')
		.orderBy('l.id')
		.orderBy('f.as_of')
		// Ties broken by insertion order, or the two databases list same-day figures differently.
		.orderBy('f.id')
		.execute();
	return groupFundingRows(rows, () => ({}));
}

/** What a funding-link query selects from `funding_links as l`, `budget_lines as b` and `budget_figures as f`. */
export const FUNDING_ROW_COLUMNS = [
	'l.id as link_id',
	'l.commitment_id',
	'l.share_kind',
	'l.share_basis_points',
	'l.share_amount_kes',
	'l.basis',
	'l.note',
	'b.id as line_id',
	'b.fiscal_year',
	'b.vote_code',
	'b.vote_name',
	'b.programme',
	'b.sub_programme',
	'b.economic_class',
	'f.phase',
	'f.amount_kes',
	'f.as_of',
	'f.source_title',
	'f.source_url',
	'f.illustrative'
] as const;

/** One row of a funding-link query: the link, its budget line, and one figure (or none). */
export interface FundingRow {
	link_id: number;
	commitment_id: number;
	share_kind: 'percent' | 'amount';
	share_basis_points: number | null;
	share_amount_kes: number | null;
	basis: FundingLinkView['basis'];
	note: string | null;
	line_id: number;
	fiscal_year: string;
	vote_code: string;
	vote_name: string;
	programme: string;
	sub_programme: string;
	economic_class: FundingLinkView['line']['economicClass'];
	phase: FundingLinkView['figures'][number]['phase'] | null;
	amount_kes: number | null;
	as_of: string | null;
	source_title: string | null;
	source_url: string | null;
	illustrative: number | null;
}

/** The view of a link from the first of its rows, without figures yet. */
function linkOfRow<R extends FundingRow, X extends object>(
	r: R,
	extra: (row: R) => X
): FundingLinkView & X {
	// Spread typing loses the intersection; the keys are those of FundingLinkView and X.
	return {
		linkId: r.link_id,
		commitmentId: r.commitment_id,
		...extra(r),
		share:
			r.share_kind === 'percent'
				? { kind: 'percent', basisPoints: r.share_basis_points ?? 0 }
				: { kind: 'amount', amountKes: r.share_amount_kes ?? 0 },
		basis: r.basis,
		note: r.note,
		line: lineLabelOf(r),
		figures: []
	} as FundingLinkView & X;
}

function addFigureOfRow(link: FundingLinkView, r: FundingRow): void {
	if (r.phase && r.amount_kes !== null && r.as_of) {
		link.figures.push({
			phase: r.phase,
			amountKes: r.amount_kes,
			asOf: r.as_of,
			sourceTitle: r.source_title ?? '',
			sourceUrl: r.source_url,
			illustrative: r.illustrative === 1
		});
	}
}

/**
 * Folds link-by-figure rows (ordered by link) into one view per link with its figures; `extra`
 * adds what a caller selected besides (the briefing's ref and title).
 */
export function groupFundingRows<R extends FundingRow, X extends object>(
	rows: readonly R[],
	extra: (row: R) => X
): (FundingLinkView & X)[] {
	const links = new Map<number, FundingLinkView & X>();
	for (const r of rows) {
		let link = links.get(r.link_id);
		if (!link) {
			link = linkOfRow(r, extra);
			links.set(r.link_id, link);
		}
		addFigureOfRow(link, r);
	}
	return [...links.values()];
}

/**
 * The same fold over a stream of rows in which each link's rows are consecutive: yields each
 * link once its last row has been read, so that only one link is held at a time.
 */
export async function* streamFundingLinks<R extends FundingRow, X extends object>(
	rows: AsyncIterable<R>,
	extra: (row: R) => X
): AsyncGenerator<FundingLinkView & X> {
	let link: (FundingLinkView & X) | null = null;
	for await (const r of rows) {
		if (link?.linkId !== r.link_id) {
			if (link) yield link;
			link = linkOfRow(r, extra);
		}
		addFigureOfRow(link, r);
	}
	if (link) yield link;
}

export interface FundingLinkView {
	linkId: number;
	commitmentId: number;
	share: { kind: 'percent'; basisPoints: number } | { kind: 'amount'; amountKes: number };
	basis: 'earmarked' | 'indicative';
	note: string | null;
	line: {
		id: number;
		fiscalYear: string;
		voteCode: string;
		voteName: string;
		programme: string;
		subProgramme: string;
		economicClass: 'recurrent' | 'development';
	};
	figures: {
		phase: import('../db/schema').BudgetPhase;
		amountKes: number;
		asOf: string;
		sourceTitle: string;
		sourceUrl: string | null;
		illustrative: boolean;
	}[];
}

/** Headline counts for the dashboard, computed in SQL. */
export async function countPublishedByDelivery(db: Kysely<DB>) {
	const rows = await db
		.selectFrom('commitments')
		.select(['delivery_status', (eb) => eb.fn.countAll<number>().as('n')])
		.where('visibility', '=', 'published')
		.groupBy('delivery_status')
		.execute();
	return rows.map((r) => ({ status: r.delivery_status, count: Number(r.n) }));
}
