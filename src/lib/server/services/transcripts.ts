// Recording a sitting from its transcript: the file is read and kept (with its SHA-256, so a
// quote can be checked against it later), the sentences Ahadi proposes are stored, and the
// clerk's review creates the sitting, who appeared and the accepted undertakings as drafts in one
// transaction: all of it, or (on any refusal) nothing.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { actorOf, recordAudit } from '../audit';
import { canEditCommittee } from '../auth/access';
import type { CommitmentType, DB, Role } from '../db/schema';
import { InputError, NotFoundError, StaleRecordError } from '../errors';
import { listEditableCommittees } from '../queries/committees';
import { allCurrent } from '../queries/reference';
import {
	decideCandidate,
	getTranscript,
	insertTranscript,
	listCandidates,
	listMatchingLists,
	setTranscriptSitting,
	type CandidateRow
} from '../queries/transcripts';
import { getSittingRow, listAppearances } from '../queries/workspace-sittings';
import { extractTranscript, MAX_TRANSCRIPT_BYTES } from '../transcript';
import {
	guessOrganisation,
	matchCommittee,
	matchOffice,
	matchPerson,
	nameWords
} from '../transcript/match';
import type { SittingGuess, TranscriptProblem } from '../transcript/types';
import { TranscriptError } from '../transcript/types';
import { insertNew } from './workspace-commitments';
import { isUniqueViolation, type Editor } from './commitment-rules';
import { createHoldingIn, createOfficeIn, createPersonIn } from './reference';
import { createSittingIn } from './sittings';
import { m } from '../../paraglide/messages';

export type Clerk = Editor & { role: Role; committeeIds: readonly number[] };

const PROBLEMS: Record<TranscriptProblem, () => string> = {
	empty: m.tr_problem_empty,
	too_large: () => m.tr_problem_too_large({ mb: String(MAX_TRANSCRIPT_BYTES / 1024 / 1024) }),
	too_many_pages: m.tr_problem_too_many_pages,
	not_pdf: m.tr_problem_not_pdf,
	encrypted: m.tr_problem_encrypted,
	damaged: m.tr_problem_damaged,
	no_text_layer: m.tr_problem_no_text_layer,
	unsupported_type: m.tr_problem_unsupported_type,
	bad_encoding: m.tr_problem_bad_encoding,
	no_speeches: m.tr_problem_no_speeches
};

/** Why a file could not be read, in the request's language. */
export function problemMessage(problem: TranscriptProblem): string {
	return PROBLEMS[problem]();
}

/**
 * Reads an uploaded (or pasted) transcript and keeps it with what was found in it. The committee
 * is the one chosen, else the one the transcript names among the clerk's own. Nothing is written
 * when the file cannot be read; the message names the file's problem.
 */
export async function intakeTranscript(
	db: Kysely<DB>,
	user: Clerk,
	input: { fileName: string; bytes: Uint8Array; committeeId: number | null }
): Promise<number> {
	if (input.committeeId !== null && !canEditCommittee(user, input.committeeId)) {
		throw InputError.of('committee_id', m.tr_choose_committee());
	}
	let extraction;
	try {
		extraction = await extractTranscript(input.bytes, input.fileName);
	} catch (e) {
		if (e instanceof TranscriptError) {
			throw InputError.of('file', problemMessage(e.problem));
		}
		throw e;
	}
	const committeeId =
		input.committeeId ??
		matchCommittee(extraction.sitting.committee, await listEditableCommittees(db, user));
	if (committeeId === null) throw InputError.of('committee_id', m.tr_committee_not_found());

	const sha256 = createHash('sha256').update(input.bytes).digest('hex');
	return db.transaction().execute(async (trx) => {
		const id = await insertTranscript(
			trx,
			{
				committee_id: committeeId,
				file_name: input.fileName,
				kind: extraction.kind,
				byte_size: input.bytes.byteLength,
				sha256,
				content: input.bytes,
				pages: extraction.pages,
				speeches: extraction.speeches,
				sitting_json: JSON.stringify(extraction.sitting),
				created_by: user.id,
				created_at: new Date().toISOString()
			},
			extraction.candidates.map((c, position) => ({
				position,
				quote: c.quote,
				context: c.context,
				speaker_name: c.speaker.name,
				speaker_title: c.speaker.title,
				speaker_role: c.speaker.role,
				page: c.page,
				line: c.line,
				score: c.score,
				signals: JSON.stringify(c.signals),
				// Never an empty title to accept: the sentence's own first words at worst.
				title: c.title.trim() || titleFrom(c.quote),
				type: c.type,
				due_on: c.dueOn,
				due_reason: c.dueReason
			}))
		);
		await recordAudit(trx, actorOf(user), {
			action: 'transcript.uploaded',
			entityId: id,
			after: {
				committee_id: committeeId,
				file_name: input.fileName,
				sha256,
				byte_size: input.bytes.byteLength,
				kind: extraction.kind,
				pages: extraction.pages,
				candidates: extraction.candidates.length
			}
		});
		return id;
	});
}

