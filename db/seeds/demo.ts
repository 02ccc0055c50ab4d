// The demo data set: the April 2025 appearance of the Interior Cabinet Secretary before the
// National Assembly's Departmental Committee on Administration and Internal Security, built from
// the seed facts in DOMAIN.md. Every record names its source; anything invented to round out the
// demo (dates of later events, quarterly releases and spending, milestones) is marked illustrative.
// This module loads it: reference lists and budget here, the undertakings' data in
// demo-commitments.ts, the sources in demo-sources.ts.
// Relative imports only: this module is also bundled into the SvelteKit server.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { BudgetPhase, DB } from '../../src/lib/server/db/schema';
import { entityOf, type AuditAction } from '../../src/lib/server/audit';
import { refreshFundingStatuses } from '../../src/lib/server/services/funding-status';
import { commitmentSpecs } from './demo-commitments';
import { CLERK, ILLUSTRATIVE, SRC, at } from './demo-sources';

export const DEMO_COMMITTEE_SLUG = 'administration-internal-security';

type Trx = Transaction<DB>;

/** Loads the demo data in one transaction; does nothing if it is already there. */
export async function seedDemo(db: Kysely<DB>): Promise<{ loaded: boolean }> {
	return db.transaction().execute(async (trx) => {
		const existing = await trx
			.selectFrom('committees')
			.select('id')
			.where('slug', '=', DEMO_COMMITTEE_SLUG)
			.executeTakeFirst();
		if (existing) return { loaded: false };

		const now = new Date().toISOString();
		const ref = await insertReferenceData(trx, now);
		const budget = await insertBudget(trx, now);
		const commitmentIds = await insertCommitments(trx, ref, budget, now);

		await refreshFundingStatuses(trx);
		await trx
			.insertInto('audit_log')
			.values({
				at: now,
				user_id: null,
				actor: 'system (demo seed)',
				action: 'demo.seeded' satisfies AuditAction,
				entity: entityOf('demo.seeded'),
				entity_id: null,
				before_json: null,
				after_json: JSON.stringify({
					seed: 'demo',
					committee: DEMO_COMMITTEE_SLUG,
					commitments: commitmentIds.length
				})
			})
			.execute();
		return { loaded: true };
	});
}

// ---------------------------------------------------------------------------------------------
// Organisations, people, offices, committees, deadline rules, sittings, tags

export type RefIds = Awaited<ReturnType<typeof insertReferenceData>>;

