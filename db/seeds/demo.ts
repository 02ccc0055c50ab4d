// The demo data set: the April 2025 appearance of the Interior Cabinet Secretary before the
// National Assembly's Departmental Committee on Administration and Internal Security, built from
// the seed facts in DOMAIN.md. Every record names its source; anything invented to round out the
// demo (dates of later events, quarterly releases and spending, milestones) is marked illustrative.
// Relative imports only: this module is also bundled into the SvelteKit server.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type {
	BudgetPhase,
	DB,
	DeliveryStatus,
	EvidenceType,
	MilestoneStatus,
	ProceduralStatus
} from '../../src/lib/server/db/schema';
import { entityOf, type AuditAction } from '../../src/lib/server/audit';
import { refreshFundingStatuses } from '../../src/lib/server/services/funding-status';

export const DEMO_COMMITTEE_SLUG = 'administration-internal-security';

const ILLUSTRATIVE = 'Illustrative figure for the demo';
const ILLUSTRATIVE_EVIDENCE = 'Illustrative evidence for the demo';
const ILLUSTRATIVE_UPDATE = '(Illustrative update for the demo.)';
const CLERK = 'Committee clerk (demo)';

/** Sources named in DOMAIN.md's seed facts. URLs only where known. */
const SRC = {
	sitting: {
		title: 'KBC report of the sitting, carried by the NNN news agency (Nairobi, 23 April 2025)',
		url: 'http://namnewsnetwork.org/?p=298344'
	},
	starUnits:
		'The Star, 21 March 2025: newly gazetted administrative units (KES 666 m in the FY2024/25 supplementary budget; a further KES 2.1 bn needed for 1,105 units: 24 sub-counties, 88 divisions, 318 locations, 675 sub-locations)',
	kenyansUnits:
		'Kenyans.co.ke: FY2025/26 Budget Policy Statement allocates KES 616 m to the newly gazetted units; 16 of 24 sub-counties operational; about KES 2.5 bn sought for the remaining 8 (date approximate)',
	tukio:
		'Tukio: security committee report on the FY2025/26 estimates of the State Department for Internal Security and National Administration (requirement KES 59,002.9 m against a Budget Policy Statement ceiling of KES 37,508.8 m; date approximate)',
	nationSupp:
		'Nation: FY2024/25 Supplementary Estimates II add KES 9.21 bn to the State Department for Internal Security and National Administration',
	nationNps:
		'Nation: National Police Service FY2025/26 budget estimates of KES 125.3 bn (estimates as reported, stored as the approved figure; recurrent and development combined; date approximate)',
	starReservists: 'The Star, 18 June 2024: police reservists receive a KES 5,000 monthly stipend',
	tip2019:
		'US Department of State, Trafficking in Persons Report 2019 (Kenya): KES 60 m from the budget for anti-trafficking efforts including the victim assistance fund (fiscal year approximate; vote not stated)',
	tip2024: {
		title: 'US Department of State, 2024 Trafficking in Persons Report: Kenya',
		url: 'https://www.state.gov/reports/2024-trafficking-in-persons-report/kenya/'
	}
};

/** A timestamp for a historical event on `date` (10:00 in Nairobi). */
const at = (date: string) => `${date}T07:00:00.000Z`;

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

type RefIds = Awaited<ReturnType<typeof insertReferenceData>>;

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

type BudgetIds = Awaited<ReturnType<typeof insertBudget>>;

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

// ---------------------------------------------------------------------------------------------
// Commitments with their milestones, evidence, updates and due-date history

interface EvidenceSpec {
	key: string;
	type: EvidenceType;
	title: string;
	url?: string;
	on: string;
	excerpt?: string;
	illustrative?: boolean;
}

interface UpdateSpec {
	on: string;
	note: string;
	delivery?: [DeliveryStatus, DeliveryStatus];
	procedural?: [ProceduralStatus, ProceduralStatus];
	due?: [string, string];
	reason?: string;
	evidence?: string[];
}

interface MilestoneSpec {
	title: string;
	planned: string;
	actual?: string;
	weight: number;
	status: MilestoneStatus;
	evidence?: string;
}

interface DueChangeSpec {
	on: string;
	from: string | null;
	to: string;
	rule?: string;
	reason: string;
	/** Index into the commitment's updates. */
	update?: number;
}

