// Recording a sitting from its transcript, through the use cases, on a fresh database of each
// dialect: the file is kept byte for byte with its SHA-256; the review creates the sitting, the
// people and offices it lacks, and the accepted undertakings as drafts, all or nothing; every
// decision is kept (rejections with their reason), and precision and recall follow from them.
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { extractionQuality } from '../../src/lib/domain';
import type { Database } from '../../src/lib/server/db/index';
import { InputError, NotFoundError, StaleRecordError } from '../../src/lib/server/errors';
import {
	getTranscriptFile,
	listCandidates,
	listTranscriptTallies
} from '../../src/lib/server/queries/transcripts';
import { createCommitment } from '../../src/lib/server/services/workspace-commitments';
import {
	applyReview,
	intakeTranscript,
	type CandidateReview,
	type Clerk,
	type ReviewInput
} from '../../src/lib/server/services/transcripts';
import { freshDb } from '../helpers/db';

const HANSARD = `REPUBLIC OF KENYA
THIRTEENTH PARLIAMENT – FOURTH SESSION
THE NATIONAL ASSEMBLY
DEPARTMENTAL COMMITTEE ON ADMINISTRATION AND INTERNAL SECURITY
HANSARD REPORT OF THE SITTING HELD ON TUESDAY, 14TH OCTOBER, 2025 AT 10.00 A.M.
(Test data written for Ahadi's tests.)

MEETING WITH THE CABINET SECRETARY FOR INTERIOR AND NATIONAL ADMINISTRATION

The Chairperson (Hon. Gabriel Tongoyo): Good morning. We shall now proceed to the agenda. I invite the Cabinet Secretary to respond to the questions on trafficking and police reservists.

Hon. Robert Mbui (Kathiani, WDM): Cabinet Secretary, when will the Ministry operationalise the anti-trafficking unit that we keep hearing about? Our people are suffering.

The Cabinet Secretary for Interior and National Administration (Hon. Kipchumba Murkomen): Thank you, Chair. We have already recruited 10,000 police officers this year. We will create a special anti-human-trafficking unit within the Directorate of Criminal Investigations within ninety days. The Ministry will also submit the National Police Reservists Policy to Cabinet by the end of March 2026.

The Chairperson (Hon. Gabriel Tongoyo): Thank you, Cabinet Secretary. The committee will write to the National Treasury on the funding. The meeting is adjourned.
`;

let db: Database;
let clerk: Clerk;
let outsider: Clerk;
let committeeId: number;
let orgId: number;
let ruleId: number;