async function insertReferenceData(trx: Trx, now: string) {
	const org = async (v: Omit<Insertable<DB['organisations']>, 'created_at'>) =>
		(
			await trx
				.insertInto('organisations')
				.values({ retired_at: null, merged_into_id: null, ...v, created_at: now })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	const ministry = await org({
		slug: 'ministry-interior-national-administration',
		name: 'Ministry of Interior and National Administration',
		short_name: 'Interior',
		kind: 'ministry',
		parent_id: null
	});
	const stateDept = await org({
		slug: 'sd-internal-security-national-administration',
		name: 'State Department for Internal Security and National Administration',
		short_name: 'Internal Security (vote 1021)',
		kind: 'state_department',
		parent_id: ministry
	});
	const police = await org({
		slug: 'national-police-service',
		name: 'National Police Service',
		short_name: 'NPS',
		kind: 'agency',
		parent_id: ministry
	});
	const treasury = await org({
		slug: 'national-treasury-economic-planning',
		name: 'National Treasury and Economic Planning',
		short_name: 'National Treasury',
		kind: 'treasury',
		parent_id: null
	});

	const person = async (slug: string, name: string) =>
		(
			await trx
				.insertInto('people')
				.values({ slug, name, retired_at: null, merged_into_id: null, created_at: now })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	const murkomen = await person('kipchumba-murkomen', 'Kipchumba Murkomen');
	const tongoyo = await person('gabriel-tongoyo', 'Gabriel Tongoyo');
	const treasuryOfficial = await person(
		'national-treasury-official-demo',
		'National Treasury official (illustrative)'
	);

	const office = async (slug: string, title: string, organisation_id: number) =>
		(
			await trx
				.insertInto('offices')
				.values({ slug, title, organisation_id, retired_at: null, created_at: now })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	const csInterior = await office(
		'cs-interior-national-administration',
		'Cabinet Secretary, Interior and National Administration',
		ministry
	);
	const psTreasury = await office(
		'ps-national-treasury',
		'Principal Secretary, National Treasury',
		treasury
	);
	// The start of the term is not in the seed facts, so it is left unknown rather than guessed.
	await trx
		.insertInto('office_holdings')
		.values([
			{ person_id: murkomen, office_id: csInterior, start_on: null, end_on: null },
			{ person_id: treasuryOfficial, office_id: psTreasury, start_on: null, end_on: null }
		])
		.execute();

	const dcais = (
		await trx
			.insertInto('committees')
			.values({
				slug: DEMO_COMMITTEE_SLUG,
				name: 'Departmental Committee on Administration and Internal Security',
				abbreviation: 'DCAIS',
				house: 'national_assembly',
				chair_person_id: tongoyo,
				created_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	// A second, illustrative committee so that committee filters and clerk scoping have work.
	const dcfnp = (
		await trx
			.insertInto('committees')
			.values({
				slug: 'finance-national-planning',
				name: 'Departmental Committee on Finance and National Planning',
				abbreviation: 'DCFNP',
				house: 'national_assembly',
				chair_person_id: null,
				created_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;

	const rules = await ensureDeadlineRules(trx, now);

	const sitting = async (v: Omit<Insertable<DB['sittings']>, 'created_at' | 'updated_at'>) =>
		(
			await trx
				.insertInto('sittings')
				.values({ ...v, created_at: at(v.sat_on), updated_at: at(v.sat_on) })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	const april2025 = await sitting({
		committee_id: dcais,
		sat_on: '2025-04-23',
		subject:
			'Appearance of the Cabinet Secretary for Interior and National Administration: human trafficking, National Police Reservists, the NGAO scheme of service and the newly gazetted administrative units',
		source_title: SRC.sitting.title,
		source_url: SRC.sitting.url,
		source_locator:
			'April 2025 sitting; the exact day is illustrative (23 April 2025 is the dateline of the news report)',
		visibility: 'published'
	});
	const financeSitting = await sitting({
		committee_id: dcfnp,
		sat_on: '2025-06-10',
		subject:
			'Illustrative sitting for the demo: the National Treasury on the timing of exchequer releases to State Departments',
		source_title: 'Illustrative record for the demo (not a real sitting)',
		source_url: null,
		source_locator: null,
		visibility: 'published'
	});
	await trx
		.insertInto('sitting_appearances')
		.values([
			{ sitting_id: april2025, person_id: murkomen, office_id: csInterior },
			{ sitting_id: financeSitting, person_id: treasuryOfficial, office_id: psTreasury }
		])
		.execute();

	const tags = await ensureTags(trx, [
		['human-trafficking', 'Human trafficking'],
		['labour-migration', 'Labour migration'],
		['policing', 'Policing'],
		['police-reservists', 'Police reservists'],
		['welfare', 'Welfare'],
		['ngao', 'National Government Administration Officers'],
		['public-service', 'Public service'],
		['administrative-units', 'Administrative units'],
		['ng-cdf', 'NG-CDF'],
		['budget', 'Budget'],
		['exchequer-releases', 'Exchequer releases']
	]);

	return {
		ministry,
		stateDept,
		police,
		treasury,
		murkomen,
		csInterior,
		psTreasury,
		dcais,
		dcfnp,
		april2025,
		financeSitting,
		rules,
		tags
	};
}

/** The standard deadline rules, created when missing; shared by name with the synthetic seed. */
export async function ensureDeadlineRules(trx: Trx, now: string) {
	const wanted = [
		{
			name: 'Report within 60 days',
			description: 'The ministry reports to the committee within 60 days of the sitting.',
			unit: 'days' as const,
			amount: 60,
			authority: 'National Assembly Standing Orders (illustrative rule for the demo)'
		},
		{
			name: '3 months',
			description: 'Delivery expected within three months of the undertaking.',
			unit: 'months' as const,
			amount: 3,
			authority: 'Committee resolution (illustrative rule for the demo)'
		},
		{
			name: '6 months',
			description: 'Delivery expected within six months of the undertaking.',
			unit: 'months' as const,
			amount: 6,
			authority: 'Committee resolution (illustrative rule for the demo)'
		},
		{
			name: '12 months',
			description: 'Delivery expected within twelve months of the undertaking.',
			unit: 'months' as const,
			amount: 12,
			authority: 'Committee resolution (illustrative rule for the demo)'
		}
	];
	const ids: Record<string, number> = {};
	for (const rule of wanted) {
		const found = await trx
			.selectFrom('deadline_rules')
			.select('id')
			.where('name', '=', rule.name)
			.executeTakeFirst();
		ids[rule.name] =
			found?.id ??
			(
				await trx
					.insertInto('deadline_rules')
					.values({ ...rule, active: 1, created_at: now })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
	}
	const rule = (name: string) => {
		const id = ids[name];
		if (id === undefined) throw new Error(`unknown deadline rule ${name}`);
		return id;
	};
	return { rule };
}

async function ensureTags(trx: Trx, wanted: [slug: string, name: string][]) {
	const ids: Record<string, number> = {};
	for (const [slug, name] of wanted) {
		const found = await trx
			.selectFrom('tags')
			.select('id')
			.where('slug', '=', slug)
			.executeTakeFirst();
		ids[slug] =
			found?.id ??
			(
				await trx
					.insertInto('tags')
					.values({ slug, name })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
	}
	return (slug: string) => {
		const id = ids[slug];
		if (id === undefined) throw new Error(`unknown tag ${slug}`);
		return id;
	};
}

// ---------------------------------------------------------------------------------------------
// Budget lines and figures

export type BudgetIds = Awaited<ReturnType<typeof insertBudget>>;

interface FigureSpec {
	phase: BudgetPhase;
	amount: number;
	asOf: string;
	source: string;
	url?: string;
	illustrative?: boolean;
}

/** Quarterly cumulative releases and spending: all invented, so all illustrative. */
function quarterly(phase: 'released' | 'spent', points: [asOf: string, amount: number][]) {
	return points.map(([asOf, amount]): FigureSpec => ({
		phase,
		amount,
		asOf,
		illustrative: true,
		source: `${ILLUSTRATIVE}: cumulative ${phase === 'released' ? 'exchequer releases' : 'expenditure'} to ${asOf} (invented; not from a Controller of Budget report)`
	}));
}

async function insertBudget(trx: Trx, now: string) {
	const line = async (
		v: Omit<Insertable<DB['budget_lines']>, 'created_at'>,
		figures: FigureSpec[]
	) => {
		const { id } = await trx
			.insertInto('budget_lines')
			.values({ ...v, created_at: now })
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('budget_figures')
			.values(
				figures.map((f) => ({
					budget_line_id: id,
					phase: f.phase,
					amount_kes: f.amount,
					as_of: f.asOf,
					source_title: f.source,
					source_url: f.url ?? null,
					illustrative: f.illustrative ? 1 : 0,
					created_at: now
				}))
			)
			.execute();
		return id;
	};
	const vote1021 = {
		vote_code: '1021',
		vote_name: 'State Department for Internal Security and National Administration'
	};
	const units = 'Operationalisation of newly gazetted administrative units';

	// FY2025/26: the vote as reported, split by economic class. The requirement and ceiling of
	// each class follow from the reported totals and shortfalls (recurrent 16,433.85 m,
	// development 5,060.25 m; development ceiling 6,985 m), so the two lines sum to the
	// reported KES 59,002.9 m requested and KES 37,508.8 m ceiling.
	const vote2526Recurrent = await line(
		{
			fiscal_year: '2025/26',
			...vote1021,
			programme: 'Whole vote (as reported)',
			sub_programme: '',
			economic_class: 'recurrent'
		},
		[
			{
				phase: 'requested',
				amount: 46_957_650_000,
				asOf: '2025-04-30',
				source: `${SRC.tukio}. Recurrent share derived: total requirement less the development requirement; recurrent shortfall KES 16,433.85 m`
			},
			{
				phase: 'ceiling',
				amount: 30_523_800_000,
				asOf: '2025-04-30',
				source: `${SRC.tukio}. Recurrent share derived: ceiling KES 37,508.8 m less development allocation KES 6,985 m`
			},
			...quarterly('released', [
				['2025-09-30', 6_900_000_000],
				['2025-12-31', 14_200_000_000],
				['2026-03-31', 21_800_000_000]
			]),
			...quarterly('spent', [
				['2025-09-30', 6_100_000_000],
				['2025-12-31', 13_000_000_000],
				['2026-03-31', 20_100_000_000]
			])
		]
	);
	const vote2526Development = await line(
		{
			fiscal_year: '2025/26',
			...vote1021,
			programme: 'Whole vote (as reported)',
			sub_programme: '',
			economic_class: 'development'
		},
		[
			{
				phase: 'requested',
				amount: 12_045_250_000,
				asOf: '2025-04-30',
				source: `${SRC.tukio}. Development: 60 projects costing KES 12,045 m; requirement derived as the KES 6,985 m allocation plus the reported development shortfall of KES 5,060.25 m`
			},
			{
				phase: 'ceiling',
				amount: 6_985_000_000,
				asOf: '2025-04-30',
				source: `${SRC.tukio}. Development: KES 6,985 m allocated to 60 projects`
			},
			...quarterly('released', [
				['2025-09-30', 900_000_000],
				['2025-12-31', 2_100_000_000],
				['2026-03-31', 3_400_000_000]
			]),
			...quarterly('spent', [
				['2025-09-30', 500_000_000],
				['2025-12-31', 1_400_000_000],
				['2026-03-31', 2_600_000_000]
			])
		]
	);

	// FY2024/25: Supplementary II added KES 9.21 bn. The base is not in the sources, so both the
	// base and the revised total are illustrative; only the difference is reported.
	const suppBase = 31_400_000_000;
	await line(
		{
			fiscal_year: '2024/25',
			...vote1021,
			programme: 'Whole vote (as reported)',
			sub_programme: '',
			economic_class: 'recurrent'
		},
		[
			{
				phase: 'approved',
				amount: suppBase,
				asOf: '2024-06-26',
				illustrative: true,
				source: `${ILLUSTRATIVE}: invented base (Appropriation Act figure not in the sources) for the Supplementary II increase reported by Nation`
			},
			{
				phase: 'supplementary_2',
				amount: suppBase + 9_210_000_000,
				asOf: '2025-03-18',
				illustrative: true,
				source: `${SRC.nationSupp}. ${ILLUSTRATIVE}: revised total = invented base + the reported KES 9.21 bn (class split not reported; shown on the recurrent line; date approximate)`
			}
		]
	);

	const units2425 = await line(
		{
			fiscal_year: '2024/25',
			...vote1021,
			programme: 'National Government Administration',
			sub_programme: units,
			economic_class: 'recurrent'
		},
		[
			{
				phase: 'requested',
				amount: 2_100_000_000,
				asOf: '2025-03-21',
				source: `${SRC.starUnits}. Requested = the further KES 2.1 bn said to be needed`
			},
			{
				phase: 'supplementary_2',
				amount: 666_000_000,
				asOf: '2025-03-21',
				source: `${SRC.starUnits}. The source says "supplementary budget"; stored as the latest supplementary figure`
			},
			...quarterly('released', [['2025-06-30', 500_000_000]]),
			...quarterly('spent', [['2025-06-30', 430_000_000]])
		]
	);
	const units2526 = await line(
		{
			fiscal_year: '2025/26',
			...vote1021,
			programme: 'National Government Administration',
			sub_programme: units,
			economic_class: 'recurrent'
		},
		[
			{
				phase: 'requested',
				amount: 2_500_000_000,
				asOf: '2025-02-28',
				source: `${SRC.kenyansUnits}. Requested = the about KES 2.5 bn sought`
			},
			{ phase: 'ceiling', amount: 616_000_000, asOf: '2025-02-28', source: SRC.kenyansUnits },
			...quarterly('released', [
				['2025-09-30', 100_000_000],
				['2025-12-31', 210_000_000],
				['2026-03-31', 340_000_000]
			]),
			...quarterly('spent', [
				['2025-09-30', 60_000_000],
				['2025-12-31', 170_000_000],
				['2026-03-31', 290_000_000]
			])
		]
	);

	const police2526 = await line(
		{
			fiscal_year: '2025/26',
			vote_code: 'NPS',
			vote_name: 'National Police Service (vote code not given in the source)',
			programme: 'Whole vote (as reported)',
			sub_programme: '',
			economic_class: 'recurrent'
		},
		[{ phase: 'approved', amount: 125_300_000_000, asOf: '2025-06-12', source: SRC.nationNps }]
	);

	// A historical figure: no fiscal-year allocation for counter-trafficking was found since.
	await line(
		{
			fiscal_year: '2018/19',
			vote_code: 'n/a',
			vote_name: 'Vote not stated in the source',
			programme: 'Counter-trafficking in persons',
			sub_programme: 'Anti-trafficking efforts including the victim assistance fund',
			economic_class: 'recurrent'
		},
		[{ phase: 'approved', amount: 60_000_000, asOf: '2019-06-20', source: SRC.tip2019 }]
	);

	return { vote2526Recurrent, vote2526Development, units2425, units2526, police2526 };
}

async function insertCommitments(
	trx: Trx,
	ref: RefIds,
	budget: BudgetIds,
	now: string
): Promise<number[]> {
	const ids: number[] = [];
	for (const spec of commitmentSpecs(ref, budget)) {
		const lastUpdate = spec.updates.at(-1)?.on ?? spec.row.given_on;
		const { id } = await trx
			.insertInto('commitments')
			.values({
				...spec.row,
				version: 1 + spec.updates.length,
				created_at: at(spec.row.given_on),
				updated_at: at(lastUpdate),
				updated_by: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		ids.push(id);

		if (spec.tags.length > 0) {
			await trx
				.insertInto('commitment_tags')
				.values(spec.tags.map((slug) => ({ commitment_id: id, tag_id: ref.tags(slug) })))
				.execute();
		}

		const evidence: Record<string, number> = {};
		for (const e of spec.evidence) {
			evidence[e.key] = (
				await trx
					.insertInto('evidence')
					.values({
						commitment_id: id,
						type: e.type,
						title: e.title,
						url: e.url ?? null,
						published_on: e.on,
						excerpt: e.excerpt ?? null,
						illustrative: e.illustrative ? 1 : 0,
						created_by: null,
						created_at: e.on <= now.slice(0, 10) ? at(e.on) : now
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		}
		const evidenceId = (key: string) => {
			const found = evidence[key];
			if (found === undefined) throw new Error(`${spec.row.ref}: unknown evidence ${key}`);
			return found;
		};

		const updateIds: number[] = [];
		for (const u of spec.updates) {
			const { id: updateId } = await trx
				.insertInto('updates')
				.values({
					commitment_id: id,
					update_on: u.on,
					delivery_from: u.delivery?.[0] ?? null,
					delivery_to: u.delivery?.[1] ?? null,
					procedural_from: u.procedural?.[0] ?? null,
					procedural_to: u.procedural?.[1] ?? null,
					due_from: u.due?.[0] ?? null,
					due_to: u.due?.[1] ?? null,
					reason: u.reason ?? null,
					note: u.note,
					author_id: null,
					author_name: CLERK,
					created_at: at(u.on)
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			updateIds.push(updateId);
			if (u.evidence?.length) {
				await trx
					.insertInto('update_evidence')
					.values(u.evidence.map((key) => ({ update_id: updateId, evidence_id: evidenceId(key) })))
					.execute();
			}
		}

		if (spec.milestones.length > 0) {
			await trx
				.insertInto('milestones')
				.values(
					spec.milestones.map((m) => ({
						commitment_id: id,
						title: m.title,
						planned_on: m.planned,
						actual_on: m.actual ?? null,
						weight: m.weight,
						status: m.status,
						evidence_id: m.evidence ? evidenceId(m.evidence) : null,
						version: 1,
						created_at: at(spec.row.given_on),
						updated_at: at(m.actual ?? spec.row.given_on)
					}))
				)
				.execute();
		}

		await trx
			.insertInto('due_date_changes')
			.values(
				spec.dueChanges.map((d) => ({
					commitment_id: id,
					changed_on: d.on,
					from_on: d.from,
					to_on: d.to,
					deadline_rule_id: d.rule ? ref.rules.rule(d.rule) : null,
					reason: d.reason,
					update_id: d.update === undefined ? null : (updateIds[d.update] ?? null)
				}))
			)
			.execute();

		if (spec.links.length > 0) {
			await trx
				.insertInto('funding_links')
				.values(spec.links.map((l) => ({ ...l, commitment_id: id, created_at: now })))
				.execute();
		}
		if (spec.request) {
			await trx
				.insertInto('commitment_requests')
				.values({ ...spec.request, commitment_id: id })
				.execute();
		}
	}
	return ids;
}