/** A transcript the user may work on (their committee's), or null: answered as missing. */
export async function findEditableTranscript(db: Kysely<DB>, user: Clerk, id: number) {
	const head = await getTranscript(db, id);
	return head && canEditCommittee(user, head.committee_id) ? head : null;
}

/** Who appeared, as found, with the person and office matched in the reference lists. */
export interface ProposedAppearance {
	name: string;
	title: string | null;
	personId: number | null;
	officeId: number | null;
	organisationId: number | null;
}

/** What the review page proposes: who appeared, matched, and for each candidate who gave it. */
export async function proposalsOf(db: Kysely<DB>, guess: SittingGuess, candidates: CandidateRow[]) {
	const lists = await listMatchingLists(db);
	const appearances: ProposedAppearance[] = guess.appeared.map((a) => {
		const personId = matchPerson(a.name, lists.people);
		const held = lists.holdings.filter((h) => h.person_id === personId).map((h) => h.office_id);
		const officeId = matchOffice(a.title, lists.offices, personId === null ? [] : held);
		const office = lists.offices.find((o) => o.id === officeId);
		return {
			name: a.name,
			title: a.title,
			personId,
			officeId,
			organisationId: office?.organisationId ?? guessOrganisation(a.title, lists.organisations)
		};
	});
	const givenBy = new Map<number, number>();
	for (const c of candidates) {
		const row = speakerRow(c.speaker_name, guess.appeared);
		if (row !== null) givenBy.set(c.id, row);
	}
	return { appearances, givenBy };
}

/** The row of who appeared that a speaker is, by name. */
function speakerRow(name: string | null, appeared: SittingGuess['appeared']): number | null {
	if (!name) return null;
	const wanted = nameWords(name).join(' ');
	const index = appeared.findIndex((a) => nameWords(a.name).join(' ') === wanted);
	return index < 0 ? null : index;
}

export type Choice<T> = { id: number } | { create: T };

export interface AppearanceRow {
	person: Choice<{ name: string }>;
	office: Choice<{ title: string; organisationId: number }>;
	/** The form row, for errors. */
	row: number;
}

export type ReviewAction = 'accept' | 'merge' | 'reject';

export interface CandidateReview {
	candidateId: number;
	action: ReviewAction;
	title: string;
	quote: string;
	dueOn: string | null;
	type: CommitmentType;
	/** Who gave it: a row of who appeared on the form, or the place among those stored. */
	givenBy: number;
	reason: string | null;
}

export interface ReviewInput {
	/** The sitting to create; ignored once the transcript has its sitting. */
	sitting: {
		satOn: string;
		subject: string;
		sourceTitle: string;
		sourceUrl: string | null;
		sourceLocator: string | null;
		appearances: AppearanceRow[];
	} | null;
	ruleId: number;
	reviews: CandidateReview[];
}

export const REJECT_REASONS = [
	'question',
	'procedure',
	'past_action',
	'remark',
	'not_government',
	'duplicate',
	'other'
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/**
 * Applies a review: creates the sitting and who appeared (adding new people and offices) when
 * the transcript has none yet, then each accepted candidate as a draft commitment, merged ones
 * joined to the accepted one above them, a quote with an empty line split into several. One
 * transaction, tried again when another clerk took the same commitment number first.
 */
export async function applyReview(
	db: Kysely<DB>,
	user: Clerk,
	transcriptId: number,
	input: ReviewInput
): Promise<{ sittingId: number; refs: string[] }> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await db.transaction().execute((trx) => review(trx, user, transcriptId, input));
		} catch (e) {
			if (!isUniqueViolation(e) || attempt >= 5) throw e;
		}
	}
}