interface CommitmentSpec {
	row: Omit<
		Insertable<DB['commitments']>,
		'funding_status' | 'version' | 'created_at' | 'updated_at' | 'updated_by'
	>;
	tags: string[];
	evidence: EvidenceSpec[];
	updates: UpdateSpec[];
	milestones: MilestoneSpec[];
	dueChanges: DueChangeSpec[];
	links: Omit<Insertable<DB['funding_links']>, 'commitment_id' | 'created_at'>[];
	request?: Omit<Insertable<DB['commitment_requests']>, 'commitment_id'>;
}

const newsOfSitting = (excerpt: string): EvidenceSpec => ({
	key: 'sitting',
	type: 'news',
	title: SRC.sitting.title,
	url: SRC.sitting.url,
	on: '2025-04-23',
	excerpt
});

const recorded: UpdateSpec = {
	on: '2025-04-30',
	procedural: ['recorded', 'communicated'],
	note:
		'Undertaking recorded from the sitting of 23 April 2025 and communicated to the Ministry. ' +
		ILLUSTRATIVE_UPDATE,
	evidence: ['sitting']
};

function commitmentSpecs(ref: RefIds, budget: BudgetIds): CommitmentSpec[] {
	const dcais = {
		committee_id: ref.dcais,
		sitting_id: ref.april2025,
		quote_source_title: SRC.sitting.title,
		quote_source_url: SRC.sitting.url,
		organisation_id: ref.stateDept,
		office_id: ref.csInterior,
		person_id: ref.murkomen,
		given_on: '2025-04-23',
		visibility: 'published' as const,
		published_at: at('2025-04-30'),
		withdrawn_at: null,
		withdrawn_reason: null
	};
	const setBy = (rule: string, to: string): DueChangeSpec => ({
		on: '2025-04-23',
		from: null,
		to,
		rule,
		reason: `Set by rule: ${rule}`,
		update: 0
	});

	const trafficking: CommitmentSpec = {
		row: {
			...dcais,
			ref: 'DCAIS/2025/001',
			title: 'Create a special anti-human-trafficking unit',
			summary:
				'The Ministry will set up a dedicated unit to enforce labour migration laws and dismantle trafficking networks, including rogue recruitment agents who lure young Kenyans abroad with promises of work.',
			quote:
				'As a Ministry, we have strengthened the fight against this vice and are looking to establish a special anti-human trafficking unit. This will ensure stricter enforcement of labour migration regulations on individuals luring our youth with promises of a better future abroad.',
			quote_source_locator: 'Words of the Cabinet Secretary as quoted in the report',
			type: 'institution',
			due_on: '2026-04-23',
			deadline_rule_id: ref.rules.rule('12 months'),
			due_basis: '12 months',
			measurable_target:
				'Unit established, staffed and reporting enforcement action against rogue recruitment agents',
			delivery_status: 'off_track',
			procedural_status: 'response_due',
			status_reason: null
		},
		tags: ['human-trafficking', 'labour-migration', 'policing'],
		evidence: [
			newsOfSitting(
				'"...we are looking to establish a special anti-human trafficking unit." The Cabinet Secretary called human trafficking a multi-agency challenge.'
			),
			{
				key: 'tip2024',
				type: 'other',
				title: SRC.tip2024.title,
				url: SRC.tip2024.url,
				on: '2024-06-24',
				excerpt:
					'The report notes that most perpetrators of trafficking in Kenya are Kenyan nationals.'
			},
			{
				key: 'structure',
				type: 'ministry_response',
				title: `Ministry progress note to the committee: structure of the unit approved (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2025-09-15',
				illustrative: true
			},
			{
				key: 'followup',
				type: 'committee_report',
				title: `Committee follow-up letter: no report received by the due date (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2026-05-12',
				illustrative: true
			}
		],
		updates: [
			recorded,
			{
				on: '2025-09-15',
				delivery: ['not_started', 'on_track'],
				procedural: ['communicated', 'response_received'],
				note:
					'The Ministry reports that the structure and mandate of the unit have been approved. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['structure']
			},
			{
				on: '2026-02-10',
				delivery: ['on_track', 'off_track'],
				note:
					'The unit was not launched by the planned date of 31 January 2026 and no officers have been deployed to it. ' +
					ILLUSTRATIVE_UPDATE
			},
			{
				on: '2026-05-12',
				procedural: ['response_received', 'response_due'],
				note:
					'The due date of 23 April 2026 passed without a report; the committee has written to the Ministry for a response. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['followup']
			},
			{
				on: '2026-11-12',
				note:
					'At a follow-up sitting the Ministry said the unit will be launched once its officers finish training, but gave no date; the committee still awaits the written report. ' +
					ILLUSTRATIVE_UPDATE
			}
		],
		milestones: [
			{
				title: 'Mandate and structure of the unit approved by the Ministry',
				planned: '2025-08-31',
				actual: '2025-09-15',
				weight: 1,
				status: 'met',
				evidence: 'structure'
			},
			{
				title: 'Unit established and officers deployed',
				planned: '2026-01-31',
				weight: 2,
				status: 'missed'
			},
			{
				title: 'First quarterly report on enforcement action against rogue recruitment agents',
				planned: '2026-12-31',
				weight: 1,
				status: 'planned'
			}
		],
		dueChanges: [setBy('12 months', '2026-04-23')],
		links: [
			{
				budget_line_id: budget.police2526,
				share_kind: 'percent',
				share_basis_points: 10,
				share_amount_kes: null,
				basis: 'indicative',
				note: 'Indicative only: no fiscal-year allocation for counter-trafficking was found (the 2019 US Trafficking in Persons report notes KES 60 m in an earlier year). The unit is assumed to sit within the National Police Service budget; the 0.1% share is illustrative.'
			}
		]
	};

	const reservists: CommitmentSpec = {
		row: {
			...dcais,
			ref: 'DCAIS/2025/002',
			title: 'Enact a National Police Reservists Policy',
			summary:
				'The Ministry will adopt a National Police Reservists Policy that gives reservists a legal framework, streamlines their command structure and improves their welfare.',
			quote:
				'[Reported speech] The Ministry is streamlining the command structure of the National Police Reservists and improving their welfare through the enactment of the National Police Reservists Policy, which will provide a legal framework governing their operations.',
			quote_source_locator: 'Reported speech, as paraphrased in the report',
			type: 'policy',
			due_on: '2027-03-31',
			deadline_rule_id: ref.rules.rule('6 months'),
			due_basis: '6 months; extended by the committee to 31 March 2027',
			measurable_target: 'Policy approved by Cabinet and published',
			delivery_status: 'with_challenges',
			procedural_status: 'extension_granted',
			status_reason: null
		},
		tags: ['police-reservists', 'policing', 'welfare'],
		evidence: [
			newsOfSitting(
				'The Ministry is streamlining the command structure of the National Police Reservists and improving their welfare through the National Police Reservists Policy.'
			),
			{
				key: 'stipend',
				type: 'news',
				title: SRC.starReservists,
				on: '2024-06-18',
				excerpt: 'Police reservists receive a monthly stipend of KES 5,000.'
			},
			{
				key: 'draft',
				type: 'policy_document',
				title: `Draft National Police Reservists Policy circulated for validation (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2025-08-20',
				illustrative: true
			},
			{
				key: 'extension',
				type: 'ministry_response',
				title: `Ministry letter requesting more time to complete public participation (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2025-10-10',
				illustrative: true
			},
			{
				key: 'validation',
				type: 'ministry_response',
				title: `Ministry report on validation meetings with county commanders and reservists (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2026-06-15',
				illustrative: true
			}
		],
		updates: [
			recorded,
			{
				on: '2025-08-20',
				delivery: ['not_started', 'on_track'],
				note:
					'A draft policy has been prepared and circulated for validation. ' + ILLUSTRATIVE_UPDATE,
				evidence: ['draft']
			},
			{
				on: '2025-10-10',
				procedural: ['communicated', 'extension_requested'],
				note:
					'The Ministry asked for more time to complete public participation and obtain Cabinet approval. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['extension']
			},
			{
				on: '2025-10-28',
				procedural: ['extension_requested', 'extension_granted'],
				due: ['2025-10-23', '2027-03-31'],
				reason: 'Extension granted by the committee',
				note: 'The committee granted an extension to 31 March 2027. ' + ILLUSTRATIVE_UPDATE
			},
			{
				on: '2026-07-08',
				delivery: ['on_track', 'with_challenges'],
				note:
					'Validation is only partly done, and no budget line for the reservists policy or for reservists\u2019 welfare has been identified. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['validation']
			}
		],
		milestones: [
			{
				title: 'Draft policy prepared by the State Department',
				planned: '2025-07-31',
				actual: '2025-08-20',
				weight: 1,
				status: 'met',
				evidence: 'draft'
			},
			{
				title: 'Validation with county commanders and reservists',
				planned: '2026-03-31',
				actual: '2026-06-15',
				weight: 1,
				status: 'partly_met',
				evidence: 'validation'
			},
			{
				title: 'Welfare provisions costed and submitted for the FY2026/27 budget',
				planned: '2026-02-28',
				weight: 1,
				status: 'missed'
			},
			{ title: 'Policy approved by Cabinet', planned: '2027-03-31', weight: 2, status: 'planned' }
		],
		dueChanges: [
			setBy('6 months', '2025-10-23'),
			{
				on: '2025-10-28',
				from: '2025-10-23',
				to: '2027-03-31',
				reason:
					'Extension granted by the committee: public participation and Cabinet approval need more time (illustrative)',
				update: 3
			}
		],
		// No funding link: no budget line for the reservists policy was found. That is the finding.
		links: [],
		request: {
			kind: 'extension',
			requested_on: '2025-10-10',
			requested_until: '2027-03-31',
			reason:
				'Public participation and Cabinet approval of the policy need more time (illustrative request for the demo)',
			decision: 'granted',
			decided_on: '2025-10-28',
			granted_until: '2027-03-31',
			decision_note: 'Granted at the committee sitting (illustrative).'
		}
	};

	const ngao: CommitmentSpec = {
		row: {
			...dcais,
			ref: 'DCAIS/2025/003',
			title: 'Review the National Administration Policy to streamline the NGAO scheme of service',
			summary:
				'The Ministry will review the National Administration Policy so that National Government Administration Officers (NGAO) have a clearer scheme of service: promotion, career progression and pay.',
			quote:
				'[Reported speech] The government is reviewing the National Administration Policy to streamline the scheme of service, including promotion, career progression and remuneration of NGAO officers, thereby enhancing their welfare and improving service delivery to Kenyans.',
			quote_source_locator: 'Reported speech, as paraphrased in the report',
			type: 'policy',
			due_on: '2027-06-30',
			deadline_rule_id: ref.rules.rule('12 months'),
			due_basis: '12 months; moved to 30 June 2027 after the Ministry\u2019s response',
			measurable_target: 'Revised scheme of service approved and applied to NGAO officers',
			delivery_status: 'on_track',
			procedural_status: 'under_review',
			status_reason: null
		},
		tags: ['ngao', 'public-service', 'welfare'],
		evidence: [
			newsOfSitting(
				'The government is reviewing the National Administration Policy to streamline the scheme of service of NGAO officers.'
			),
			{
				key: 'timetable',
				type: 'ministry_response',
				title: `Ministry response with a revised timetable for the review (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2026-03-20',
				illustrative: true
			},
			{
				key: 'submission',
				type: 'ministry_response',
				title: `Draft revised scheme of service submitted to the Public Service Commission (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2026-09-18',
				illustrative: true
			}
		],
		updates: [
			recorded,
			{
				on: '2025-07-25',
				delivery: ['not_started', 'on_track'],
				note: 'A review team has been constituted. ' + ILLUSTRATIVE_UPDATE
			},
			{
				on: '2026-03-20',
				procedural: ['communicated', 'response_received'],
				due: ['2026-04-23', '2027-06-30'],
				reason: 'Revised timetable in the Ministry\u2019s response',
				note:
					'The Ministry responded with a revised timetable: the scheme needs Public Service Commission approval and advice from the Salaries and Remuneration Commission. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['timetable']
			},
			{
				on: '2026-09-25',
				procedural: ['response_received', 'under_review'],
				note:
					'The draft revised scheme of service has gone to the Public Service Commission; the committee is reviewing it. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['submission']
			}
		],
		milestones: [
			{
				title: 'Review team constituted',
				planned: '2025-07-31',
				actual: '2025-07-25',
				weight: 1,
				status: 'met'
			},
			{
				title: 'Draft revised scheme of service submitted to the Public Service Commission',
				planned: '2026-09-30',
				actual: '2026-09-18',
				weight: 2,
				status: 'met',
				evidence: 'submission'
			},
			{
				title: 'Revised scheme of service approved and applied',
				planned: '2027-06-30',
				weight: 2,
				status: 'planned'
			}
		],
		dueChanges: [
			setBy('12 months', '2026-04-23'),
			{
				on: '2026-03-20',
				from: '2026-04-23',
				to: '2027-06-30',
				reason:
					'Revised timetable in the Ministry\u2019s response: Public Service Commission approval and Salaries and Remuneration Commission advice needed (illustrative)',
				update: 2
			}
		],
		links: [
			{
				budget_line_id: budget.vote2526Recurrent,
				share_kind: 'percent',
				share_basis_points: 50,
				share_amount_kes: null,
				basis: 'indicative',
				note: 'Indicative: a revised scheme of service would be paid from the State Department\u2019s recurrent vote; the 0.5% share is illustrative.'
			}
		]
	};

	const units: CommitmentSpec = {
		row: {
			...dcais,
			ref: 'DCAIS/2025/004',
			title:
				'Work with the National Treasury to fund the operationalisation of newly gazetted administrative units',
			summary:
				'The Ministry will work with the National Treasury to fund the running of newly gazetted sub-counties, divisions, locations and sub-locations, with MPs partnering through NG-CDF on offices and other infrastructure.',
			quote:
				'[Reported speech] The Ministry is engaging with the National Treasury to fund the operationalisation of the newly gazetted administrative units, with Members of Parliament partnering through NG-CDF on infrastructure.',
			quote_source_locator: 'Reported speech, as paraphrased in the report',
			type: 'funding',
			due_on: '2026-06-30',
			deadline_rule_id: ref.rules.rule('Report within 60 days'),
			due_basis: 'Report within 60 days; the committee then set 30 June 2026 by hand',
			measurable_target:
				'All 24 newly gazetted sub-counties, 88 divisions, 318 locations and 675 sub-locations operational',
			delivery_status: 'with_challenges',
			procedural_status: 'response_due',
			status_reason: null
		},
		tags: ['administrative-units', 'ng-cdf', 'budget'],
		evidence: [
			newsOfSitting(
				'The Ministry is engaging with the National Treasury to fund the operationalisation of newly gazetted administrative units.'
			),
			{
				key: 'star',
				type: 'news',
				title: SRC.starUnits,
				on: '2025-03-21',
				excerpt:
					'KES 666 m was allocated in the FY2024/25 supplementary budget; a further KES 2.1 bn is needed for 1,105 units.'
			},
			{
				key: 'kenyans',
				type: 'news',
				title: SRC.kenyansUnits,
				on: '2025-02-28',
				excerpt:
					'KES 616 m in the FY2025/26 Budget Policy Statement; 16 of 24 sub-counties operational; about KES 2.5 bn sought for the remaining 8. The committee asked the State Department to stop gazetting new units until those gazetted are operational.'
			},
			{
				key: 'plan',
				type: 'ministry_response',
				title: `Ministry report on the funding plan agreed with the National Treasury (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2025-06-20',
				illustrative: true
			},
			{
				key: 'q2',
				type: 'cob_report',
				title: `Quarterly budget implementation figures for the units line to 31 December 2025 (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2026-02-15',
				illustrative: true
			}
		],
		updates: [
			recorded,
			{
				on: '2025-06-20',
				delivery: ['not_started', 'on_track'],
				procedural: ['communicated', 'response_received'],
				due: ['2025-06-22', '2026-06-30'],
				reason: 'Report received; the committee set the delivery date by hand',
				note:
					'The Ministry reported a funding plan agreed with the National Treasury. The committee set 30 June 2026 for all the units to be operational. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['plan', 'kenyans']
			},
			{
				on: '2026-02-15',
				delivery: ['on_track', 'with_challenges'],
				note:
					'Releases to the units line lag: KES 210 m released by 31 December 2025 against a KES 616 m allocation, itself a quarter of the about KES 2.5 bn sought. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['q2']
			},
			{
				on: '2026-07-15',
				procedural: ['response_received', 'response_due'],
				note:
					'The due date of 30 June 2026 passed with units still not operational; the committee has asked for a status report. ' +
					ILLUSTRATIVE_UPDATE
			}
		],
		milestones: [
			{
				title: 'Funding plan agreed between the Ministry and the National Treasury',
				planned: '2025-06-30',
				actual: '2025-06-20',
				weight: 1,
				status: 'met',
				evidence: 'plan'
			},
			{
				title: 'Remaining 8 of the 24 newly gazetted sub-counties operational',
				planned: '2026-06-30',
				actual: '2026-06-30',
				weight: 2,
				status: 'partly_met'
			},
			{
				title: 'Divisions, locations and sub-locations staffed and operational',
				planned: '2026-06-30',
				weight: 2,
				status: 'missed'
			}
		],
		dueChanges: [
			setBy('Report within 60 days', '2025-06-22'),
			{
				on: '2025-06-20',
				from: '2025-06-22',
				to: '2026-06-30',
				reason: 'Set by the committee by hand after the Ministry\u2019s report (illustrative)',
				update: 1
			}
		],
		links: [
			{
				budget_line_id: budget.units2425,
				share_kind: 'percent',
				share_basis_points: 10_000,
				share_amount_kes: null,
				basis: 'earmarked',
				note: 'The FY2024/25 supplementary allocation for the newly gazetted units.'
			},
			{
				budget_line_id: budget.units2526,
				share_kind: 'percent',
				share_basis_points: 10_000,
				share_amount_kes: null,
				basis: 'earmarked',
				note: 'The FY2025/26 Budget Policy Statement allocation for the newly gazetted units.'
			}
		]
	};

	// A draft: the committee's request is a fact; as a ministry undertaking it is illustrative.
	const moratorium: CommitmentSpec = {
		row: {
			...dcais,
			ref: 'DCAIS/2025/005',
			title: 'Stop gazetting new administrative units until those already gazetted are operational',
			summary:
				'Illustrative draft for the demo: the committee asked the State Department to stop gazetting new units until those gazetted are operational. Recorded here as a draft follow-up undertaking awaiting confirmation.',
			quote:
				'[Illustrative for the demo] The committee asked the State Department to stop gazetting new units until those already gazetted are operational; no ministry undertaking in these words was reported.',
			quote_source_title: `${SRC.kenyansUnits} (committee request as reported; the undertaking is illustrative)`,
			quote_source_url: null,
			quote_source_locator: null,
			type: 'policy',
			due_on: '2025-07-23',
			deadline_rule_id: ref.rules.rule('3 months'),
			due_basis: '3 months',
			measurable_target: null,
			delivery_status: 'not_started',
			procedural_status: 'recorded',
			status_reason: null,
			visibility: 'draft',
			published_at: null
		},
		tags: ['administrative-units'],
		evidence: [
			{
				key: 'kenyans',
				type: 'news',
				title: SRC.kenyansUnits,
				on: '2025-02-28',
				excerpt:
					'The committee asked the State Department to stop gazetting new units until those gazetted are operational.'
			}
		],
		updates: [],
		milestones: [],
		dueChanges: [{ ...setBy('3 months', '2025-07-23'), update: undefined }],
		links: []
	};

	const exchequer: CommitmentSpec = {
		row: {
			committee_id: ref.dcfnp,
			sitting_id: ref.financeSitting,
			ref: 'DCFNP/2025/001',
			title: 'Publish a quarterly schedule of exchequer releases to State Departments',
			summary:
				'Illustrative record for the demo: the National Treasury undertakes to publish each quarter when it expects to release money to State Departments.',
			quote:
				'[Illustrative for the demo] We will share with the committee a schedule of exchequer releases every quarter.',
			quote_source_title: 'Illustrative record for the demo (not a real sitting)',
			quote_source_url: null,
			quote_source_locator: null,
			organisation_id: ref.treasury,
			office_id: ref.psTreasury,
			person_id: null,
			type: 'information',
			given_on: '2025-06-10',
			due_on: '2025-09-10',
			deadline_rule_id: ref.rules.rule('3 months'),
			due_basis: '3 months',
			measurable_target: null,
			delivery_status: 'cannot_assess',
			procedural_status: 'communicated',
			status_reason:
				'Too vague to measure: no format or publication date was given (illustrative). The clerk should record a measurable target.',
			visibility: 'published',
			published_at: at('2025-06-17'),
			withdrawn_at: null,
			withdrawn_reason: null
		},
		tags: ['exchequer-releases', 'budget'],
		evidence: [
			{
				key: 'record',
				type: 'committee_report',
				title: `Minutes of the illustrative sitting of 10 June 2025 (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2025-06-10',
				illustrative: true
			}
		],
		updates: [
			{
				on: '2025-06-17',
				procedural: ['recorded', 'communicated'],
				delivery: ['not_started', 'cannot_assess'],
				note:
					'Recorded and communicated to the National Treasury; marked as too vague to assess until a measurable target is agreed. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['record']
			}
		],
		milestones: [],
		dueChanges: [
			{
				on: '2025-06-10',
				from: null,
				to: '2025-09-10',
				rule: '3 months',
				reason: 'Set by rule: 3 months',
				update: 0
			}
		],
		links: []
	};

	return [trafficking, reservists, ngao, units, moratorium, exchequer];
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