const count = async (
	table: 'sittings' | 'commitments' | 'people' | 'offices' | 'transcripts' | 'audit_log'
) =>
	Number(
		(
			await db
				.selectFrom(table)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

async function user(email: string, committees: number[]): Promise<Clerk> {
	const { id } = await db
		.insertInto('users')
		.values({ email, name: email.split('@')[0]!, role: 'clerk', password_hash: 'x' })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id, name: email.split('@')[0]!, email, role: 'clerk', committeeIds: committees };
}

beforeEach(async () => {
	db = await freshDb();
	const org = await db
		.insertInto('organisations')
		.values({
			slug: 'interior',
			name: 'Ministry of Interior and National Administration',
			kind: 'ministry'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	orgId = org.id;
	const committee = await db
		.insertInto('committees')
		.values({
			slug: 'dcais',
			name: 'Departmental Committee on Administration and Internal Security',
			abbreviation: 'DCAIS',
			house: 'national_assembly'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	committeeId = committee.id;
	const other = await db
		.insertInto('committees')
		.values({
			slug: 'pac',
			name: 'Public Accounts Committee',
			abbreviation: 'PAC',
			house: 'national_assembly'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const rule = await db
		.insertInto('deadline_rules')
		.values({ name: 'Standing Order 201 (60 days)', description: 'x', unit: 'days', amount: 60 })
		.returning('id')
		.executeTakeFirstOrThrow();
	ruleId = rule.id;
	clerk = await user('clerk@example.test', [committeeId]);
	outsider = await user('pac@example.test', [other.id]);
});

const bytes = (text: string) => new TextEncoder().encode(text);

async function intake(text = HANSARD, as: Clerk = clerk) {
	return intakeTranscript(db, as, { fileName: 'dcais.txt', bytes: bytes(text), committeeId: null });
}

async function candidatesOf(id: number) {
	const rows = await listCandidates(db, id);
	const find = (words: string) => {
		const c = rows.find((r) => r.quote.includes(words));
		if (!c)
			throw new Error(`no candidate with “${words}” among ${rows.map((r) => r.quote).join(' | ')}`);
		return c;
	};
	return { rows, find };
}

function accept(c: {
	id: number;
	title: string;
	quote: string;
	type: string;
	due_on: string | null;
}): CandidateReview {
	return {
		candidateId: c.id,
		action: 'accept',
		title: c.title,
		quote: c.quote,
		dueOn: c.due_on,
		type: c.type as CandidateReview['type'],
		givenBy: 0,
		reason: null
	};
}

/** The sitting as found, with the Cabinet Secretary added to the lists as a new person and office. */
function sittingInput(): NonNullable<ReviewInput['sitting']> {
	return {
		satOn: '2025-10-14',
		subject: 'Meeting with the Cabinet Secretary',
		sourceTitle: 'Hansard (test data)',
		sourceUrl: null,
		sourceLocator: null,
		appearances: [
			{
				row: 0,
				person: { create: { name: 'Kipchumba Murkomen' } },
				office: {
					create: {
						title: 'Cabinet Secretary for Interior and National Administration',
						organisationId: orgId
					}
				}
			}
		]
	};
}

describe('reading a transcript in', () => {
	it('keeps the file byte for byte with its SHA-256, finds the committee it names, and proposes its undertakings', async () => {
		const id = await intake();
		const file = await getTranscriptFile(db, id);
		expect(Buffer.from(file!.content).equals(Buffer.from(bytes(HANSARD)))).toBe(true);
		expect(file!.sha256).toBe(createHash('sha256').update(HANSARD).digest('hex'));
		expect(file!.committee_id).toBe(committeeId);
		const { rows, find } = await candidatesOf(id);
		const unit = find('anti-human-trafficking unit');
		expect(unit.speaker_name).toContain('Murkomen');
		expect(unit.due_on).toBe('2026-01-12'); // ninety days after 14 October 2025
		find('Reservists Policy');
		// The Member's question, the Chair's procedure and the past action are not proposed.
		expect(rows.some((r) => r.quote.includes('when will the Ministry'))).toBe(false);
		expect(rows.some((r) => r.quote.includes('committee will write'))).toBe(false);
		expect(rows.some((r) => r.quote.includes('already recruited'))).toBe(false);
	});

	it('refuses a committee that is not the clerk’s, and a transcript naming none of theirs, writing nothing', async () => {
		const before = await count('transcripts');
		await expect(
			intakeTranscript(db, clerk, {
				fileName: 'x.txt',
				bytes: bytes(HANSARD),
				committeeId: committeeId + 1
			})
		).rejects.toThrow(InputError);
		await expect(intake(HANSARD, outsider)).rejects.toMatchObject({
			errors: { committee_id: expect.any(String) }
		});
		expect(await count('transcripts')).toBe(before);
	});

	it('names the file’s problem and writes nothing for a file it cannot read', async () => {
		const before = await count('audit_log');
		const fake = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
		await expect(
			intakeTranscript(db, clerk, { fileName: 'hansard.pdf', bytes: fake, committeeId })
		).rejects.toMatchObject({ errors: { file: expect.stringMatching(/not a PDF/) } });
		await expect(
			intakeTranscript(db, clerk, {
				fileName: 'notes.txt',
				bytes: bytes('Some notes about the weather in Nairobi. Nothing was said by anyone.'),
				committeeId
			})
		).rejects.toMatchObject({ errors: { file: expect.stringMatching(/speaker lines/) } });
		expect(await count('transcripts')).toBe(0);
		expect(await count('audit_log')).toBe(before);
	});
});

describe('reviewing the proposals', () => {
	it('creates the sitting, the new person and office, and accepted undertakings as drafts quoting the transcript', async () => {
		const id = await intake();
		const { find } = await candidatesOf(id);
		const unit = find('anti-human-trafficking unit');
		const policy = find('Reservists Policy');
		const { sittingId, refs } = await applyReview(db, clerk, id, {
			sitting: sittingInput(),
			ruleId,
			reviews: [
				accept(unit),
				{ ...accept(policy), title: 'Submit the National Police Reservists Policy to Cabinet' }
			]
		});
		expect(refs).toHaveLength(2);
		const drafts = await db
			.selectFrom('commitments')
			.selectAll()
			.where('sitting_id', '=', sittingId)
			.orderBy('ref')
			.execute();
		expect(drafts.map((d) => d.visibility)).toEqual(['draft', 'draft']);
		expect(drafts[0]!.quote).toBe(unit.quote.replace(/\s+/g, ' ').trim());
		expect(drafts[0]!.quote_source_locator).toBe(`p. ${unit.page}, line ${unit.line}`);
		expect(drafts[0]!.given_on).toBe('2025-10-14');
		expect(drafts[0]!.due_on).toBe('2026-01-12');
		expect(drafts[0]!.organisation_id).toBe(orgId);
		const person = await db.selectFrom('people').selectAll().executeTakeFirstOrThrow();
		expect(person.name).toBe('Kipchumba Murkomen');
		expect(drafts[0]!.person_id).toBe(person.id);
		const holding = await db.selectFrom('office_holdings').selectAll().executeTakeFirstOrThrow();
		expect(holding.start_on).toBe('2025-10-14');
		const decided = await listCandidates(db, id);
		expect(decided.find((c) => c.id === unit.id)!.decision).toBe('accepted');
		expect(decided.find((c) => c.id === policy.id)!.decision).toBe('edited');
		const transcript = await db.selectFrom('transcripts').selectAll().executeTakeFirstOrThrow();
		expect(transcript.sitting_id).toBe(sittingId);
		const audit = await db.selectFrom('audit_log').select('action').orderBy('id').execute();
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining([
				'transcript.uploaded',
				'person.created',
				'office.created',
				'sitting.created',
				'commitment.created',
				'transcript.reviewed'
			])
		);
	});

	it('writes nothing at all when one part is refused (a new office without a current organisation)', async () => {
		const id = await intake();
		const { find } = await candidatesOf(id);
		const input = sittingInput();
		input.appearances[0]!.office = {
			create: { title: 'Cabinet Secretary', organisationId: 999999 }
		};
		const before = await Promise.all([
			count('sittings'),
			count('people'),
			count('commitments'),
			count('audit_log')
		]);
		await expect(
			applyReview(db, clerk, id, {
				sitting: input,
				ruleId,
				reviews: [accept(find('anti-human-trafficking unit'))]
			})
		).rejects.toMatchObject({ errors: { ap_org_0: expect.any(String) } });
		expect(
			await Promise.all([
				count('sittings'),
				count('people'),
				count('commitments'),
				count('audit_log')
			])
		).toEqual(before);
		expect((await listCandidates(db, id)).every((c) => c.decision === 'pending')).toBe(true);
	});

	it('merges a proposal into the one above, splits a quote at an empty line, and keeps a rejection’s reason', async () => {
		const id = await intake();
		const { find } = await candidatesOf(id);
		const unit = find('anti-human-trafficking unit');
		const policy = find('Reservists Policy');
		const { refs } = await applyReview(db, clerk, id, {
			sitting: sittingInput(),
			ruleId,
			reviews: [accept(unit), { ...accept(policy), action: 'merge' }]
		});
		expect(refs).toHaveLength(1);
		const merged = await db.selectFrom('commitments').selectAll().executeTakeFirstOrThrow();
		expect(merged.quote).toContain('anti-human-trafficking unit');
		expect(merged.quote).toContain('Reservists Policy');
		const rows = await listCandidates(db, id);
		expect(rows.find((c) => c.id === policy.id)).toMatchObject({
			decision: 'merged',
			commitment_id: merged.id
		});
		expect(rows.find((c) => c.id === unit.id)).toMatchObject({
			decision: 'edited',
			commitment_id: merged.id
		});

		// A second transcript of the same sitting's committee: split one, reject the other.
		const second = await intake();
		const again = await candidatesOf(second);
		const unit2 = again.find('anti-human-trafficking unit');
		const policy2 = again.find('Reservists Policy');
		const split = await applyReview(db, clerk, second, {
			sitting: sittingInput(),
			ruleId,
			reviews: [
				{
					...accept(unit2),
					quote: `We will create a special unit.\n\nWe will staff it within ninety days.`
				},
				{ ...accept(policy2), action: 'reject', reason: 'duplicate' }
			]
		});
		expect(split.refs).toHaveLength(2);
		const pieces = await db
			.selectFrom('commitments')
			.select(['quote', 'title', 'due_on'])
			.where('sitting_id', '=', split.sittingId)
			.orderBy('ref')
			.execute();
		expect(pieces.map((p) => p.quote)).toEqual([
			'We will create a special unit.',
			'We will staff it within ninety days.'
		]);
		expect(pieces[1]!.title).toBe('We will staff it within ninety days.');
		expect((await listCandidates(db, second)).find((c) => c.id === policy2.id)).toMatchObject({
			decision: 'rejected',
			reason: 'duplicate',
			commitment_id: null
		});
	});

	it('refuses a merge with nothing accepted above it, and a decision on a proposal someone else decided first', async () => {
		const id = await intake();
		const { find } = await candidatesOf(id);
		const unit = find('anti-human-trafficking unit');
		await expect(
			applyReview(db, clerk, id, {
				sitting: sittingInput(),
				ruleId,
				reviews: [{ ...accept(unit), action: 'merge' }]
			})
		).rejects.toMatchObject({ errors: { [`d_${unit.id}`]: expect.any(String) } });
		await applyReview(db, clerk, id, { sitting: sittingInput(), ruleId, reviews: [accept(unit)] });
		const commitments = await count('commitments');
		await expect(
			applyReview(db, clerk, id, { sitting: null, ruleId, reviews: [accept(unit)] })
		).rejects.toThrow(StaleRecordError);
		expect(await count('commitments')).toBe(commitments);
	});

	it('answers another committee’s clerk as if the transcript did not exist', async () => {
		const id = await intake();
		const { find } = await candidatesOf(id);
		await expect(
			applyReview(db, outsider, id, {
				sitting: sittingInput(),
				ruleId,
				reviews: [accept(find('anti-human-trafficking unit'))]
			})
		).rejects.toThrow(NotFoundError);
		expect(await count('sittings')).toBe(0);
	});

	it('measures precision and recall from the decisions, counting undertakings added by hand as missed', async () => {
		const id = await intake();
		const { find } = await candidatesOf(id);
		const unit = find('anti-human-trafficking unit');
		const policy = find('Reservists Policy');
		const { sittingId } = await applyReview(db, clerk, id, {
			sitting: sittingInput(),
			ruleId,
			reviews: [accept(unit), { ...accept(policy), action: 'reject', reason: 'other' }]
		});
		const drafted = await db.selectFrom('commitments').selectAll().executeTakeFirstOrThrow();
		await createCommitment(db, clerk, {
			title: 'Added by hand',
			summary: 'Added by hand',
			quote: 'We shall look into it.',
			quoteSourceTitle: 'Hansard (test data)',
			quoteSourceUrl: null,
			quoteSourceLocator: null,
			organisationId: orgId,
			officeId: drafted.office_id,
			personId: null,
			type: 'information',
			tags: [],
			measurableTarget: null,
			sitting: { id: sittingId, committeeId },
			givenOn: '2025-10-14',
			due: { mode: 'none' }
		});
		const tallies = await listTranscriptTallies(db, [committeeId]);
		expect(tallies).toHaveLength(1);
		expect(tallies[0]).toMatchObject({
			id,
			sitting_id: sittingId,
			proposed: (await listCandidates(db, id)).length,
			accepted: 1,
			edited: 0,
			merged: 0,
			rejected: 1,
			by_hand: 1
		});
		const quality = extractionQuality(tallies);
		expect(quality.precision).toBe(0.5);
		expect(quality.recall).toBe(0.5);
		// A transcript not yet reviewed: its proposals counted, no decisions, no sitting.
		const later = await intake(`${HANSARD}\n`);
		const [newest] = await listTranscriptTallies(db, [committeeId]);
		expect(newest).toMatchObject({
			id: later,
			sitting_id: null,
			proposed: (await listCandidates(db, later)).length,
			accepted: 0,
			edited: 0,
			merged: 0,
			rejected: 0,
			by_hand: 0
		});
		expect(newest!.proposed).toBeGreaterThan(0);
		expect(await listTranscriptTallies(db, [committeeId + 1])).toEqual([]);
	});
});
