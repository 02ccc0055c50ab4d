// The ministry's side of the demo: the demo liaison officer's exchange with the committee on the
// demo undertakings, written through the same services as the pages (so it is audited and moves
// the commitments exactly as a real exchange would), on the dates it is said to have happened.
// Illustrative: no such letters exist. Needs seedDemo and seedDemoUsers first. Relative imports.
import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema';
import { fileFromBytes } from '../../src/lib/server/forms/streamed-form';
import { recordAudit } from '../../src/lib/server/audit';
import { getUserByEmail } from '../../src/lib/server/queries/users';
import {
	insertDocument,
	insertSubmission,
	listUserOrganisationIds
} from '../../src/lib/server/queries/ministry';
import {
	decideSubmission,
	saveDraft,
	sendSubmission,
	type Person
} from '../../src/lib/server/services/ministry-replies';

const SEED_ACTOR = { id: null, label: 'system (demo seed)' };

/** A one-page PDF saying what it is, so the demo report has a real document to download. */
export function demoPdf(text: string): Uint8Array {
	const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((o, i) => {
		offsets.push(body.length);
		body += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = body.length;
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return new TextEncoder().encode(body);
}

export async function person(db: Kysely<DB>, email: string): Promise<Person> {
	const u = await getUserByEmail(db, email);
	if (!u) throw new Error(`the demo exchange needs the demo account ${email} first`);
	return {
		id: u.id,
		name: u.name,
		email: u.email,
		role: u.role,
		committeeIds: u.committees.map((c) => c.id),
		organisationIds: await listUserOrganisationIds(db, u.id)
	};
}

async function commitmentId(db: Kysely<DB>, ref: string): Promise<number> {
	const row = await db
		.selectFrom('commitments')
		.select('id')
		.where('ref', '=', ref)
		.executeTakeFirst();
	if (!row) throw new Error(`demo commitment ${ref} is missing`);
	return row.id;
}

/** Loads the exchange unless the demo ministry has already sent something. */
export async function seedDemoReplies(db: Kysely<DB>): Promise<{ loaded: boolean }> {
	const ministry = await person(db, 'ministry@ahadi.example');
	const clerk = await person(db, 'clerk@ahadi.example');
	const any = await db
		.selectFrom('ministry_submissions')
		.select('id')
		.where('created_by', '=', ministry.id)
		.executeTakeFirst();
	if (any) return { loaded: false };

	const exchange = async (
		ref: string,
		sentOn: string,
		input: Parameters<typeof saveDraft>[2]['input'],
		documents: { fileName: string; bytes: Uint8Array }[],
		decision: { on: string; decision: 'received' | 'granted' | 'refused'; note: string } | null
	) => {
		const id = await saveDraft(
			db,
			ministry,
			{
				commitmentId: await commitmentId(db, ref),
				submissionId: null,
				version: null,
				input,
				documents: documents.map((d) => fileFromBytes(d.fileName, d.bytes))
			},
			{ today: sentOn }
		);
		if (!decision) return;
		await sendSubmission(db, ministry, id, 1, { today: sentOn });
		const sent = await db
			.selectFrom('ministry_submissions')
			.select('version')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		await decideSubmission(
			db,
			clerk,
			id,
			sent.version,
			{ decision: decision.decision, note: decision.note, grantedUntil: null },
			{ today: decision.on }
		);
	};

	// DCAIS/2025/002: the demo's own story of the reservists policy, as the ministry sent it:
	// the request for more time the committee granted in October 2025, and the report on the
	// validation meetings it received in July 2026 (with its PDF). The commitment already holds
	// their effects (seedDemo), so they are recorded as they were, not decided again.
	const reservists = await commitmentId(db, 'DCAIS/2025/002');
	const request = await db
		.selectFrom('commitment_requests')
		.selectAll()
		.where('commitment_id', '=', reservists)
		.where('kind', '=', 'extension')
		.executeTakeFirstOrThrow();
	await mirrorDecided(db, ministry, clerk, {
		commitmentId: reservists,
		evidenceOn: request.requested_on,
		kind: 'extension',
		body: request.reason,
		claimedStatus: null,
		requestedUntil: request.requested_until,
		approvedBy: 'Cabinet Secretary for Interior and National Administration',
		approvedOn: request.requested_on,
		decision: 'granted',
		decidedOn: request.decided_on ?? request.requested_on,
		note: request.decision_note ?? 'Granted.',
		grantedUntil: request.granted_until,
		documents: []
	});
	await mirrorDecided(db, ministry, clerk, {
		commitmentId: reservists,
		evidenceOn: '2026-06-15',
		kind: 'report',
		body: 'Validation meetings were held with county commanders and reservists in six counties; the draft policy goes to Cabinet once the National Treasury confirms a budget line for reservists’ welfare. (Illustrative demo report.)',
		claimedStatus: 'on_track',
		requestedUntil: null,
		approvedBy: null,
		approvedOn: null,
		decision: 'received',
		decidedOn: null,
		note: null,
		grantedUntil: null,
		documents: [
			{
				fileName: 'implementation-report-DCAIS-2025-002.pdf',
				bytes: demoPdf('Implementation report DCAIS/2025/002 (illustrative demo document)')
			}
		]
	});
	// DCAIS/2025/004: more time asked for, refused.
	await exchange(
		'DCAIS/2025/004',
		'2026-06-16',
		{
			kind: 'extension',
			body: 'The exchequer releases for the new administrative units have been slower than planned. (Illustrative demo request.)',
			claimedStatus: null,
			requestedUntil: '2026-12-31',
			approvedBy: 'Cabinet Secretary for Interior and National Administration',
			approvedOn: '2026-06-15'
		},
		[],
		{
			on: '2026-06-25',
			decision: 'refused',
			note: 'Refused: the committee expects the gazetted units funded from the 2025/26 supplementary estimates, as undertaken.'
		}
	);
	// DCAIS/2025/003: a report still in draft: the committee and the public never see it.
	await exchange(
		'DCAIS/2025/003',
		'2026-11-30',
		{
			kind: 'report',
			body: 'Draft: the review of the National Administration Policy has had two stakeholder meetings. (Illustrative demo draft, not sent.)',
			claimedStatus: 'on_track',
			requestedUntil: null,
			approvedBy: null,
			approvedOn: null
		},
		[],
		null
	);
	return { loaded: true };
}

/**
 * A submission the committee has already decided, recorded with the effects seedDemo gave the
 * commitment: linked to the ministry's evidence of `evidenceOn`, and decided on the day (and
 * with the note) of the update that cited it, unless given.
 */
async function mirrorDecided(
	db: Kysely<DB>,
	ministry: Person,
	clerk: Person,
	x: {
		commitmentId: number;
		evidenceOn: string;
		kind: 'report' | 'extension';
		body: string;
		claimedStatus: 'on_track' | null;
		requestedUntil: string | null;
		approvedBy: string | null;
		approvedOn: string | null;
		decision: 'received' | 'granted';
		decidedOn: string | null;
		note: string | null;
		grantedUntil: string | null;
		documents: { fileName: string; bytes: Uint8Array }[];
	}
) {
	const evidence = await db
		.selectFrom('evidence as e')
		.leftJoin('update_evidence as ue', 'ue.evidence_id', 'e.id')
		.leftJoin('updates as u', 'u.id', 'ue.update_id')
		.select(['e.id', 'u.update_on', 'u.note'])
		.where('e.commitment_id', '=', x.commitmentId)
		.where('e.type', '=', 'ministry_response')
		.where('e.published_on', '=', x.evidenceOn)
		.orderBy('u.update_on', 'desc')
		.executeTakeFirstOrThrow();
	const decidedOn = x.decidedOn ?? evidence.update_on ?? x.evidenceOn;
	const at = `${x.evidenceOn}T09:00:00.000Z`;
	await db.transaction().execute(async (trx) => {
		const id = await insertSubmission(trx, {
			commitment_id: x.commitmentId,
			organisation_id: ministry.organisationIds[0]!,
			kind: x.kind,
			state: 'decided',
			body: x.body,
			claimed_status: x.claimedStatus,
			requested_until: x.requestedUntil,
			approved_by: x.approvedBy,
			approved_on: x.approvedOn,
			created_by: ministry.id,
			created_at: at,
			updated_at: at,
			sent_on: x.evidenceOn,
			sent_at: at,
			sent_by: ministry.id,
			decision: x.decision,
			decided_on: decidedOn,
			decided_by: clerk.id,
			decision_note: x.note ?? evidence.note ?? 'Received.',
			granted_until: x.grantedUntil,
			evidence_id: evidence.id
		});
		for (const d of x.documents) {
			const file = fileFromBytes(d.fileName, d.bytes);
			const { fileName, byteSize, sha256 } = file;
			await insertDocument(
				trx,
				{ submissionId: id, fileName, mediaType: 'application/pdf', byteSize, sha256 },
				file.chunks()
			);
		}
		await recordAudit(trx, SEED_ACTOR, { action: 'submission.recorded', entityId: id });
	});
}
