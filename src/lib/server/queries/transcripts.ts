// Transcripts kept with their sittings, the sentences proposed from them, and the decisions
// Ahadi's precision and recall are measured from.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type {
	CandidateDecision,
	DB,
	TranscriptCandidateTable,
	TranscriptTable
} from '../db/schema';

type Handle = Kysely<DB> | Transaction<DB>;

/** A transcript as read in; its sitting is set when the clerk confirms it. */
export type TranscriptValues = Omit<Insertable<TranscriptTable>, 'id' | 'sitting_id'>;

/** A proposal as extracted: its transcript is given on insert, its decision comes later. */
export type CandidateValues = Omit<
	Insertable<TranscriptCandidateTable>,
	'id' | 'transcript_id' | 'decision' | 'reason' | 'commitment_id' | 'decided_by' | 'decided_at'
>;

export async function insertTranscript(
	trx: Transaction<DB>,
	values: TranscriptValues,
	candidates: CandidateValues[]
): Promise<number> {
	const { id } = await trx
		.insertInto('transcripts')
		.values(values)
		.returning('id')
		.executeTakeFirstOrThrow();
	// In slices, so a transcript with many proposals stays within SQLite's variable limit.
	for (let i = 0; i < candidates.length; i += 50) {
		await trx
			.insertInto('transcript_candidates')
			.values(candidates.slice(i, i + 50).map((c) => ({ ...c, transcript_id: id })))
			.execute();
	}
	return id;
}

const HEAD_COLUMNS = [
	't.id',
	't.committee_id',
	't.sitting_id',
	't.file_name',
	't.kind',
	't.byte_size',
	't.sha256',
	't.pages',
	't.speeches',
	't.sitting_json',
	't.created_at',
	'k.name as committee_name',
	'k.abbreviation as committee_abbreviation'
] as const;

/** A transcript without its bytes. */
export async function getTranscript(db: Handle, id: number) {
	return db
		.selectFrom('transcripts as t')
		.innerJoin('committees as k', 'k.id', 't.committee_id')
		.select(HEAD_COLUMNS)
		.where('t.id', '=', id)
		.executeTakeFirst();
}

export type TranscriptHead = NonNullable<Awaited<ReturnType<typeof getTranscript>>>;

export async function getTranscriptFile(db: Handle, id: number) {
	return db
		.selectFrom('transcripts')
		.select(['id', 'committee_id', 'file_name', 'kind', 'sha256', 'content'])
		.where('id', '=', id)
		.executeTakeFirst();
}

/** The transcripts a sitting was recorded from (normally one). */
export async function listSittingTranscripts(db: Handle, sittingId: number) {
	return db
		.selectFrom('transcripts')
		.select(['id', 'file_name', 'sha256', 'byte_size', 'kind', 'created_at'])
		.where('sitting_id', '=', sittingId)
		.orderBy('id')
		.execute();
}

export async function listCandidates(db: Handle, transcriptId: number) {
	return db
		.selectFrom('transcript_candidates as c')
		.leftJoin('commitments as m', 'm.id', 'c.commitment_id')
		.selectAll('c')
		.select(['m.ref as commitment_ref'])
		.where('c.transcript_id', '=', transcriptId)
		.orderBy('c.position')
		.execute();
}

export type CandidateRow = Awaited<ReturnType<typeof listCandidates>>[number];

export async function setTranscriptSitting(trx: Transaction<DB>, id: number, sittingId: number) {
	await trx
		.updateTable('transcripts')
		.set({ sitting_id: sittingId })
		.where('id', '=', id)
		.where('sitting_id', 'is', null)
		.executeTakeFirstOrThrow();
}

