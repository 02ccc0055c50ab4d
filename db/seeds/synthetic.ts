// Synthetic data for load and scale testing: N commitments with proportional sittings,
// milestones, updates, evidence, budget lines and figures, funding links and audit rows.
// Deterministic for a given seed (mulberry32, fixed base dates; no Math.random, no clock).
// Relative imports only: this module may be bundled into the SvelteKit server.
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type {
	BudgetPhase,
	CommitmentType,
	DB,
	DeliveryStatus,
	EvidenceType,
	MilestoneStatus,
	ProceduralStatus,
	Visibility
} from '../../src/lib/server/db/schema';
import { refreshFundingStatuses } from '../../src/lib/server/services/funding-status';
import { ensureDeadlineRules } from './demo';

export interface SyntheticOptions {
	count: number;
	seed?: number;
	onProgress?: (done: number) => void;
}

const SOURCE = 'Synthetic data (illustrative, generated for load testing)';
const AUTHOR = 'Synthetic clerk';
/** Generated values never depend on the clock: "today" for synthetic data is fixed. */
const TODAY = '2026-11-28';
const FIRST_DAY = '2021-07-01';
const LAST_DAY = '2026-10-31';
const FISCAL_YEARS = ['2021/22', '2022/23', '2023/24', '2024/25', '2025/26', '2026/27'];
/** Commitments per transaction (and per funding-status refresh). */
const CHUNK = 2000;
/** Below SQLite's default limit of 32,766 bound parameters (and PostgreSQL's 65,535). */
const MAX_PARAMS = 30_000;
const MAX_ROWS_PER_INSERT = 1000;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness and dates

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

class Random {
	constructor(private readonly next: () => number) {}
	float() {
		return this.next();
	}
	int(min: number, max: number) {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	chance(p: number) {
		return this.next() < p;
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)] as T;
	}
	weighted<T>(items: readonly (readonly [T, number])[]): T {
		const total = items.reduce((sum, [, w]) => sum + w, 0);
		let r = this.next() * total;
		for (const [item, w] of items) {
			r -= w;
			if (r < 0) return item;
		}
		return items[items.length - 1]![0];
	}
}

