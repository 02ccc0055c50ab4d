// The open data surface (JSON API, CSV downloads, Fiscal Data Package, Atom feeds) against the
// built app with the demo data: content, shape (checked against the served OpenAPI document),
// caching, CORS, errors, and that the draft DCAIS/2025/005 appears in none of it.
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { EMPTY_URL } from '../../playwright.config';
import { validate } from '../helpers/json-schema';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './fixtures';

const DRAFT_REF = 'DCAIS/2025/005';
const DRAFT_MARKS = [
	DRAFT_REF,
	encodeURIComponent(DRAFT_REF),
	'Stop gazetting new administrative units until those already gazetted are operational',
	'Recorded here as a draft follow-up undertaking'
];
const PUBLISHED = [
	'DCAIS/2025/001',
	'DCAIS/2025/002',
	'DCAIS/2025/003',
	'DCAIS/2025/004',
	'DCFNP/2025/001'
];
const DCAIS = 'administration-internal-security';
const DCFNP = 'finance-national-planning';
const STATE_DEPT = 'sd-internal-security-national-administration';

/** Every open data address, for the checks that must hold everywhere. */
const EVERY_ENDPOINT = [
	'/api/v1/commitments?pageSize=200',
	'/api/v1/commitments?q=gazett&pageSize=200',
	'/api/v1/commitments?committee=administration-internal-security&pageSize=200',
	'/api/v1/commitments?deliveryStatus=not_started&proceduralStatus=recorded',
	'/api/v1/commitments?tag=administrative-units',
	'/api/v1/commitments?overdue=true&sort=overdue',
	'/api/v1/commitments?givenFrom=2025-04-23&givenTo=2025-04-23',
	...PUBLISHED.map((ref) => `/api/v1/commitments/${encodeURIComponent(ref)}`),
	'/api/v1/budget-lines?pageSize=200',
	'/api/v1/committees',
	'/api/v1/organisations',
	'/api/v1/openapi.json',
	'/data/commitments.csv',
	'/data/updates.csv',
	'/data/budget-figures.csv',
	'/data/budget-phases.csv',
	'/data/datapackage.json',
	'/feeds/updates.atom',
	`/feeds/committees/${DCAIS}.atom`,
	`/feeds/committees/${DCFNP}.atom`,
	...PUBLISHED.map((ref) => `/feeds/commitments/${encodeURIComponent(ref)}.atom`),
	'/data'
];

type Json = Record<string, unknown>;
type Item = Json & { ref: string };

async function json(response: APIResponse): Promise<Json> {
	expect(response.headers()['content-type']).toMatch(/^application\/json/);
	return (await response.json()) as Json;
}

async function listRefs(request: APIRequestContext, query: string): Promise<string[]> {
	const response = await request.get(`/api/v1/commitments?${query}`);
	expect(response.status(), query).toBe(200);
	const body = await json(response);
	return (body.data as Item[]).map((c) => c.ref);
}

