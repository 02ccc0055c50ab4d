import type { Kysely } from 'kysely';
import type { DB, OrganisationKind } from '../db/schema';

export interface OrganisationWithCount {
	slug: string;
	name: string;
	shortName: string | null;
	kind: OrganisationKind;
	parentSlug: string | null;
	retiredAt: string | null;
	/** Published commitments for which this organisation is responsible. */
	published: number;
}

/** Organisations with their count of published commitments, in one query. */
export async function listOrganisationsWithCounts(
	db: Kysely<DB>
): Promise<OrganisationWithCount[]> {
	const rows = await db
		.selectFrom('organisations as o')
		.leftJoin('organisations as parent', 'parent.id', 'o.parent_id')
		.leftJoin('commitments as c', (join) =>
			join.onRef('c.organisation_id', '=', 'o.id').on('c.visibility', '=', 'published')
		)
		.select([
			'o.slug',
			'o.name',
			'o.short_name',
			'o.kind',
			'o.retired_at',
			'parent.slug as parent_slug',
			(eb) => eb.fn.count<number>('c.id').as('published')
		])
		.groupBy(['o.id', 'o.slug', 'o.name', 'o.short_name', 'o.kind', 'o.retired_at', 'parent.slug'])
		.orderBy('o.name')
		.orderBy('o.slug')
		.execute();
	return rows.map((r) => ({
		slug: r.slug,
		name: r.name,
		shortName: r.short_name,
		kind: r.kind,
		parentSlug: r.parent_slug,
		retiredAt: r.retired_at,
		published: Number(r.published)
	}));
}

export async function getOrganisationBySlug(db: Kysely<DB>, slug: string) {
	return db
		.selectFrom('organisations as o')
		.leftJoin('organisations as parent', 'parent.id', 'o.parent_id')
		.select(['o.id', 'o.slug', 'o.name', 'o.kind', 'parent.name as parentName'])
		.where('o.slug', '=', slug)
		.executeTakeFirst();
}