const DAY_MS = 86_400_000;
// Memoised: a run converts a few thousand distinct dates millions of times.
const dayNumbers = new Map<string, number>();
const dayStrings = new Map<number, string>();
function toDays(iso: string): number {
	let days = dayNumbers.get(iso);
	if (days === undefined) {
		days = Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
		dayNumbers.set(iso, days);
	}
	return days;
}
function fromDays(days: number): string {
	let iso = dayStrings.get(days);
	if (iso === undefined) {
		iso = new Date(days * DAY_MS).toISOString().slice(0, 10);
		dayStrings.set(days, iso);
	}
	return iso;
}
const addDays = (iso: string, n: number) => fromDays(toDays(iso) + n);
function addMonths(iso: string, n: number): string {
	const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
	const total = y * 12 + (m - 1) + n;
	const year = Math.floor(total / 12);
	const month = (total % 12) + 1;
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
const minDate = (a: string, b: string) => (a < b ? a : b);
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
/** A UTC timestamp on `iso` at 06:00 plus `seconds` (under an hour). */
const stamp = (iso: string, seconds: number) =>
	`${iso}T06:${pad2(Math.floor(seconds / 60))}:${pad2(seconds % 60)}.000Z`;
function fiscalYearOf(iso: string): string {
	const [y, m] = iso.split('-').map(Number) as [number, number];
	const start = m >= 7 ? y : y - 1;
	return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}
/** The quarter ends of a fiscal year ('2025/26' -> 2025-09-30 ... 2026-06-30). */
function quarterEnds(fy: string): string[] {
	const start = Number(fy.slice(0, 4));
	return [`${start}-09-30`, `${start}-12-31`, `${start + 1}-03-31`, `${start + 1}-06-30`];
}

// ---------------------------------------------------------------------------------------------
// Fixed vocabularies

const COMMITTEES: [
	slug: string,
	name: string,
	abbr: string,
	house: 'national_assembly' | 'senate'
][] = [
	['syn-health', 'Departmental Committee on Health (synthetic)', 'SYN-H', 'national_assembly'],
	[
		'syn-education',
		'Departmental Committee on Education (synthetic)',
		'SYN-E',
		'national_assembly'
	],
	[
		'syn-agriculture',
		'Departmental Committee on Agriculture and Livestock (synthetic)',
		'SYN-AL',
		'national_assembly'
	],
	[
		'syn-transport',
		'Departmental Committee on Transport and Infrastructure (synthetic)',
		'SYN-TI',
		'national_assembly'
	],
	['syn-energy', 'Departmental Committee on Energy (synthetic)', 'SYN-EN', 'national_assembly'],
	['syn-lands', 'Departmental Committee on Lands (synthetic)', 'SYN-L', 'national_assembly'],
	['syn-labour', 'Departmental Committee on Labour (synthetic)', 'SYN-LB', 'national_assembly'],
	[
		'syn-environment',
		'Departmental Committee on Environment and Natural Resources (synthetic)',
		'SYN-ENR',
		'national_assembly'
	],
	['syn-senate-health', 'Senate Standing Committee on Health (synthetic)', 'SYN-SH', 'senate'],
	[
		'syn-senate-finance',
		'Senate Standing Committee on Finance and Budget (synthetic)',
		'SYN-SFB',
		'senate'
	],
	[
		'syn-senate-devolution',
		'Senate Standing Committee on Devolution (synthetic)',
		'SYN-SD',
		'senate'
	],
	[
		'syn-senate-security',
		'Senate Standing Committee on National Security (synthetic)',
		'SYN-SNS',
		'senate'
	]
];

const SECTORS = [
	'Health',
	'Basic Education',
	'Higher Education',
	'Agriculture',
	'Livestock',
	'Roads',
	'Transport',
	'Energy',
	'Petroleum',
	'Lands',
	'Housing',
	'Labour',
	'Environment',
	'Water',
	'Devolution',
	'ICT',
	'Trade',
	'Tourism',
	'Sports',
	'Youth Affairs'
];

const FIRST_NAMES = [
	'Achieng',
	'Wanjiku',
	'Kiprono',
	'Mwangi',
	'Atieno',
	'Chebet',
	'Otieno',
	'Njeri',
	'Barasa',
	'Wekesa',
	'Amina',
	'Hassan',
	'Nyambura',
	'Kamau',
	'Auma'
];
const LAST_NAMES = [
	'Odhiambo',
	'Kariuki',
	'Rotich',
	'Mutua',
	'Omondi',
	'Kiptoo',
	'Wambui',
	'Ali',
	'Muriuki',
	'Ndungu',
	'Cheruiyot',
	'Okoth'
];
const COUNTIES = [
	'Turkana',
	'Kisumu',
	'Mombasa',
	'Nakuru',
	'Garissa',
	'Kakamega',
	'Machakos',
	'Nyeri',
	'Kilifi',
	'Bungoma',
	'Kitui',
	'Meru',
	'Narok',
	'Wajir',
	'Homa Bay',
	'Nairobi'
];
const ACTIONS = [
	['Operationalise', 'new sub-county offices'],
	['Complete', 'stalled health centres'],
	['Recruit', 'additional teachers'],
	['Rehabilitate', 'rural access roads'],
	['Connect', 'public schools to electricity'],
	['Issue', 'title deeds to settlement schemes'],
	['Review', 'the scheme of service for extension officers'],
	['Publish', 'quarterly reports on pending bills'],
	['Enact', 'regulations on labour migration'],
	['Establish', 'a county-level monitoring unit'],
	['Fund', 'drought response programmes'],
	['Construct', 'water pans and boreholes'],
	['Digitise', 'land registries'],
	['Pay', 'arrears owed to contractors']
] as const;
const TAGS: [string, string][] = [
	['syn-health', 'Health (synthetic)'],
	['syn-education', 'Education (synthetic)'],
	['syn-roads', 'Roads (synthetic)'],
	['syn-water', 'Water (synthetic)'],
	['syn-energy', 'Energy (synthetic)'],
	['syn-land', 'Land (synthetic)'],
	['syn-labour', 'Labour (synthetic)'],
	['syn-security', 'Security (synthetic)'],
	['syn-devolution', 'Devolution (synthetic)'],
	['syn-pending-bills', 'Pending bills (synthetic)'],
	['syn-drought', 'Drought (synthetic)'],
	['syn-digital', 'Digital services (synthetic)'],
	['syn-youth', 'Youth (synthetic)'],
	['syn-women', 'Women (synthetic)'],
	['syn-procurement', 'Procurement (synthetic)'],
	['syn-infrastructure', 'Infrastructure (synthetic)'],
	['syn-agriculture', 'Agriculture (synthetic)'],
	['syn-climate', 'Climate (synthetic)'],
	['syn-policy', 'Policy (synthetic)'],
	['syn-budget', 'Budget (synthetic)']
];
/** The demo's rules (see ensureDeadlineRules), with what is needed to compute due dates. */
const RULES = [
	{ name: 'Report within 60 days', unit: 'days' as const, amount: 60 },
	{ name: '3 months', unit: 'months' as const, amount: 3 },
	{ name: '6 months', unit: 'months' as const, amount: 6 },
	{ name: '12 months', unit: 'months' as const, amount: 12 }
];
const TYPES: [CommitmentType, number][] = [
	['policy', 30],
	['legislation', 15],
	['institution', 15],
	['funding', 25],
	['information', 15]
];
const DELIVERY: [DeliveryStatus, number][] = [
	['not_started', 14],
	['on_track', 30],
	['with_challenges', 16],
	['off_track', 10],
	['completed', 16],
	['completed_modified', 4],
	['not_pursued', 4],
	['cannot_assess', 6]
];
const PROCEDURAL: [ProceduralStatus, number][] = [
	['recorded', 6],
	['communicated', 18],
	['response_due', 16],
	['response_received', 18],
	['under_review', 14],
	['extension_requested', 6],
	['extension_granted', 8],
	['drop_requested', 3],
	['closed', 11]
];
const EVIDENCE_TYPES: EvidenceType[] = [
	'hansard',
	'committee_report',
	'gazette_notice',
	'policy_document',
	'treasury_document',
	'cob_report',
	'ministry_response',
	'news',
	'other'
];
const SLIP_REASONS = [
	'Ministry requested more time to complete consultations',
	'Awaiting approval of the supplementary estimates',
	'Procurement delayed by a tender appeal',
	'Committee extended the deadline after the ministry response',
	'Dependent legislation still before the House'
];

// ---------------------------------------------------------------------------------------------
// Batched inserts

type Trx = Transaction<DB>;

/** Multi-row inserts sized to the bound-parameter limit; every row must carry every column. */
async function insertMany<T extends keyof DB & string>(
	trx: Trx,
	table: T,
	rows: Insertable<DB[T]>[]
): Promise<void> {
	const first = rows[0];
	if (!first) return;
	const columns = Object.keys(first).length;
	const size = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMS / columns)));
	for (let i = 0; i < rows.length; i += size) {
		await trx
			.insertInto(table)
			.values(rows.slice(i, i + size) as never)
			.execute();
	}
}