async function csvRows(response: APIResponse): Promise<Record<string, string>[]> {
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8; header=present');
	const text = await response.text();
	expect(text.charCodeAt(0)).not.toBe(0xfeff);
	expect(text.endsWith('\r\n')).toBe(true);
	return parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

/** Each published commitment's change log as the detail endpoint gives it (checked elsewhere). */
async function changeLogs(request: APIRequestContext) {
	const logs = new Map<string, { committee: string; dates: string[]; feedDates: string[] }>();
	for (const ref of PUBLISHED) {
		const c = (await json(await request.get(`/api/v1/commitments/${encodeURIComponent(ref)}`)))
			.data as Json;
		const dates = (c.updates as Json[]).map((u) => u.date as string);
		// A feed has an entry for each update, each submission the ministry sent, and the day
		// the undertaking was made public (in Nairobi).
		const sent = (c.ministrySubmissions as Json[]).map((s) => s.sentOn as string);
		const published = new Date(Date.parse(c.publishedAt as string) + 3 * 3600_000)
			.toISOString()
			.slice(0, 10);
		const feedDates = [...dates, ...sent, published].sort().reverse();
		logs.set(ref, { committee: (c.committee as Json).slug as string, dates, feedDates });
	}
	const sum = (keep: (committee: string, ref: string) => boolean, feed: boolean) =>
		[...logs]
			.filter(([ref, l]) => keep(l.committee, ref))
			.reduce((n, [, l]) => n + (feed ? l.feedDates : l.dates).length, 0);
	const count = (keep: (committee: string, ref: string) => boolean) => sum(keep, false);
	const feedCount = (keep: (committee: string, ref: string) => boolean) => sum(keep, true);
	const newest = [...logs.values()]
		.flatMap((l) => l.feedDates)
		.sort()
		.at(-1)!;
	return { logs, count, feedCount, newest };
}

function entries(atom: string): string[] {
	return atom.match(/<entry>[\s\S]*?<\/entry>/g) ?? [];
}

test.describe('open data API on the demo data', () => {
	test('lists published commitments with the documented fields', async ({ request }) => {
		const response = await request.get('/api/v1/commitments?pageSize=200');
		expect(response.status()).toBe(200);
		const body = await json(response);
		expect(body).toMatchObject({ page: 1, pageSize: 200, total: PUBLISHED.length });
		const items = body.data as Item[];
		expect(items.map((c) => c.ref).sort()).toEqual(PUBLISHED);

		const unit = items.find((c) => c.ref === 'DCAIS/2025/001')!;
		expect(unit).toMatchObject({
			title: 'Create a special anti-human-trafficking unit',
			type: 'institution',
			committee: {
				slug: DCAIS,
				name: 'Departmental Committee on Administration and Internal Security',
				abbreviation: 'DCAIS'
			},
			organisation: {
				slug: STATE_DEPT,
				name: 'State Department for Internal Security and National Administration'
			},
			office: 'Cabinet Secretary, Interior and National Administration',
			givenOn: '2025-04-23',
			dueOn: '2026-04-23',
			deliveryStatus: 'off_track',
			proceduralStatus: 'response_due',
			fundingStatus: 'allocated',
			// Milestones: met (weight 1), missed (2), planned (1).
			progress: 0.25,
			milestoneCount: 3
		});
		expect(unit.summary).toContain('trafficking networks');
		// Due 23 April 2026, off track, no extension: overdue from then on.
		expect(unit.overdue).toBe(true);
		expect(unit.daysOverdue).toBeGreaterThan(0);
		expect(unit.url).toMatch(/\/commitments\/DCAIS%2F2025%2F001$/);
		const page = await request.get(unit.url as string);
		expect(page.status()).toBe(200);
		expect(await page.text()).toContain('Create a special anti-human-trafficking unit');

		const reservists = items.find((c) => c.ref === 'DCAIS/2025/002')!;
		expect(reservists).toMatchObject({ fundingStatus: 'no_line_identified', progress: 0.3 });
		const exchequer = items.find((c) => c.ref === 'DCFNP/2025/001')!;
		expect(exchequer).toMatchObject({ progress: null, milestoneCount: 0 });
	});

	test('takes the explorer filters, sort and paging as query parameters', async ({ request }) => {
		expect(await listRefs(request, 'deliveryStatus=off_track')).toEqual(['DCAIS/2025/001']);
		expect(await listRefs(request, 'deliveryStatus=off_track,on_track&sort=title')).toEqual([
			'DCAIS/2025/001',
			'DCAIS/2025/003'
		]);
		expect(await listRefs(request, `committee=${DCFNP}`)).toEqual(['DCFNP/2025/001']);
		expect(await listRefs(request, 'organisation=national-treasury-economic-planning')).toEqual([
			'DCFNP/2025/001'
		]);
		expect(await listRefs(request, 'proceduralStatus=extension_granted')).toEqual([
			'DCAIS/2025/002'
		]);
		expect((await listRefs(request, 'fundingStatus=no_line_identified&sort=given')).sort()).toEqual(
			['DCAIS/2025/002', 'DCFNP/2025/001']
		);
		expect(await listRefs(request, 'q=POLICE%20reservists')).toEqual(['DCAIS/2025/002']);
		expect(await listRefs(request, 'q=anti-human')).toEqual(['DCAIS/2025/001']);
		expect(await listRefs(request, 'tag=police-reservists')).toEqual(['DCAIS/2025/002']);
		expect((await listRefs(request, 'fiscalYear=2024%2F25')).sort()).toEqual(PUBLISHED);
		expect(await listRefs(request, 'fiscalYear=2025%2F26')).toEqual([]);
		expect(await listRefs(request, 'givenFrom=2025-06-01')).toEqual(['DCFNP/2025/001']);
		expect(await listRefs(request, 'givenTo=2025-04-30&sort=-due')).toEqual([
			'DCAIS/2025/003',
			'DCAIS/2025/002',
			'DCAIS/2025/004',
			'DCAIS/2025/001'
		]);

		// Overdue is consistent between the filter and the items' own flag.
		const all = (await json(await request.get('/api/v1/commitments?pageSize=200'))).data as Item[];
		const flagged = all.filter((c) => c.overdue).map((c) => c.ref);
		const filtered = (
			await json(await request.get('/api/v1/commitments?overdue=true&sort=overdue'))
		).data as Item[];
		expect(filtered.map((c) => c.ref).sort()).toEqual([...flagged].sort());
		expect(flagged).toContain('DCAIS/2025/001');
		const days = filtered.map((c) => c.daysOverdue as number);
		expect(days).toEqual([...days].sort((a, b) => b - a));
		expect((await listRefs(request, 'overdue=false')).sort()).toEqual(
			PUBLISHED.filter((r) => !flagged.includes(r))
		);

		const pages: string[] = [];
		for (const page of [1, 2, 3]) {
			const body = await json(
				await request.get(`/api/v1/commitments?sort=title&pageSize=2&page=${page}`)
			);
			expect(body).toMatchObject({ page, pageSize: 2, total: 5 });
			pages.push(...(body.data as Item[]).map((c) => c.ref));
		}
		expect(pages.sort()).toEqual(PUBLISHED);
	});

	test('one commitment: quote, source, milestones, change log with evidence, money', async ({
		request
	}) => {
		const encoded = await request.get('/api/v1/commitments/DCAIS%2F2025%2F004');
		const raw = await request.get('/api/v1/commitments/DCAIS/2025/004');
		expect(encoded.status()).toBe(200);
		expect(await raw.text()).toBe(await encoded.text());
		const c = (await json(encoded)).data as Json;
		expect(c).toMatchObject({
			ref: 'DCAIS/2025/004',
			fundingStatus: 'partly_released',
			quoteSource: { url: 'http://namnewsnetwork.org/?p=298344' },
			sitting: { date: '2025-04-23' },
			person: 'Kipchumba Murkomen',
			// met (1) + partly met (2, counts half) of 5.
			progress: 0.4
		});
		expect(c.quote).toContain('National Treasury to fund the operationalisation');
		expect((c.milestones as Json[]).map((m) => m.status)).toEqual(['met', 'partly_met', 'missed']);
		const updates = c.updates as Json[];
		const dates = updates.map((u) => u.date as string);
		expect(dates).toEqual([...dates].sort().reverse()); // newest first
		expect(dates).toContain('2025-04-30');
		const lagging = updates.find((u) => u.date === '2026-02-15')!;
		expect(lagging).toMatchObject({ delivery: { from: 'on_track', to: 'with_challenges' } });
		const plan = updates.find((u) => u.date === '2025-06-20')!;
		expect(plan).toMatchObject({ dueDate: { from: '2025-06-22', to: '2026-06-30' } });
		expect((plan.evidence as Json[]).map((e) => e.type).sort()).toEqual([
			'ministry_response',
			'news'
		]);
		expect(c.dueDateHistory).toEqual([
			expect.objectContaining({ from: null, to: '2025-06-22' }),
			expect.objectContaining({ from: '2025-06-22', to: '2026-06-30' })
		]);
		const funding = c.funding as Json[];
		expect(funding).toHaveLength(2);
		const units2526 = funding.find((f) => (f.budgetLine as Json).fiscalYear === '2025/26') as Json;
		expect(units2526).toMatchObject({
			basis: 'earmarked',
			share: { kind: 'percent', percent: 100 },
			budgetLine: { vote: { code: '1021' } },
			line: {
				requested: { amountKes: 2_500_000_000 },
				currentAllocation: { phase: 'ceiling', amountKes: 616_000_000 },
				fundingGap: 1_884_000_000,
				released: { amountKes: 340_000_000, asOf: '2026-03-31' }
			}
		});
		expect((units2526.line as Json).releaseRate).toBeCloseTo(340 / 616, 6);
		expect((units2526.figures as Json[]).map((f) => f.phase)).toContain('ceiling');

		// An indicative 0.1% share of the police vote is attributed, not the whole vote.
		const unit = (await json(await request.get('/api/v1/commitments/DCAIS%2F2025%2F001')))
			.data as Json;
		const police = (unit.funding as Json[])[0]!;
		expect(police).toMatchObject({
			share: { kind: 'percent', percent: 0.1 },
			line: { approved: { amountKes: 125_300_000_000 } },
			attributed: { approved: { amountKes: 125_300_000 } }
		});

		const reservists = (await json(await request.get('/api/v1/commitments/DCAIS%2F2025%2F002')))
			.data as Json;
		expect(reservists.funding).toEqual([]);
		expect(reservists.fundingStatus).toBe('no_line_identified');
	});

	test('a draft answers exactly like an unknown reference', async ({ request }) => {
		const draft = await request.get('/api/v1/commitments/DCAIS%2F2025%2F005');
		const unknown = await request.get('/api/v1/commitments/DCAIS%2F2025%2F999');
		expect(draft.status()).toBe(404);
		expect(unknown.status()).toBe(404);
		expect(await draft.text()).toBe(await unknown.text());
		expect(await json(draft)).toMatchObject({ error: 'not_found' });
		expect((await request.get('/api/v1/commitments/DCAIS/2025/005')).status()).toBe(404);
		expect((await request.get('/feeds/commitments/DCAIS%2F2025%2F005.atom')).status()).toBe(404);
		expect(await listRefs(request, 'q=gazetting')).toEqual([]);
		expect(await listRefs(request, 'deliveryStatus=not_started&proceduralStatus=recorded')).toEqual(
			[]
		);
	});

	test('budget lines with figures by phase, derived rates and funded commitments', async ({
		request
	}) => {
		const body = await json(
			await request.get('/api/v1/budget-lines?fiscalYear=2025%2F26&vote=1021&pageSize=200')
		);
		expect(body).toMatchObject({ page: 1, pageSize: 200, total: 3 });
		const lines = body.data as Json[];
		expect(lines.every((l) => l.fiscalYear === '2025/26')).toBe(true);
		const units = lines.find((l) => String(l.subProgramme).includes('gazetted'))!;
		expect(units).toMatchObject({
			vote: { code: '1021' },
			programme: 'National Government Administration',
			economicClass: 'recurrent',
			summary: {
				currentAllocation: { amountKes: 616_000_000 },
				spent: { amountKes: 290_000_000, asOf: '2026-03-31' },
				asOf: '2026-03-31'
			},
			commitments: [expect.objectContaining({ ref: 'DCAIS/2025/004' })]
		});
		expect((units.summary as Json).absorptionRate).toBeCloseTo(290 / 616, 6);
		const figures = units.figures as Json[];
		expect(figures.map((f) => f.phase)).toEqual([
			'requested',
			'ceiling',
			'released',
			'spent',
			'released',
			'spent',
			'released',
			'spent'
		]);
		expect(figures[0]).toMatchObject({ fdpPhase: 'proposed', illustrative: false });
		expect(figures[2]).toMatchObject({ fdpPhase: 'executed', illustrative: true });

		const byProgramme = await json(await request.get('/api/v1/budget-lines?programme=GAZETTED'));
		expect((byProgramme.data as Json[]).map((l) => l.fiscalYear)).toEqual(['2025/26', '2024/25']);
		const all = await json(await request.get('/api/v1/budget-lines?pageSize=200'));
		expect(all.total).toBe(7);
	});

	test('committees and organisations count published commitments only', async ({ request }) => {
		const committees = await json(await request.get('/api/v1/committees'));
		expect(committees.total).toBe(2);
		const dcais = (committees.data as Json[]).find((k) => k.slug === DCAIS)!;
		// Five DCAIS commitments exist; one is a draft.
		expect(dcais).toMatchObject({
			abbreviation: 'DCAIS',
			house: 'national_assembly',
			publishedCommitments: 4
		});
		expect(dcais.feedUrl).toMatch(/\/feeds\/committees\/administration-internal-security\.atom$/);
		expect((await request.get(dcais.url as string)).status()).toBe(200);
		const commitments = await json(await request.get(dcais.commitmentsUrl as string));
		expect(commitments.total).toBe(4);

		const organisations = await json(await request.get('/api/v1/organisations'));
		const byslug = new Map((organisations.data as Json[]).map((o) => [o.slug, o]));
		expect(byslug.get(STATE_DEPT)).toMatchObject({
			kind: 'state_department',
			parent: 'ministry-interior-national-administration',
			publishedCommitments: 4
		});
		expect(byslug.get('national-treasury-economic-planning')).toMatchObject({
			publishedCommitments: 1
		});
		expect(organisations.total).toBe(4);
	});

	test('CSV downloads: header row, one row per record, whole shillings, ISO dates', async ({
		request
	}) => {
		const commitments = await csvRows(await request.get('/data/commitments.csv'));
		expect(commitments.map((r) => r.ref).sort()).toEqual(PUBLISHED);
		const unit = commitments.find((r) => r.ref === 'DCAIS/2025/001')!;
		expect(unit).toMatchObject({
			committee_slug: DCAIS,
			given_on: '2025-04-23',
			due_on: '2026-04-23',
			delivery_status: 'off_track',
			overdue: 'true',
			progress: '0.25'
		});
		expect(unit.quote).toContain('special anti-human trafficking unit');
		const filtered = await csvRows(await request.get(`/data/commitments.csv?committee=${DCFNP}`));
		expect(filtered.map((r) => r.ref)).toEqual(['DCFNP/2025/001']);

		const updates = await csvRows(await request.get('/data/updates.csv'));
		// One row per update of every published commitment, as their change logs list them.
		const { logs, count } = await changeLogs(request);
		expect(updates).toHaveLength(count(() => true));
		for (const [ref, log] of logs) {
			expect(
				updates.filter((u) => u.commitment_ref === ref),
				ref
			).toHaveLength(log.dates.length);
		}
		expect(updates.every((u) => /^\d{4}-\d{2}-\d{2}$/.test(u.update_on!))).toBe(true);
		const dates = updates.map((u) => u.update_on!);
		expect(dates).toEqual([...dates].sort().reverse());
		const extension = updates.find((u) => u.procedural_to === 'extension_granted')!;
		expect(extension).toMatchObject({
			commitment_ref: 'DCAIS/2025/002',
			due_from: '2025-10-23',
			due_to: '2027-03-31'
		});
		const withEvidence = updates.find((u) => Number(u.evidence_count) >= 2)!;
		expect(withEvidence.evidence_titles!.split(' | ')).toHaveLength(
			Number(withEvidence.evidence_count)
		);
		const dcfnpOnly = await csvRows(await request.get(`/data/updates.csv?committee=${DCFNP}`));
		expect(dcfnpOnly.map((u) => u.commitment_ref)).toEqual(['DCFNP/2025/001']);
		// UTF-8 survives the round trip.
		expect(updates.some((u) => u.note!.includes('’'))).toBe(true);

		const figures = await csvRows(await request.get('/data/budget-figures.csv'));
		expect(figures).toHaveLength(32);
		expect(figures.every((f) => /^\d+$/.test(f.amount_kes!))).toBe(true);
		expect(figures.every((f) => /^\d{4}-\d{2}-\d{2}$/.test(f.as_of!))).toBe(true);
		// The reported KES 37,508.8 m ceiling is stored split by class: recurrent + development.
		expect(
			figures
				.filter(
					(f) =>
						f.phase === 'ceiling' &&
						f.fiscal_year === '2025/26' &&
						f.vote_code === '1021' &&
						f.sub_programme === ''
				)
				.reduce((sum, f) => sum + Number(f.amount_kes), 0)
		).toBe(37_508_800_000);
	});

	test('Fiscal Data Package: descriptor, resources, phases in the standard vocabulary', async ({
		request
	}) => {
		const pkg = await json(await request.get('/data/datapackage.json'));
		// The Fiscal Data Package JSON Schema requires the tabular profile; the model makes it fiscal.
		expect(pkg).toMatchObject({
			profile: 'tabular-data-package',
			countryCode: 'KE',
			license: 'CC-BY-4.0',
			fiscalPeriod: {
				start: expect.stringMatching(/-07-01$/),
				end: expect.stringMatching(/-06-30$/)
			}
		});
		const phases = (pkg.model as { measures: Record<string, Json> }).measures;
		const vocabulary = new Set(['proposed', 'approved', 'adjusted', 'executed']);
		expect(Object.keys(phases)).toEqual([
			'requested',
			'ceiling',
			'approved',
			'supplementary_1',
			'supplementary_2',
			'released',
			'spent'
		]);
		expect(Object.values(phases).every((m) => vocabulary.has(m.phase as string))).toBe(true);
		expect(phases.approved).toMatchObject({ phase: 'approved', currency: 'KES' });
		expect(phases.supplementary_2).toMatchObject({ phase: 'adjusted' });
		expect(phases.spent).toMatchObject({ phase: 'executed' });

		const mapping = new Map(Object.entries(phases).map(([k, m]) => [k, m.phase]));
		for (const resource of pkg.resources as Json[]) {
			const path = new URL(resource.path as string);
			const rows = await csvRows(await request.get(path.pathname));
			expect(rows.length).toBeGreaterThan(0);
			const fields = ((resource.schema as Json).fields as Json[]).map((f) => f.name);
			expect(Object.keys(rows[0]!)).toEqual(fields);
			if (resource.name === 'budget-figures') {
				for (const row of rows) expect(row.fdp_phase).toBe(mapping.get(row.phase!));
			}
			if (resource.name === 'budget-phases') {
				for (const m of Object.values(phases)) expect(fields).toContain(m.source);
				const units = rows.find(
					(r) =>
						r.fiscal_year === '2025/26' &&
						r.sub_programme?.includes('gazetted') &&
						r.as_of === '2026-03-31'
				)!;
				expect(units).toMatchObject({ released: '340000000', spent: '290000000', ceiling: '' });
			}
		}
	});

	test('Atom feeds: site-wide, per committee and per commitment', async ({ request, page }) => {
		const site = await request.get('/feeds/updates.atom');
		expect(site.status()).toBe(200);
		expect(site.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
		const xml = await site.text();
		expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
		const { logs, feedCount, newest } = await changeLogs(request);
		expect(entries(xml)).toHaveLength(
			Math.min(
				50,
				feedCount(() => true)
			)
		);
		const first = entries(xml)[0]!;
		expect(first).toContain(`<updated>${newest}T00:00:00+03:00</updated>`);
		const [newestRef] = [...logs].find(([, l]) => l.feedDates[0] === newest)!;
		expect(first).toContain(
			`href="${new URL(site.url()).origin}/commitments/${encodeURIComponent(newestRef)}`
		);

		// Well-formed XML with every required Atom element, as a feed reader would see it.
		const problems = await page.evaluate((text) => {
			const doc = new DOMParser().parseFromString(text, 'application/xml');
			if (doc.getElementsByTagName('parsererror').length > 0) return ['not well-formed'];
			const out: string[] = [];
			for (const name of ['id', 'title', 'updated']) {
				if (!doc.documentElement.querySelector(`:scope > ${name}`))
					out.push(`feed without ${name}`);
			}
			for (const entry of Array.from(doc.getElementsByTagName('entry'))) {
				for (const name of ['id', 'title', 'updated', 'link', 'content']) {
					if (entry.getElementsByTagName(name).length === 0) out.push(`entry without ${name}`);
				}
			}
			return out;
		}, xml);
		expect(problems).toEqual([]);

		const dcais = await (await request.get(`/feeds/committees/${DCAIS}.atom`)).text();
		expect(entries(dcais)).toHaveLength(feedCount((k) => k === DCAIS));
		expect(entries(dcais).every((e) => e.includes(`term="${DCAIS}"`))).toBe(true);
		const dcfnp = await (await request.get(`/feeds/committees/${DCFNP}.atom`)).text();
		expect(entries(dcfnp)).toHaveLength(feedCount((k) => k === DCFNP));
		expect((await request.get('/feeds/committees/no-such-committee.atom')).status()).toBe(404);

		const one = await (await request.get('/feeds/commitments/DCAIS%2F2025%2F002.atom')).text();
		expect(entries(one)).toHaveLength(logs.get('DCAIS/2025/002')!.feedDates.length);
		expect(one).toContain('extension requested → extension granted');
		expect(one).toContain('due date 23 Oct 2025 → 31 Mar 2027');
		// What the ministry sent is in the feed as it was sent, its documents by link.
		expect(one).toContain('implementation report from the ministry');
		expect(one).toMatch(/submissions\/\d+\/documents\/\d+/);
		const refused = await (await request.get('/feeds/commitments/DCAIS%2F2025%2F004.atom')).text();
		expect(refused).toContain('request for more time from the ministry');
		// The story starts with the undertaking made public: its oldest entry, with the quote.
		const oldest = entries(one).at(-1)!;
		expect(oldest).toContain(
			'DCAIS/2025/002: new undertaking: Enact a National Police Reservists Policy'
		);
		expect(oldest).toContain('&lt;blockquote&gt;');
	});

	test('public pages announce their feeds with <link rel="alternate">', async ({ request }) => {
		for (const [path, feed] of [
			['/', '/feeds/updates.atom'],
			['/data', '/feeds/updates.atom'],
			[`/committees/${DCAIS}`, `/feeds/committees/${DCAIS}.atom`],
			['/commitments/DCAIS%2F2025%2F001', '/feeds/commitments/DCAIS%2F2025%2F001.atom']
		] as const) {
			const html = await (await request.get(path)).text();
			const link = html.match(/<link rel="alternate" type="application\/atom\+xml"[^>]*>/)?.[0];
			expect(link, path).toContain(`href="${feed}"`);
			const target = await request.get(feed);
			expect(target.status(), feed).toBe(200);
		}
	});

	test('the draft appears in no answer, download or feed', async ({ request }) => {
		for (const path of EVERY_ENDPOINT) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			const body = await response.text();
			for (const mark of DRAFT_MARKS) expect(body, `${path} leaks ${mark}`).not.toContain(mark);
		}
	});

	test('answers are cacheable: ETag, max-age, 304 on If-None-Match, CORS', async ({ request }) => {
		for (const path of EVERY_ENDPOINT.filter((p) => p !== '/data')) {
			const first = await request.get(path);
			const headers = first.headers();
			expect(headers['access-control-allow-origin'], path).toBe('*');
			expect(headers['cache-control'], path).toBe('public, max-age=60');
			const etag = headers['etag'];
			expect(etag, path).toMatch(/^W\/"[\w-]+"$/);

			const again = await request.get(path, { headers: { 'If-None-Match': etag! } });
			expect(again.status(), path).toBe(304);
			expect((await again.body()).length, path).toBe(0);
			expect(again.headers()['etag'], path).toBe(etag);
			expect(again.headers()['access-control-allow-origin'], path).toBe('*');

			const list = await request.get(path, { headers: { 'If-None-Match': `W/"other", ${etag}` } });
			expect(list.status(), path).toBe(304);
			const stale = await request.get(path, { headers: { 'If-None-Match': 'W/"stale"' } });
			expect(stale.status(), path).toBe(200);
		}
	});

	test('bad parameters get a 400 naming the parameter, never a 500', async ({ request }) => {
		for (const [path, param] of [
			['/api/v1/commitments?pageSize=500', 'pageSize'],
			['/api/v1/commitments?pageSize=0', 'pageSize'],
			['/api/v1/commitments?pageSize=1e2', 'pageSize'],
			['/api/v1/commitments?page=0', 'page'],
			['/api/v1/commitments?page=99999999999999999999', 'page'],
			['/api/v1/commitments?deliveryStatus=nope', 'deliveryStatus'],
			['/api/v1/commitments?proceduralStatus=open', 'proceduralStatus'],
			['/api/v1/commitments?fundingStatus=rich', 'fundingStatus'],
			['/api/v1/commitments?givenFrom=2025-02-30', 'givenFrom'],
			['/api/v1/commitments?givenFrom=2025-06-01&givenTo=2025-01-01', 'givenTo'],
			['/api/v1/commitments?fiscalYear=2025%2F27', 'fiscalYear'],
			['/api/v1/commitments?overdue=maybe', 'overdue'],
			['/api/v1/commitments?sort=random', 'sort'],
			['/api/v1/commitments?committee=%3Cscript%3E', 'committee'],
			[`/api/v1/commitments?q=${'a'.repeat(201)}`, 'q'],
			['/api/v1/commitments?q=unit%00', 'q'],
			['/api/v1/budget-lines?fiscalYear=2025-26', 'fiscalYear'],
			['/api/v1/budget-lines?pageSize=201', 'pageSize'],
			['/api/v1/budget-lines?vote=%27%3B%20drop', 'vote'],
			['/data/commitments.csv?deliveryStatus=nope', 'deliveryStatus'],
			['/data/budget-figures.csv?fiscalYear=2025', 'fiscalYear'],
			['/data/updates.csv?committee=Not%20A%20Slug', 'committee']
		] as const) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(400);
			expect(response.headers()['access-control-allow-origin'], path).toBe('*');
			const body = await json(response);
			expect(body, path).toMatchObject({ error: 'invalid_parameter', param });
			expect(body.message, path).toContain(param);
			expect((body.errors as Json[])[0], path).toMatchObject({ param });
		}
		const several = await json(
			await request.get('/api/v1/commitments?pageSize=500&deliveryStatus=nope&givenFrom=2025-02-30')
		);
		expect((several.errors as Json[]).map((e) => e.param).sort()).toEqual([
			'deliveryStatus',
			'givenFrom',
			'pageSize'
		]);
		// Odd but valid input is answered, not crashed on.
		for (const path of [
			'/api/v1/commitments?q=%25%25_%5C',
			'/api/v1/commitments?q=%E2%80%AE',
			"/api/v1/commitments?q=')%20or%201=1--",
			'/api/v1/commitments?committee=nobody&unknown=1',
			'/api/v1/budget-lines?programme=%25'
		]) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			expect((await json(response)).total, path).toBe(0);
		}
	});

	test('every JSON answer matches the OpenAPI 3.1 document', async ({ request }) => {
		const doc = await json(await request.get('/api/v1/openapi.json'));
		expect(doc.openapi).toBe('3.1.0');
		const paths = doc.paths as Record<string, { get: { responses: Record<string, Json> } }>;
		const covered = new Set<string>();

		function schemaOf(template: string, status: number, mediaType: string): Json {
			let response = paths[template]?.get.responses[String(status)];
			expect(response, `${template} ${status} is documented`).toBeDefined();
			if (typeof response!.$ref === 'string') {
				const name = (response!.$ref as string).split('/').pop()!;
				response = ((doc.components as Json).responses as Record<string, Json>)[name];
			}
			const content = response!.content as Record<string, { schema: Json }>;
			expect(Object.keys(content), `${template} ${status}`).toContain(mediaType);
			return content[mediaType]!.schema;
		}

		async function check(template: string, url: string, status = 200) {
			const response = await request.get(url);
			expect(response.status(), url).toBe(status);
			const mediaType = response.headers()['content-type']!.split(';')[0]!;
			const schema = schemaOf(template, status, mediaType);
			const body = mediaType === 'application/json' ? await response.json() : await response.text();
			expect(validate(doc, schema, body), url).toEqual([]);
			covered.add(`${template} ${status}`);
			return body as unknown;
		}

		const list = (await check('/api/v1/commitments', '/api/v1/commitments?pageSize=200')) as Json;
		await check('/api/v1/commitments', '/api/v1/commitments?pageSize=1&page=2&sort=overdue');
		await check('/api/v1/commitments', '/api/v1/commitments?pageSize=500', 400);
		for (const ref of PUBLISHED) {
			await check('/api/v1/commitments/{ref}', `/api/v1/commitments/${encodeURIComponent(ref)}`);
		}
		await check('/api/v1/commitments/{ref}', '/api/v1/commitments/DCAIS%2F2025%2F005', 404);
		await check('/api/v1/budget-lines', '/api/v1/budget-lines?pageSize=200');
		await check('/api/v1/budget-lines', '/api/v1/budget-lines?fiscalYear=x', 400);
		await check('/api/v1/committees', '/api/v1/committees');
		await check('/api/v1/organisations', '/api/v1/organisations');
		await check('/api/v1/openapi.json', '/api/v1/openapi.json');
		for (const file of [
			'commitments',
			'updates',
			'submissions',
			'budget-figures',
			'budget-phases'
		]) {
			await check(`/data/${file}.csv`, `/data/${file}.csv`);
		}
		await check('/data/commitments.csv', '/data/commitments.csv?sort=nope', 400);
		await check('/data/datapackage.json', '/data/datapackage.json');
		await check('/feeds/updates.atom', '/feeds/updates.atom');
		await check('/feeds/committees/{slug}.atom', `/feeds/committees/${DCAIS}.atom`);
		await check('/feeds/committees/{slug}.atom', '/feeds/committees/none.atom', 404);
		await check('/feeds/commitments/{ref}.atom', '/feeds/commitments/DCAIS%2F2025%2F001.atom');
		await check('/feeds/commitments/{ref}.atom', '/feeds/commitments/DCAIS%2F2025%2F005.atom', 404);

		// Every documented path was exercised with its success answer.
		for (const template of Object.keys(paths))
			expect(covered, template).toContain(`${template} 200`);

		// The check can fail: a missing field, an extra field or a wrong enum value are caught.
		const item = (list.data as Json[])[0]!;
		const itemSchema = { $ref: '#/components/schemas/CommitmentItem' };
		expect(validate(doc, itemSchema, item)).toEqual([]);
		const { ref: _ref, ...withoutRef } = item;
		expect(validate(doc, itemSchema, withoutRef).join()).toContain(
			"missing required property 'ref'"
		);
		expect(validate(doc, itemSchema, { ...item, secret: 1 }).join()).toContain(
			'unexpected property'
		);
		expect(validate(doc, itemSchema, { ...item, deliveryStatus: 'draft' }).join()).toContain(
			'is not one of'
		);
		expect(validate(doc, itemSchema, { ...item, givenOn: '2025-02-30' }).join()).toContain(
			'not a valid date'
		);
	});

	test('the data page documents every endpoint and the licence', async ({ page, request }) => {
		const doc = await json(await request.get('/api/v1/openapi.json'));
		await page.goto('/data');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open data');
		await expect(
			page.getByRole('link', { name: 'Creative Commons Attribution 4.0' })
		).toBeVisible();
		await expect(page.getByText(/belong to their publishers/)).toBeVisible();
		for (const path of Object.keys(doc.paths as Json)) {
			await expect(page.getByRole('cell', { name: path, exact: true })).toBeVisible();
		}
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
	});
});

test('the open data endpoints answer on an empty database', async ({ request }) => {
	const list = await request.get(`${EMPTY_URL}/api/v1/commitments`);
	expect(list.status()).toBe(200);
	expect(await list.json()).toEqual({ data: [], page: 1, pageSize: 25, total: 0 });
	const lines = await request.get(`${EMPTY_URL}/api/v1/budget-lines`);
	expect(await lines.json()).toEqual({ data: [], page: 1, pageSize: 25, total: 0 });
	expect(await (await request.get(`${EMPTY_URL}/api/v1/committees`)).json()).toEqual({
		data: [],
		total: 0
	});
	const csv = await (await request.get(`${EMPTY_URL}/data/commitments.csv`)).text();
	expect(csv.split('\r\n')).toEqual([expect.stringMatching(/^ref,title,summary,/), '']);
	const feed = await request.get(`${EMPTY_URL}/feeds/updates.atom`);
	expect(feed.status()).toBe(200);
	expect(entries(await feed.text())).toHaveLength(0);
});
