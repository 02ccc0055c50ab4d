// Writes a clerk makes, each with a unique marker so that a test can find it in the database
// afterwards: a sitting (with who appeared), a person on the reference list, a commitment.
import type { Client } from './client';
import { one } from './db';

export type WriteKind = 'sitting' | 'person' | 'commitment';

export interface Ack {
	kind: WriteKind;
	marker: string;
	status: number;
}

export interface DemoIds {
	committee: number;
	sitting: number;
	organisation: number;
	office: number;
	person: number;
}

/** Ids of the demo's committee-A records that valid forms need. */
export function demoIds(dbFile: string): DemoIds {
	return one<DemoIds>(
		dbFile,
		`select c.committee_id as committee, c.sitting_id as sitting, c.organisation_id as organisation,
			c.office_id as office, c.person_id as person
		from commitments c where c.ref = 'DCAIS/2025/005'`
	);
}

export function sittingForm(ids: DemoIds, marker: string) {
	return {
		committee_id: String(ids.committee),
		sat_on: '2025-06-12',
		subject: marker,
		source_title: 'Hansard (reliability test)',
		appearance_person_0: String(ids.person),
		appearance_office_0: String(ids.office)
	};
}

export function commitmentForm(ids: DemoIds, title: string) {
	return {
		title,
		summary: 'A commitment recorded by the reliability tests.',
		quote: 'We will do it (reliability test).',
		quote_source_title: 'Hansard (reliability test)',
		organisation_id: String(ids.organisation),
		office_id: String(ids.office),
		person_id: String(ids.person),
		type: 'policy',
		given_on: '2025-06-12',
		due_mode: 'none'
	};
}

/**
 * Sends one write of `kind`; resolves with the answer's status (throws on a network error, and
 * when the answer is a redirect to sign in, which is no acknowledgement of the write).
 */
export async function write(client: Client, ids: DemoIds, kind: WriteKind, marker: string) {
	const res =
		kind === 'sitting'
			? await client.post('/workspace/sittings/new?/create', sittingForm(ids, marker))
			: kind === 'person'
				? await client.post('/workspace/reference?/addPerson', { person_name: marker })
				: await client.post(
						`/workspace/sittings/${ids.sitting}?/addCommitment`,
						commitmentForm(ids, marker)
					);
	if (res.location && !res.location.startsWith('/workspace/')) {
		throw new Error(`${marker}: redirected to ${res.location}`);
	}
	return res.status;
}
