// The ministry's side of the demo: the demo liaison officer's exchange with the committee on the
// demo undertakings, written through the same services as the pages (so it is audited and moves
// the commitments exactly as a real exchange would), on the dates it is said to have happened.
// Illustrative: no such letters exist. Needs seedDemo and seedDemoUsers first. Relative imports.
import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema';
import { getUserByEmail } from '../../src/lib/server/queries/users';
import { listUserOrganisationIds } from '../../src/lib/server/queries/ministry';
import {
	decideSubmission,
	saveDraft,
	sendSubmission,
	type Person
} from '../../src/lib/server/services/ministry-replies';

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
				documents
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

	// DCAIS/2025/001: a report the committee received (the ministry says on track; the
	// committee still assesses off track), then more time, granted.
	await exchange(
		'DCAIS/2025/001',
		'2026-05-04',
		{
			kind: 'report',
			body: 'The State Department has drafted the terms of reference of the anti-human-trafficking unit and identified 40 officers for secondment from the Directorate of Criminal Investigations. Recruitment of analysts awaits funding in the 2026/27 estimates. (Illustrative demo report.)',
			claimedStatus: 'on_track',
			requestedUntil: null,
			approvedBy: null,
			approvedOn: null
		},
		[
			{
				fileName: 'implementation-report-DCAIS-2025-001.pdf',
				bytes: demoPdf('Implementation report DCAIS/2025/001 (illustrative demo document)')
			}
		],
		{
			on: '2026-05-12',
			decision: 'received',
			note: 'Received and noted at the sitting of 12 May 2026. The committee asks for the secondment letters.'
		}
	);
	await exchange(
		'DCAIS/2025/001',
		'2026-05-20',
		{
			kind: 'extension',
			body: 'The unit cannot be operational before the 2026/27 budget funds the analysts’ posts; the secondments are in progress. (Illustrative demo request.)',
			claimedStatus: null,
			requestedUntil: '2027-06-30',
			approvedBy:
				'Principal Secretary, State Department for Internal Security and National Administration',
			approvedOn: '2026-05-18'
		},
		[],
		{
			on: '2026-06-02',
			decision: 'granted',
			note: 'Granted to 30 June 2027, the end of the 2026/27 fiscal year; the committee will review the unit in its first quarter report.'
		}
	);
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