async function maxId(trx: Trx, table: keyof DB & string): Promise<number> {
	const row = await trx
		.selectFrom(table as 'commitments')
		.select((eb) => eb.fn.max('id').as('max'))
		.executeTakeFirst();
	return Number(row?.max ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Fixed reference data (created once, reused by later runs)

interface Holder {
	personId: number;
	officeId: number;
	organisationId: number;
	voteCode: string;
	voteName: string;
	sector: string;
}

interface Base {
	committees: { id: number; abbr: string }[];
	holders: Holder[];
	tagIds: number[];
	ruleIds: number[];
}

async function ensureBase(trx: Trx, now: string): Promise<Base> {
	const existing = await trx
		.selectFrom('committees')
		.select(['id', 'slug', 'abbreviation'])
		.where('slug', 'like', 'syn-%')
		.execute();
	if (existing.length === 0) await createBase(trx, now);

	const committees = await trx
		.selectFrom('committees')
		.select(['id', 'abbreviation as abbr'])
		.where('slug', 'like', 'syn-%')
		.orderBy('id')
		.execute();
	const holderRows = await trx
		.selectFrom('office_holdings')
		.innerJoin('offices', 'offices.id', 'office_holdings.office_id')
		.innerJoin('organisations', 'organisations.id', 'offices.organisation_id')
		.innerJoin('people', 'people.id', 'office_holdings.person_id')
		.select([
			'office_holdings.person_id',
			'office_holdings.office_id',
			'organisations.id as organisation_id',
			'organisations.slug as org_slug',
			'organisations.name as org_name',
			'organisations.short_name'
		])
		.where('people.slug', 'like', 'syn-%')
		.orderBy('office_holdings.id')
		.execute();
	const holders = holderRows.map((h) => ({
		personId: h.person_id,
		officeId: h.office_id,
		organisationId: h.organisation_id,
		voteCode: `S${h.org_slug.slice(-3)}`,
		voteName: h.org_name,
		sector: h.short_name ?? 'General'
	}));
	const tagIds = (
		await trx.selectFrom('tags').select('id').where('slug', 'like', 'syn-%').orderBy('id').execute()
	).map((t) => t.id);
	const rules = await ensureDeadlineRules(trx, now);
	const ruleIds = RULES.map((r) => rules.rule(r.name));
	return { committees, holders, tagIds, ruleIds };
}

async function createBase(trx: Trx, now: string): Promise<void> {
	await insertMany(
		trx,
		'committees',
		COMMITTEES.map(([slug, name, abbreviation, house]) => ({
			slug,
			name,
			abbreviation,
			house,
			chair_person_id: null,
			created_at: now
		}))
	);
	// 40 organisations: 20 sectors, each a ministry-level State Department and an agency.
	const orgs: Insertable<DB['organisations']>[] = [];
	SECTORS.forEach((sector, i) => {
		orgs.push({
			slug: `syn-org-${String(2 * i + 1).padStart(3, '0')}`,
			name: `State Department for ${sector} (synthetic)`,
			short_name: sector,
			kind: 'state_department',
			parent_id: null,
			retired_at: null,
			merged_into_id: null,
			created_at: now
		});
		orgs.push({
			slug: `syn-org-${String(2 * i + 2).padStart(3, '0')}`,
			name: `${sector} Services Agency (synthetic)`,
			short_name: sector,
			kind: 'agency',
			parent_id: null,
			retired_at: null,
			merged_into_id: null,
			created_at: now
		});
	});
	await insertMany(trx, 'organisations', orgs);
	const orgRows = await trx
		.selectFrom('organisations')
		.select(['id', 'slug', 'short_name', 'kind'])
		.where('slug', 'like', 'syn-org-%')
		.orderBy('slug')
		.execute();
	await insertMany(
		trx,
		'offices',
		orgRows.map((o) => ({
			slug: `syn-office-${o.slug.slice(-3)}`,
			title:
				o.kind === 'agency'
					? `Director General, ${o.short_name} Services Agency (synthetic)`
					: `Principal Secretary, ${o.short_name} (synthetic)`,
			organisation_id: o.id,
			retired_at: null,
			created_at: now
		}))
	);
	const officeRows = await trx
		.selectFrom('offices')
		.select(['id', 'slug'])
		.where('slug', 'like', 'syn-office-%')
		.orderBy('slug')
		.execute();
	// One holder per office, named from fixed lists (deterministic, not from the seed).
	await insertMany(
		trx,
		'people',
		officeRows.map((o, i) => ({
			slug: `syn-person-${o.slug.slice(-3)}`,
			name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7) % LAST_NAMES.length]} (synthetic)`,
			retired_at: null,
			merged_into_id: null,
			created_at: now
		}))
	);
	const personRows = await trx
		.selectFrom('people')
		.select(['id', 'slug'])
		.where('slug', 'like', 'syn-person-%')
		.orderBy('slug')
		.execute();
	await insertMany(
		trx,
		'office_holdings',
		officeRows.map((o, i) => ({
			person_id: personRows[i]!.id,
			office_id: o.id,
			start_on: '2021-01-01',
			end_on: null
		}))
	);
	const tagSlugs = new Set(
		(await trx.selectFrom('tags').select('slug').where('slug', 'like', 'syn-%').execute()).map(
			(t) => t.slug
		)
	);
	await insertMany(
		trx,
		'tags',
		TAGS.filter(([slug]) => !tagSlugs.has(slug)).map(([slug, name]) => ({ slug, name }))
	);
}

// ---------------------------------------------------------------------------------------------
// The generator

interface Counters {
	sitting: number;
	commitment: number;
	evidence: number;
	update: number;
	line: number;
	ref: number;
}

export async function seedSynthetic(
	db: Kysely<DB>,
	opts: SyntheticOptions
): Promise<{ commitments: number; auditRows: number }> {
	const count = Math.max(0, Math.floor(opts.count));
	const rng = new Random(mulberry32(opts.seed ?? 1));
	// No clock: even created_at of reference rows is fixed, so two runs give identical data.
	const now = stamp(TODAY, 0);

	const { base, counters } = await db.transaction().execute(async (trx) => {
		const base = await ensureBase(trx, now);
		const existing = await trx
			.selectFrom('commitments')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('ref', 'like', 'SYN/%')
			.executeTakeFirstOrThrow();
		const counters: Counters = {
			sitting: await maxId(trx, 'sittings'),
			commitment: await maxId(trx, 'commitments'),
			evidence: await maxId(trx, 'evidence'),
			update: await maxId(trx, 'updates'),
			line: await maxId(trx, 'budget_lines'),
			ref: Number(existing.n)
		};
		return { base, counters };
	});

	let auditRows = 0;
	let done = 0;
	while (done < count) {
		const size = Math.min(CHUNK, count - done);
		await db.transaction().execute(async (trx) => {
			const chunk = generateChunk(rng, base, counters, { done, size, count }, now);
			await insertMany(trx, 'sittings', chunk.sittings);
			await insertMany(trx, 'sitting_appearances', chunk.appearances);
			await insertMany(trx, 'budget_lines', chunk.lines);
			await insertMany(trx, 'budget_figures', chunk.figures);
			await insertMany(trx, 'commitments', chunk.commitments);
			await insertMany(trx, 'commitment_tags', chunk.tags);
			await insertMany(trx, 'evidence', chunk.evidence);
			await insertMany(trx, 'milestones', chunk.milestones);
			await insertMany(trx, 'updates', chunk.updates);
			await insertMany(trx, 'update_evidence', chunk.updateEvidence);
			await insertMany(trx, 'due_date_changes', chunk.dueChanges);
			await insertMany(trx, 'funding_links', chunk.links);
			await insertMany(trx, 'audit_log', chunk.audit);
			await refreshFundingStatuses(trx, chunk.commitmentIds);
			auditRows += chunk.audit.length;
		});
		done += size;
		opts.onProgress?.(done);
	}

	if (count > 0) await resyncIdentities(db);
	return { commitments: count, auditRows };
}

/**
 * Rows above carry explicit ids (children need them before insert). SQLite's autoincrement
 * follows the largest id by itself; PostgreSQL identity sequences must be moved past them.
 */
async function resyncIdentities(db: Kysely<DB>): Promise<void> {
	if (db.getExecutor().adapter.constructor.name !== 'PostgresAdapter') return;
	for (const table of ['sittings', 'commitments', 'evidence', 'updates', 'budget_lines']) {
		await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(
			db
		);
	}
}

interface Chunk {
	sittings: Insertable<DB['sittings']>[];
	appearances: Insertable<DB['sitting_appearances']>[];
	lines: Insertable<DB['budget_lines']>[];
	figures: Insertable<DB['budget_figures']>[];
	commitments: Insertable<DB['commitments']>[];
	commitmentIds: number[];
	tags: Insertable<DB['commitment_tags']>[];
	evidence: Insertable<DB['evidence']>[];
	milestones: Insertable<DB['milestones']>[];
	updates: Insertable<DB['updates']>[];
	updateEvidence: Insertable<DB['update_evidence']>[];
	dueChanges: Insertable<DB['due_date_changes']>[];
	links: Insertable<DB['funding_links']>[];
	audit: Insertable<DB['audit_log']>[];
}

interface LineInfo {
	id: number;
	approved: number;
}

/**
 * Sitting dates advance with the commitment number across the run (as real references do), so
 * date-ordered indexes (audit_log.at, updates, due dates) grow at their ends: this keeps bulk
 * inserts fast at a million audit rows.
 */
function generateChunk(
	rng: Random,
	base: Base,
	c: Counters,
	at: { done: number; size: number; count: number },
	now: string
): Chunk {
	const { size } = at;
	const chunk: Chunk = {
		sittings: [],
		appearances: [],
		lines: [],
		figures: [],
		commitments: [],
		commitmentIds: [],
		tags: [],
		evidence: [],
		milestones: [],
		updates: [],
		updateEvidence: [],
		dueChanges: [],
		links: [],
		audit: []
	};
	const span = toDays(LAST_DAY) - toDays(FIRST_DAY);

	// Sittings: one per four commitments.
	const sittings: { id: number; committeeId: number; abbr: string; on: string; holder: Holder }[] =
		[];
	for (let i = 0; i < Math.ceil(size / 4); i++) {
		const committee = rng.pick(base.committees);
		const holder = rng.pick(base.holders);
		const position = (at.done + 4 * i + 4 * rng.float()) / at.count;
		const on = addDays(FIRST_DAY, Math.min(span, Math.floor(position * span)));
		const id = ++c.sitting;
		sittings.push({ id, committeeId: committee.id, abbr: committee.abbr, on, holder });
		chunk.sittings.push({
			id,
			committee_id: committee.id,
			sat_on: on,
			subject: `Appearance of the ${holder.voteName} before the committee`,
			source_title: `${SOURCE}: Hansard of the ${committee.abbr} sitting of ${on}`,
			source_url: null,
			source_locator: `p. ${rng.int(1, 60)}`,
			visibility: 'published',
			version: 1,
			created_at: stamp(on, 0),
			updated_at: stamp(on, 0)
		});
		chunk.appearances.push({
			sitting_id: id,
			person_id: holder.personId,
			office_id: holder.officeId
		});
	}

	// Budget lines: one per five commitments, across the fiscal years.
	const lines: LineInfo[] = [];
	for (let i = 0; i < Math.max(1, Math.round(size / 5)); i++) {
		const holder = rng.pick(base.holders);
		// The fiscal year of this part of the run, sometimes the next one (a later budget).
		const position = (at.done + 5 * i + 5 * rng.float()) / at.count;
		const current = FISCAL_YEARS.indexOf(
			fiscalYearOf(addDays(FIRST_DAY, Math.min(span, Math.floor(position * span))))
		);
		const fy =
			FISCAL_YEARS[Math.min(FISCAL_YEARS.length - 1, current + (rng.chance(0.3) ? 1 : 0))]!;
		const id = ++c.line;
		const cls = rng.chance(0.7) ? 'recurrent' : 'development';
		chunk.lines.push({
			id,
			fiscal_year: fy,
			vote_code: holder.voteCode,
			vote_name: holder.voteName,
			programme: `${holder.sector} programme ${rng.int(1, 4)} (synthetic)`,
			sub_programme: `Synthetic sub-programme ${id}`,
			economic_class: cls,
			created_at: now
		});
		lines.push({ id, approved: pushFigures(rng, chunk.figures, id, fy) });
	}

	for (let j = 0; j < size; j++) {
		const sitting = sittings[Math.floor(j / 4)]!;
		generateCommitment(rng, base, c, chunk, sitting, lines);
	}
	return chunk;
}

/** Requested, ceiling, approved, some supplementaries, quarterly released and spent. */
function pushFigures(
	rng: Random,
	figures: Insertable<DB['budget_figures']>[],
	lineId: number,
	fy: string
): number {
	const start = Number(fy.slice(0, 4));
	// How far the money got: a bid never allocated, an allocation not yet (or never) released,
	// one changed by a supplementary, or money flowing (sometimes released in full).
	const stage = rng.weighted([
		['requested', 8],
		['allocated', 10],
		['adjusted', 6],
		['flowing', 60],
		['full', 16]
	] as const);
	const requested = rng.int(20, 20_000) * 1_000_000;
	const ceiling = Math.round((requested * rng.int(55, 100)) / 100 / 100_000) * 100_000;
	const approved = Math.round((ceiling * rng.int(90, 110)) / 100 / 100_000) * 100_000;
	const add = (phase: BudgetPhase, amount: number, asOf: string) => {
		if (asOf > TODAY) return false;
		figures.push({
			budget_line_id: lineId,
			phase,
			amount_kes: amount,
			as_of: asOf,
			source_title: `${SOURCE}: ${phase.replace('_', ' ')} figure`,
			source_url: null,
			illustrative: 1,
			created_at: stamp(asOf, 0)
		});
		return true;
	};
	add('requested', requested, `${start}-02-15`);
	if (stage === 'requested') return 0;
	add('ceiling', ceiling, `${start}-03-31`);
	add('approved', approved, `${start}-06-30`);
	if (stage === 'allocated') return approved;
	let current = approved;
	const revise = () => Math.round((current * rng.int(85, 115)) / 100 / 100_000) * 100_000;
	if (stage === 'adjusted' || rng.chance(0.4)) {
		const revised = revise();
		if (add('supplementary_1', revised, `${start}-11-30`)) current = revised;
	}
	if (stage !== 'adjusted' && rng.chance(0.2)) {
		const revised = revise();
		if (add('supplementary_2', revised, `${start + 1}-03-15`)) current = revised;
	}
	if (stage === 'adjusted') return approved;
	let released = 0;
	let spent = 0;
	const quarters = quarterEnds(fy);
	quarters.forEach((q, i) => {
		if (q > TODAY) return;
		const last = i === quarters.length - 1;
		released =
			stage === 'full' && last
				? current
				: Math.min(current, released + Math.round((current * rng.int(10, 30)) / 100));
		spent = Math.min(released, spent + Math.round((released - spent) * (rng.int(50, 100) / 100)));
		add('released', released, q);
		add('spent', spent, q);
	});
	return approved;
}

function generateCommitment(
	rng: Random,
	base: Base,
	c: Counters,
	chunk: Chunk,
	sitting: { id: number; committeeId: number; abbr: string; on: string; holder: Holder },
	lines: LineInfo[]
): void {
	const id = ++c.commitment;
	chunk.commitmentIds.push(id);
	const n = ++c.ref;
	const given = sitting.on;
	const ruleIndex = rng.int(0, RULES.length - 1);
	const rule = RULES[ruleIndex]!;
	const firstDue =
		rule.unit === 'days' ? addDays(given, rule.amount) : addMonths(given, rule.amount);
	const slip = rng.chance(0.3) ? rng.int(30, 365) : 0;
	const due = slip ? addDays(firstDue, slip) : firstDue;
	const delivery = rng.weighted(DELIVERY);
	const procedural = rng.weighted(PROCEDURAL);
	const visibility: Visibility = rng.weighted([
		['published', 90],
		['draft', 7],
		['withdrawn', 3]
	] as const);
	const [verb, object] = rng.pick(ACTIONS);
	const county = rng.pick(COUNTIES);
	const title = `${verb} ${object} in ${county}`;
	const type = rng.weighted(TYPES);
	const holder = sitting.holder;
	const lastTouch = minDate(addDays(given, rng.int(30, 700)), TODAY);

	chunk.commitments.push({
		id,
		ref: `SYN/${given.slice(0, 4)}/${String(n).padStart(6, '0')}`,
		committee_id: sitting.committeeId,
		sitting_id: sitting.id,
		title,
		summary: `Synthetic commitment: the ${holder.voteName} undertook to ${verb.toLowerCase()} ${object} in ${county} County.`,
		quote: `We will ${verb.toLowerCase()} ${object} in ${county} within this financial year. (synthetic)`,
		quote_source_title: `${SOURCE}: Hansard of the ${sitting.abbr} sitting of ${given}`,
		quote_source_url: null,
		quote_source_locator: `p. ${rng.int(1, 60)}`,
		organisation_id: holder.organisationId,
		office_id: holder.officeId,
		person_id: holder.personId,
		type,
		given_on: given,
		due_on: due,
		deadline_rule_id: base.ruleIds[ruleIndex]!,
		due_basis: slip ? `${rule.name}; moved once` : rule.name,
		measurable_target: delivery === 'cannot_assess' ? null : `${object} in ${county}: done`,
		delivery_status: delivery,
		procedural_status: procedural,
		status_reason:
			delivery === 'not_pursued' ? 'Overtaken by a change of policy (synthetic)' : null,
		visibility,
		published_at: visibility === 'draft' ? null : stamp(addDays(given, 7), 0),
		withdrawn_at: visibility === 'withdrawn' ? stamp(lastTouch, 60) : null,
		withdrawn_reason: visibility === 'withdrawn' ? 'Recorded in error (synthetic)' : null,
		version: 1,
		created_at: stamp(given, 60),
		updated_at: stamp(lastTouch, 120),
		updated_by: null
	});

	const tagCount = rng.int(1, 2);
	const firstTag = rng.int(0, base.tagIds.length - 1);
	for (let t = 0; t < tagCount; t++) {
		chunk.tags.push({
			commitment_id: id,
			tag_id: base.tagIds[(firstTag + t * 7) % base.tagIds.length]!
		});
	}

	// Evidence (1-2).
	const evidenceIds: number[] = [];
	const evidenceCount = rng.int(1, 2);
	for (let e = 0; e < evidenceCount; e++) {
		const evidenceId = ++c.evidence;
		evidenceIds.push(evidenceId);
		const on = minDate(addDays(given, rng.int(0, 400)), TODAY);
		const type = rng.pick(EVIDENCE_TYPES);
		chunk.evidence.push({
			id: evidenceId,
			commitment_id: id,
			type,
			title: `${SOURCE}: ${type.replace('_', ' ')} on ${object}`,
			url: rng.chance(0.5) ? `https://example.org/synthetic/evidence/${evidenceId}` : null,
			published_on: on,
			excerpt: rng.chance(0.6) ? `Progress on ${object} in ${county} (synthetic).` : null,
			illustrative: 1,
			created_by: null,
			created_at: stamp(on, 30)
		});
	}

	// Milestones (1-5, about 3).
	const milestoneCount = rng.int(1, 5);
	const window = Math.max(30, toDays(due) - toDays(given));
	for (let m = 0; m < milestoneCount; m++) {
		const planned = addDays(given, Math.round(((m + 1) * window) / milestoneCount));
		let status: MilestoneStatus = 'planned';
		let actual: string | null = null;
		if (planned <= TODAY) {
			status = rng.weighted([
				['met', 60],
				['partly_met', 15],
				['missed', 25]
			] as const);
			if (status !== 'missed') actual = minDate(addDays(planned, rng.int(-20, 40)), TODAY);
		}
		chunk.milestones.push({
			commitment_id: id,
			title: `Milestone ${m + 1}: ${object} (${county}, synthetic)`,
			planned_on: planned,
			actual_on: actual,
			weight: rng.int(1, 3),
			status,
			evidence_id: status === 'met' && rng.chance(0.3) ? evidenceIds[0]! : null,
			version: 1,
			created_at: stamp(given, 90),
			updated_at: stamp(actual ?? given, 90)
		});
	}

	// Updates (2-4, none for drafts: only published commitments have a public change log).
	const updateIds: number[] = [];
	const updateDates: string[] = [];
	if (visibility !== 'draft') {
		const updateCount = rng.int(2, 4);
		const spanDays = Math.max(updateCount, toDays(lastTouch) - toDays(given));
		let prevDelivery: DeliveryStatus = 'not_started';
		let prevProcedural: ProceduralStatus = 'recorded';
		for (let u = 0; u < updateCount; u++) {
			const updateId = ++c.update;
			const on = addDays(given, Math.round(((u + 1) * spanDays) / updateCount));
			const last = u === updateCount - 1;
			const nextDelivery: DeliveryStatus = last
				? delivery
				: u === 0
					? prevDelivery
					: rng.pick(['on_track', 'with_challenges'] as const);
			const nextProcedural: ProceduralStatus =
				u === 0 ? 'communicated' : last ? procedural : 'response_received';
			const slipHere = slip > 0 && u === 1;
			chunk.updates.push({
				id: updateId,
				commitment_id: id,
				update_on: on,
				delivery_from: nextDelivery !== prevDelivery ? prevDelivery : null,
				delivery_to: nextDelivery !== prevDelivery ? nextDelivery : null,
				procedural_from: nextProcedural !== prevProcedural ? prevProcedural : null,
				procedural_to: nextProcedural !== prevProcedural ? nextProcedural : null,
				due_from: slipHere ? firstDue : null,
				due_to: slipHere ? due : null,
				reason: slipHere ? rng.pick(SLIP_REASONS) : null,
				note: `Synthetic update ${u + 1} on ${object} in ${county}.`,
				author_id: null,
				author_name: AUTHOR,
				created_at: stamp(on, 150)
			});
			updateIds.push(updateId);
			updateDates.push(on);
			prevDelivery = nextDelivery;
			prevProcedural = nextProcedural;
		}
		for (const evidenceId of evidenceIds) {
			chunk.updateEvidence.push({ update_id: rng.pick(updateIds), evidence_id: evidenceId });
		}
	}

	chunk.dueChanges.push({
		commitment_id: id,
		changed_on: given,
		from_on: null,
		to_on: firstDue,
		deadline_rule_id: base.ruleIds[ruleIndex]!,
		reason: `Set by rule: ${rule.name}`,
		update_id: updateIds[0] ?? null
	});
	if (slip) {
		chunk.dueChanges.push({
			commitment_id: id,
			changed_on: updateDates[1] ?? addDays(given, 1),
			from_on: firstDue,
			to_on: due,
			deadline_rule_id: null,
			reason: rng.pick(SLIP_REASONS),
			update_id: updateIds[1] ?? null
		});
	}

	// Funding links for about 70 % of commitments, one or two lines of this chunk.
	if (rng.chance(0.7)) {
		const first = rng.pick(lines);
		const picked = rng.chance(0.2) ? [first, rng.pick(lines)] : [first];
		const seen = new Set<number>();
		for (const line of picked) {
			if (seen.has(line.id)) continue;
			seen.add(line.id);
			const percent = rng.chance(0.6);
			chunk.links.push({
				commitment_id: id,
				budget_line_id: line.id,
				share_kind: percent ? 'percent' : 'amount',
				share_basis_points: percent ? rng.int(1, 100) * 100 : null,
				share_amount_kes: percent
					? null
					: Math.max(
							100_000,
							Math.round((line.approved * rng.int(1, 50)) / 100 / 100_000) * 100_000
						),
				basis: rng.chance(0.5) ? 'earmarked' : 'indicative',
				note: null,
				created_at: stamp(given, 200)
			});
		}
	}

	// Ten audit rows per commitment: the history of edits that produced the record.
	const auditSpan = Math.max(10, toDays(lastTouch) - toDays(given));
	const entity = String(id);
	const actor = `${AUTHOR} ${1 + (id % 25)}`;
	for (let a = 0; a < 10; a++) {
		const on = addDays(given, Math.floor((a * auditSpan) / 10));
		const [action, target] = AUDIT_STEPS[a]!;
		chunk.audit.push({
			at: stamp(on, 300 + a),
			user_id: null,
			actor,
			action,
			entity: target,
			entity_id: target === 'commitment' ? entity : `${entity}-${a}`,
			before_json: action === 'create' ? null : `{"version":${a}}`,
			after_json: `{"commitment_id":${id},"version":${a + 1},"synthetic":true}`
		});
	}
}

const AUDIT_STEPS: [action: string, entity: string][] = [
	['create', 'commitment'],
	['create', 'milestone'],
	['create', 'evidence'],
	['create', 'funding_link'],
	['publish', 'commitment'],
	['create', 'update'],
	['update', 'commitment'],
	['update', 'milestone'],
	['create', 'update'],
	['update', 'commitment']
];