/** Records a decision on a candidate still pending; false when someone decided it first. */
export async function decideCandidate(
	trx: Transaction<DB>,
	id: number,
	decision: {
		decision: Exclude<CandidateDecision, 'pending'>;
		reason: string | null;
		commitment_id: number | null;
		decided_by: number;
		decided_at: string;
	}
): Promise<boolean> {
	const result = await trx
		.updateTable('transcript_candidates')
		.set(decision)
		.where('id', '=', id)
		.where('decision', '=', 'pending')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export interface TranscriptTally {
	id: number;
	file_name: string;
	committee_abbreviation: string;
	sitting_id: number | null;
	sat_on: string | null;
	created_at: string;
	proposed: number;
	accepted: number;
	edited: number;
	merged: number;
	rejected: number;
	/** Commitments of the sitting that no proposal became: undertakings Ahadi missed. */
	by_hand: number;
}

/** Each transcript of the given committees (all for null), newest first, with its tallies. */
export async function listTranscriptTallies(
	db: Handle,
	committeeIds: readonly number[] | null,
	limit = 200
): Promise<TranscriptTally[]> {
	const rows = await db
		.selectFrom('transcripts as t')
		.innerJoin('committees as k', 'k.id', 't.committee_id')
		.leftJoin('sittings as s', 's.id', 't.sitting_id')
		// The decisions of every transcript, in one pass over the proposals.
		.leftJoin(
			(eb) =>
				eb
					.selectFrom('transcript_candidates as c')
					.select((e) => {
						const count = (decision: CandidateDecision) =>
							e.fn.sum<number>(e.case().when('c.decision', '=', decision).then(1).else(0).end());
						return [
							'c.transcript_id',
							e.fn.countAll<number>().as('proposed'),
							count('accepted').as('accepted'),
							count('edited').as('edited'),
							count('merged').as('merged'),
							count('rejected').as('rejected')
						];
					})
					.groupBy('c.transcript_id')
					.as('d'),
			(join) => join.onRef('d.transcript_id', '=', 't.id')
		)
		// Each sitting's commitments that no proposal became.
		.leftJoin(
			(eb) =>
				eb
					.selectFrom('commitments as m')
					.select((e) => ['m.sitting_id', e.fn.countAll<number>().as('by_hand')])
					.where((e) =>
						e.not(
							e.exists(
								e
									.selectFrom('transcript_candidates as c')
									.select('c.id')
									.whereRef('c.commitment_id', '=', 'm.id')
							)
						)
					)
					.groupBy('m.sitting_id')
					.as('h'),
			(join) => join.onRef('h.sitting_id', '=', 't.sitting_id')
		)
		.select([
			't.id',
			't.file_name',
			'k.abbreviation as committee_abbreviation',
			't.sitting_id',
			's.sat_on',
			't.created_at',
			'd.proposed',
			'd.accepted',
			'd.edited',
			'd.merged',
			'd.rejected',
			'h.by_hand'
		])
		.$if(committeeIds !== null, (q) =>
			q.where('t.committee_id', 'in', committeeIds!.length ? [...committeeIds!] : [-1])
		)
		.orderBy('t.created_at', 'desc')
		.orderBy('t.id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		...r,
		proposed: Number(r.proposed ?? 0),
		accepted: Number(r.accepted ?? 0),
		edited: Number(r.edited ?? 0),
		merged: Number(r.merged ?? 0),
		rejected: Number(r.rejected ?? 0),
		by_hand: Number(r.by_hand ?? 0)
	}));
}

/** Current people with the offices they hold now, and offices with their organisations. */
export async function listMatchingLists(db: Handle) {
	const [people, holdings, offices, organisations] = await Promise.all([
		db.selectFrom('people').select(['id', 'name']).where('retired_at', 'is', null).execute(),
		db
			.selectFrom('office_holdings')
			.select(['person_id', 'office_id'])
			.where('end_on', 'is', null)
			.execute(),
		db
			.selectFrom('offices')
			.select(['id', 'title', 'organisation_id as organisationId'])
			.where('retired_at', 'is', null)
			.execute(),
		db.selectFrom('organisations').select(['id', 'name']).where('retired_at', 'is', null).execute()
	]);
	return { people, holdings, offices, organisations };
}