async function review(
	trx: Transaction<DB>,
	user: Clerk,
	transcriptId: number,
	input: ReviewInput
): Promise<{ sittingId: number; refs: string[] }> {
	const head = await getTranscript(trx, transcriptId);
	if (!head || !canEditCommittee(user, head.committee_id)) throw new NotFoundError();
	const lists = await listMatchingLists(trx);
	const organisationOf = new Map(lists.offices.map((o) => [o.id, o.organisationId]));

	let sittingId = head.sitting_id;
	// Who appeared, by the row the form numbered them (or their order once stored).
	const byRow = new Map<number, { personId: number; officeId: number }>();
	if (sittingId === null) {
		if (!input.sitting) throw InputError.of('sat_on', m.tr_sitting_needed());
		const s = input.sitting;
		for (const row of s.appearances) {
			byRow.set(row.row, await resolveAppearance(trx, user, row, s.satOn, organisationOf));
		}
		sittingId = await createSittingIn(trx, user, {
			committeeId: head.committee_id,
			satOn: s.satOn,
			subject: s.subject,
			sourceTitle: s.sourceTitle,
			sourceUrl: s.sourceUrl,
			sourceLocator: s.sourceLocator,
			appearances: unique([...byRow.values()])
		});
		await setTranscriptSitting(trx, transcriptId, sittingId);
	} else {
		(await listAppearances(trx, sittingId)).forEach((a, i) => byRow.set(i, a));
	}
	const sitting = await getSittingRow(trx, sittingId);
	if (!sitting) throw new NotFoundError();

	const candidates = new Map((await listCandidates(trx, transcriptId)).map((c) => [c.id, c]));
	const groups = groupReviews(input.reviews, candidates);
	const refs: string[] = [];
	const now = new Date().toISOString();
	const decided = { accepted: [] as number[], edited: [] as number[], merged: [] as number[] };

	for (const group of groups) {
		const [lead, ...merged] = group;
		const candidate = candidates.get(lead.candidateId)!;
		const by = byRow.get(lead.givenBy);
		if (!by) throw InputError.of(`by_${lead.candidateId}`, m.tr_given_by_needed());
		const organisationId = organisationOf.get(by.officeId);
		if (organisationId === undefined) {
			throw InputError.of(`by_${lead.candidateId}`, m.tr_given_by_needed());
		}
		const quote = [lead.quote, ...merged.map((r) => r.quote)].join(' ');
		const pieces = quote
			.split(/\n\s*\n/)
			.map((p) => p.replace(/\s+/g, ' ').trim())
			.filter(Boolean);
		const ids: number[] = [];
		for (const [i, piece] of pieces.entries()) {
			const title = i === 0 ? lead.title : titleFrom(piece);
			const { id, ref } = await insertNew(trx, user, {
				title,
				summary: title,
				quote: piece,
				quoteSourceTitle: sitting.source_title,
				quoteSourceUrl: sitting.source_url,
				quoteSourceLocator: `p. ${candidate.page}, line ${candidate.line}`,
				organisationId,
				officeId: by.officeId,
				personId: by.personId,
				type: lead.type,
				tags: [],
				measurableTarget: null,
				sitting: { id: sittingId, committeeId: head.committee_id },
				givenOn: sitting.sat_on,
				due:
					lead.dueOn === null
						? { mode: 'rule', ruleId: input.ruleId }
						: {
								mode: 'hand',
								dueOn: lead.dueOn,
								basis:
									lead.dueOn === candidate.due_on && candidate.due_reason
										? `“${candidate.due_reason}”`
										: 'Set by the clerk from the transcript'
							}
			});
			ids.push(id);
			refs.push(ref);
		}
		const edited =
			merged.length > 0 ||
			pieces.length > 1 ||
			lead.title !== candidate.title ||
			squash(lead.quote) !== squash(candidate.quote) ||
			lead.type !== candidate.type ||
			lead.dueOn !== candidate.due_on;
		await decide(
			trx,
			user,
			lead.candidateId,
			edited ? 'edited' : 'accepted',
			null,
			ids[0] ?? null,
			now
		);
		(edited ? decided.edited : decided.accepted).push(lead.candidateId);
		for (const r of merged) {
			await decide(trx, user, r.candidateId, 'merged', null, ids[0] ?? null, now);
			decided.merged.push(r.candidateId);
		}
	}
	const rejected = input.reviews.filter((r) => r.action === 'reject');
	for (const r of rejected) {
		if (!candidates.has(r.candidateId)) throw new NotFoundError();
		if (!r.reason) throw InputError.of(`reason_${r.candidateId}`, m.tr_reason_needed());
		await decide(trx, user, r.candidateId, 'rejected', r.reason, null, now);
	}
	await recordAudit(trx, actorOf(user), {
		action: 'transcript.reviewed',
		entityId: transcriptId,
		after: {
			sitting_id: sittingId,
			...decided,
			rejected: rejected.map((r) => ({ id: r.candidateId, reason: r.reason })),
			commitments: refs
		}
	});
	return { sittingId, refs };
}

