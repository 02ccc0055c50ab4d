// The public change log across commitments, for the Atom feeds and the updates download. Only
// updates of published commitments are ever read. Two queries per call.
import type { Kysely } from 'kysely';
import type { DB, DeliveryStatus, EvidenceType, ProceduralStatus } from '../db/schema';

export interface UpdateEvidence {
	id: number;
	type: EvidenceType;
	title: string;
	url: string | null;
	publishedOn: string | null;
	excerpt: string | null;
	illustrative: boolean;
}

export interface PublishedUpdate {
	id: number;
	updateOn: string;
	createdAt: string;
	deliveryFrom: DeliveryStatus | null;
	deliveryTo: DeliveryStatus | null;
	proceduralFrom: ProceduralStatus | null;
	proceduralTo: ProceduralStatus | null;
	dueFrom: string | null;
	dueTo: string | null;
	reason: string | null;
	note: string;
	authorName: string;
	commitment: { ref: string; title: string };
	committee: { slug: string; name: string };
	evidence: UpdateEvidence[];
}

export interface UpdateFilter {
	committeeId?: number;
	commitmentId?: number;
	/** Newest first; without a limit every matching update is returned. */
	limit?: number;
}

function publishedUpdates(db: Kysely<DB>, f: UpdateFilter) {
	return db
		.selectFrom('updates as u')
		.innerJoin('commitments as c', 'c.id', 'u.commitment_id')
		.innerJoin('committees as k', 'k.id', 'c.committee_id')
		.where('c.visibility', '=', 'published')
		.$if(f.committeeId !== undefined, (q) => q.where('c.committee_id', '=', f.committeeId!))
		.$if(f.commitmentId !== undefined, (q) => q.where('c.id', '=', f.commitmentId!));
}

/** Updates of published commitments, newest first, each with its evidence. */
export async function listPublishedUpdates(
	db: Kysely<DB>,
	f: UpdateFilter = {}
): Promise<PublishedUpdate[]> {
	const rows = await publishedUpdates(db, f)
		.select([
			'u.id',
			'u.update_on',
			'u.created_at',
			'u.delivery_from',
			'u.delivery_to',
			'u.procedural_from',
			'u.procedural_to',
			'u.due_from',
			'u.due_to',
			'u.reason',
			'u.note',
			'u.author_name',
			'c.ref',
			'c.title',
			'k.slug as committee_slug',
			'k.name as committee_name'
		])
		.orderBy('u.update_on', 'desc')
		.orderBy('u.id', 'desc')
		.$if(f.limit !== undefined, (q) => q.limit(f.limit!))
		.execute();
	if (rows.length === 0) return [];

	// A limited list names its ids; a full download selects them by the same filter instead.
	const ids =
		f.limit !== undefined ? rows.map((r) => r.id) : publishedUpdates(db, f).select('u.id');
	const evidence = await db
		.selectFrom('update_evidence as ue')
		.innerJoin('evidence as e', 'e.id', 'ue.evidence_id')
		.select([
			'ue.update_id',
			'e.id',
			'e.type',
			'e.title',
			'e.url',
			'e.published_on',
			'e.excerpt',
			'e.illustrative'
		])
		.where('ue.update_id', 'in', ids)
		.orderBy('ue.update_id')
		.orderBy('e.published_on')
		.orderBy('e.id')
		.execute();
	const byUpdate = new Map<number, UpdateEvidence[]>();
	for (const e of evidence) {
		const item: UpdateEvidence = {
			id: e.id,
			type: e.type,
			title: e.title,
			url: e.url,
			publishedOn: e.published_on,
			excerpt: e.excerpt,
			illustrative: e.illustrative === 1
		};
		const list = byUpdate.get(e.update_id);
		if (list) list.push(item);
		else byUpdate.set(e.update_id, [item]);
	}

	return rows.map((r) => ({
		id: r.id,
		updateOn: r.update_on,
		createdAt: r.created_at,
		deliveryFrom: r.delivery_from,
		deliveryTo: r.delivery_to,
		proceduralFrom: r.procedural_from,
		proceduralTo: r.procedural_to,
		dueFrom: r.due_from,
		dueTo: r.due_to,
		reason: r.reason,
		note: r.note,
		authorName: r.author_name,
		commitment: { ref: r.ref, title: r.title },
		committee: { slug: r.committee_slug, name: r.committee_name },
		evidence: byUpdate.get(r.id) ?? []
	}));
}