/** Accepted reviews in order, each with the merged ones that follow it. */
function groupReviews(reviews: CandidateReview[], candidates: Map<number, CandidateRow>) {
	const ordered = reviews
		.filter((r) => r.action !== 'reject')
		.map((r) => {
			const c = candidates.get(r.candidateId);
			if (!c) throw new NotFoundError();
			return { review: r, position: c.position };
		})
		.sort((a, b) => a.position - b.position);
	const groups: [CandidateReview, ...CandidateReview[]][] = [];
	for (const { review } of ordered) {
		if (review.action === 'merge') {
			const last = groups.at(-1);
			if (!last) throw InputError.of(`d_${review.candidateId}`, m.tr_merge_nothing_above());
			last.push(review);
			continue;
		}
		if (!review.title.trim())
			throw InputError.of(`title_${review.candidateId}`, m.tr_title_needed());
		if (!review.quote.trim())
			throw InputError.of(`quote_${review.candidateId}`, m.tr_quote_needed());
		groups.push([review]);
	}
	return groups;
}

async function decide(
	trx: Transaction<DB>,
	user: Clerk,
	candidateId: number,
	decision: 'accepted' | 'edited' | 'merged' | 'rejected',
	reason: string | null,
	commitmentId: number | null,
	at: string
) {
	const ok = await decideCandidate(trx, candidateId, {
		decision,
		reason,
		commitment_id: commitmentId,
		decided_by: user.id,
		decided_at: at
	});
	if (!ok) throw new StaleRecordError();
}

async function resolveAppearance(
	trx: Transaction<DB>,
	user: Clerk,
	row: AppearanceRow,
	satOn: string,
	organisationOf: Map<number, number>
) {
	const actor = actorOf(user);
	let created = false;
	let personId: number;
	if ('id' in row.person) {
		if (!(await allCurrent(trx, 'people', [row.person.id]))) {
			throw InputError.of(`ap_person_${row.row}`, m.svc_select_person());
		}
		personId = row.person.id;
	} else {
		personId = await createPersonIn(trx, actor, row.person.create.name);
		created = true;
	}
	let officeId: number;
	if ('id' in row.office) {
		if (!(await allCurrent(trx, 'offices', [row.office.id]))) {
			throw InputError.of(`ap_office_${row.row}`, m.svc_select_office());
		}
		officeId = row.office.id;
	} else {
		const { title, organisationId } = row.office.create;
		officeId = await createOfficeIn(trx, actor, { title, organisationId }, `ap_org_${row.row}`);
		organisationOf.set(officeId, organisationId);
		created = true;
	}
	// Someone new, or a new office: who held what is recorded from the day of the sitting.
	if (created) await createHoldingIn(trx, actor, { personId, officeId, startOn: satOn });
	return { personId, officeId };
}

function unique(rows: { personId: number; officeId: number }[]) {
	const seen = new Set<string>();
	return rows.filter((r) => {
		const key = `${r.personId}:${r.officeId}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A title for a piece split off a quote: its first words, at most 120 characters. */
function titleFrom(piece: string): string {
	const text = piece.replace(/^(and|also|further(more)?|secondly|thirdly)[, ]+/i, '');
	const title = text.length <= 120 ? text : `${text.slice(0, 117).replace(/\s+\S*$/, '')}…`;
	return title.charAt(0).toUpperCase() + title.slice(1);
}
