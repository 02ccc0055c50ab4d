// The OpenAPI 3.1 description of the open data API. Enumerations come from $lib/domain, so a
// status added there appears here too; every object is closed (additionalProperties: false), so
// the end-to-end tests, which check real answers against this document, fail on any drift.
import {
	BUDGET_PHASES,
	COMMITMENT_TYPES,
	DELIVERY_STATUSES,
	ECONOMIC_CLASSES,
	EVIDENCE_TYPES,
	FUNDING_STATUSES,
	MILESTONE_STATUSES,
	PROCEDURAL_STATUSES
} from '$lib/domain';
import { COMMITMENT_SORTS, DEFAULT_COMMITMENT_SORT } from '$lib/domain/commitment-query';
import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE } from '$lib/domain/query-params';
import { API_ERROR_CODES } from './http';

type Schema = Record<string, unknown>;

const str: Schema = { type: 'string' };
const uri: Schema = { type: 'string', format: 'uri' };
const date: Schema = { type: 'string', format: 'date' };
const bool: Schema = { type: 'boolean' };
const count: Schema = { type: 'integer', minimum: 0 };
const kes: Schema = { type: 'integer', description: 'Whole Kenya shillings' };
const ratio: Schema = { type: ['number', 'null'], minimum: 0 };

function orNull(s: Schema): Schema {
	if (typeof s.type === 'string') {
		const out: Schema = { ...s, type: [s.type, 'null'] };
		if (Array.isArray(s.enum)) out.enum = [...s.enum, null];
		return out;
	}
	return { anyOf: [s, { type: 'null' }] };
}
const oneOfValues = (values: readonly string[]): Schema => ({ type: 'string', enum: [...values] });
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const list = (items: Schema): Schema => ({ type: 'array', items });
function obj(properties: Record<string, Schema>, optional: string[] = []): Schema {
	return {
		type: 'object',
		properties,
		required: Object.keys(properties).filter((k) => !optional.includes(k)),
		additionalProperties: false
	};
}

const FDP_PHASES = ['proposed', 'approved', 'adjusted', 'executed'];
const ORGANISATION_KINDS = [
	'ministry',
	'state_department',
	'agency',
	'treasury',
	'committee',
	'parliament',
	'other'
];
const FISCAL_YEAR: Schema = { type: 'string', pattern: '^\\d{4}/\\d{2}$', examples: ['2025/26'] };

const commitmentItem: Record<string, Schema> = {
	ref: { type: 'string', examples: ['DCAIS/2025/001'] },
	title: str,
	summary: str,
	type: oneOfValues(COMMITMENT_TYPES),
	committee: ref('CommitteeRef'),
	organisation: ref('OrganisationRef'),
	office: { type: 'string', description: 'The office that gave the undertaking' },
	givenOn: date,
	dueOn: orNull(date),
	deliveryStatus: oneOfValues(DELIVERY_STATUSES),
	proceduralStatus: oneOfValues(PROCEDURAL_STATUSES),
	fundingStatus: {
		...oneOfValues(FUNDING_STATUSES),
		description: 'Derived from the linked budget lines: where the money stopped'
	},
	overdue: {
		type: 'boolean',
		description:
			'Due date passed, delivery not completed or not pursued, and no extension granted by the committee covers today (Nairobi)'
	},
	daysOverdue: orNull({ type: 'integer', minimum: 1 }),
	progress: {
		type: ['number', 'null'],
		minimum: 0,
		maximum: 1,
		description:
			'Weight of milestones met over all milestone weight (partly met counts half); null when there are no milestones'
	},
	milestoneCount: count,
	url: { ...uri, description: 'The public page' },
	apiUrl: uri,
	feedUrl: { ...uri, description: 'Atom feed of this commitment’s updates' }
};

const figure = obj({ amountKes: kes, asOf: date });
const lineSummary = obj({
	requested: orNull(ref('Figure')),
	ceiling: orNull(ref('Figure')),
	approved: orNull(ref('Figure')),
	supplementary1: orNull(ref('Figure')),
	supplementary2: orNull(ref('Figure')),
	released: orNull(ref('Figure')),
	spent: orNull(ref('Figure')),
	currentAllocation: orNull(
		obj({
			phase: oneOfValues(['ceiling', 'approved', 'supplementary_1', 'supplementary_2']),
			amountKes: kes,
			asOf: date
		})
	),
	fundingGap: { type: ['integer', 'null'], description: 'Requested minus current allocation' },
	releaseRate: { ...ratio, description: 'Released / current allocation' },
	absorptionRate: { ...ratio, description: 'Spent / current allocation' },
	useOfReleases: { ...ratio, description: 'Spent / released' },
	asOf: orNull(date)
});
const budgetLineRef: Record<string, Schema> = {
	id: { type: 'integer' },
	fiscalYear: FISCAL_YEAR,
	vote: obj({ code: str, name: str }),
	programme: str,
	subProgramme: str,
	economicClass: oneOfValues(ECONOMIC_CLASSES)
};

// The `error` codes of src/lib/server/http.ts's JSON errors (handleApi answers every refusal).
const ERROR_CODES = API_ERROR_CODES;

const fdpMeasure = obj({
	source: { type: 'string', description: 'Column of the resource' },
	resource: str,
	currency: { type: 'string', pattern: '^[A-Z]{3}$' },
	factor: { type: 'number' },
	direction: oneOfValues(['expenditure', 'revenue']),
	phase: oneOfValues(FDP_PHASES),
	title: str
});
const fdpDimension = obj(
	{
		dimensionType: oneOfValues(['datetime', 'classification', 'other']),
		classificationType: oneOfValues(['administrative', 'functional', 'economic']),
		attributes: {
			type: 'object',
			additionalProperties: obj({ source: str, resource: str, labelfor: str, parent: str }, [
				'labelfor',
				'parent'
			])
		},
		primaryKey: { anyOf: [str, list(str)] }
	},
	['classificationType']
);

const schemas: Record<string, Schema> = {
	Error: {
		...obj(
			{
				error: { ...oneOfValues(ERROR_CODES), description: 'Machine-readable code' },
				message: str,
				param: { type: 'string', description: 'The first bad query parameter (400 only)' },
				errors: {
					...list(obj({ param: str, message: str })),
					description: 'Every bad query parameter (400 only)'
				}
			},
			['param', 'errors']
		),
		description:
			'The body of every error answered by /api/v1, and of the 400 of downloads and the 404 of feeds'
	},
	CommitteeRef: obj({ slug: str, name: str, abbreviation: str }),
	OrganisationRef: obj({ slug: str, name: str }),
	CommitmentItem: obj(commitmentItem),
	Evidence: obj({
		type: oneOfValues(EVIDENCE_TYPES),
		title: str,
		url: orNull(uri),
		publishedOn: orNull(date),
		excerpt: orNull(str),
		illustrative: { type: 'boolean', description: 'Invented for the demonstration' }
	}),
	CommitmentDetail: obj({
		...commitmentItem,
		quote: { type: 'string', description: 'The words as recorded in the source' },
		quoteSource: obj({ title: str, url: orNull(uri), locator: orNull(str) }),
		sitting: obj({ date, subject: str }),
		person: orNull(str),
		dueBasis: orNull(str),
		measurableTarget: orNull(str),
		statusReason: orNull(str),
		// Set when the record was withdrawn after publication: it stays public, out of lists.
		withdrawn: orNull(
			obj({ at: orNull({ type: 'string', format: 'date-time' }), reason: orNull(str) })
		),
		publishedAt: orNull({ type: 'string', format: 'date-time' }),
		updatedAt: { type: 'string', format: 'date-time' },
		tags: list(obj({ slug: str, name: str })),
		milestones: list(
			obj({
				title: str,
				plannedOn: date,
				actualOn: orNull(date),
				weight: { type: 'integer', minimum: 1 },
				status: oneOfValues(MILESTONE_STATUSES)
			})
		),
		updates: list(ref('Update')),
		evidence: list(ref('Evidence')),
		dueDateHistory: list(
			obj({ changedOn: date, from: orNull(date), to: orNull(date), reason: str })
		),
		ministrySubmissions: list(ref('MinistrySubmission')),
		funding: list(ref('FundingLink'))
	}),
	MinistrySubmission: obj({
		id: { type: 'integer', minimum: 1 },
		commitmentRef: str,
		kind: {
			...oneOfValues(['report', 'extension', 'drop']),
			description:
				'An implementation report, a request for more time, or a request to drop the undertaking'
		},
		organisation: str,
		channel: {
			...oneOfValues(['ahadi', 'paper', 'email']),
			description: 'Sent through Ahadi, or received on paper or by e-mail and recorded by a clerk'
		},
		sentOn: orNull(date),
		text: str,
		claimedStatus: orNull(oneOfValues(DELIVERY_STATUSES)),
		requestedUntil: orNull(date),
		approvedBy: orNull(str),
		approvedOn: orNull(date),
		decision: orNull(
			obj({
				outcome: oneOfValues(['received', 'returned', 'granted', 'refused']),
				decidedOn: date,
				note: str,
				grantedUntil: orNull(date)
			})
		),
		documents: list(obj({ fileName: str, mediaType: str, byteSize: count, sha256: str, url: uri })),
		url: uri
	}),
	Update: obj({
		date,
		delivery: orNull(
			obj({
				from: orNull(oneOfValues(DELIVERY_STATUSES)),
				to: orNull(oneOfValues(DELIVERY_STATUSES))
			})
		),
		procedural: orNull(
			obj({
				from: orNull(oneOfValues(PROCEDURAL_STATUSES)),
				to: orNull(oneOfValues(PROCEDURAL_STATUSES))
			})
		),
		dueDate: orNull(obj({ from: orNull(date), to: orNull(date) })),
		reason: orNull(str),
		note: str,
		author: str,
		evidence: list(ref('Evidence'))
	}),
	Figure: figure,
	LineSummary: lineSummary,
	BudgetFigure: obj({
		phase: oneOfValues(BUDGET_PHASES),
		fdpPhase: { ...oneOfValues(FDP_PHASES), description: 'Fiscal Data Package phase' },
		amountKes: { ...kes, minimum: 0 },
		asOf: date,
		source: obj({ title: str, url: orNull(uri) }),
		illustrative: bool
	}),
	FundingLink: obj({
		basis: oneOfValues(['earmarked', 'indicative']),
		share: {
			oneOf: [
				obj({ kind: { const: 'percent' }, percent: { type: 'number', minimum: 0, maximum: 100 } }),
				obj({ kind: { const: 'amount' }, amountKes: kes })
			]
		},
		note: orNull(str),
		budgetLine: obj(budgetLineRef),
		figures: list(ref('BudgetFigure')),
		shareOfLine: {
			...ratio,
			maximum: 1,
			description:
				'The part of the line attributed to this commitment (0.001 = 0.1%): the percent share, or a fixed amount over the line’s current allocation, capped at 1. Null when a fixed amount meets a line with no allocation.'
		},
		line: {
			...ref('LineSummary'),
			description:
				'The whole budget line, for context only: the commitment’s money is `attributed`, not this'
		},
		attributed: {
			...ref('LineSummary'),
			description:
				'The money attributed to this commitment: every figure of the line (requested, allocations, released, spent) scaled by `shareOfLine`, rounded to whole shillings. The commitment page and the briefing pack show these amounts.'
		}
	}),
	BudgetLine: obj({
		...budgetLineRef,
		figures: list(ref('BudgetFigure')),
		summary: ref('LineSummary'),
		commitments: list(obj({ ref: str, title: str, url: uri, apiUrl: uri }))
	}),
	Committee: obj({
		slug: str,
		name: str,
		abbreviation: str,
		house: oneOfValues(['national_assembly', 'senate']),
		publishedCommitments: count,
		url: uri,
		commitmentsUrl: uri,
		feedUrl: uri
	}),
	Organisation: obj({
		slug: str,
		name: str,
		shortName: orNull(str),
		kind: oneOfValues(ORGANISATION_KINDS),
		parent: { ...orNull(str), description: 'Slug of the parent organisation' },
		retired: bool,
		publishedCommitments: count,
		commitmentsUrl: uri
	}),
	CommitmentPage: obj({
		data: list(ref('CommitmentItem')),
		page: { type: 'integer', minimum: 1 },
		pageSize: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE },
		total: count
	}),
	CommitmentResponse: obj({ data: ref('CommitmentDetail') }),
	BudgetLinePage: obj({
		data: list(ref('BudgetLine')),
		page: { type: 'integer', minimum: 1 },
		pageSize: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE },
		total: count
	}),
	CommitteeList: obj({ data: list(ref('Committee')), total: count }),
	OrganisationList: obj({ data: list(ref('Organisation')), total: count }),
	DataPackage: {
		...obj(
			{
				profile: {
					const: 'tabular-data-package',
					description:
						'The Fiscal Data Package JSON Schema extends the Tabular Data Package one and requires this value'
				},
				name: str,
				title: str,
				description: str,
				homepage: uri,
				countryCode: { type: 'string', pattern: '^[A-Z]{2}$' },
				granularity: oneOfValues(['aggregated', 'transactional']),
				fiscalPeriod: {
					...obj({ start: date, end: date }),
					description: 'From the first day of the earliest fiscal year to the last of the latest'
				},
				license: str,
				licenses: list(obj({ name: str, title: str, path: uri })),
				sources: list(obj({ title: str })),
				phaseMapping: {
					type: 'object',
					description: 'Each Kenyan budget phase and its Fiscal Data Package phase',
					additionalProperties: obj({ fdpPhase: oneOfValues(FDP_PHASES), description: str })
				},
				resources: list(ref('DataResource')),
				model: obj({
					measures: { type: 'object', additionalProperties: fdpMeasure },
					dimensions: { type: 'object', additionalProperties: fdpDimension }
				})
			},
			['fiscalPeriod']
		),
		description:
			'A Fiscal Data Package descriptor (Frictionless, specs.frictionlessdata.io/fiscal-data-package); fiscalPeriod is absent while there are no budget lines'
	},
	DataResource: obj({
		name: str,
		profile: { const: 'tabular-data-resource' },
		title: str,
		path: uri,
		format: { const: 'csv' },
		mediatype: { const: 'text/csv' },
		encoding: { const: 'utf-8' },
		schema: {
			type: 'object',
			description: 'A Frictionless Table Schema',
			required: ['fields', 'primaryKey'],
			properties: {
				fields: list({
					type: 'object',
					required: ['name', 'type'],
					properties: { name: str, type: str, description: str }
				}),
				primaryKey: list(str)
			}
		}
	})
};

function queryParam(name: string, description: string, schema: Schema, array = false) {
	return {
		name,
		in: 'query',
		required: false,
		description,
		schema: array ? list(schema) : schema,
		...(array ? { style: 'form', explode: true } : {})
	};
}

const paging = [
	queryParam('page', 'Page number, from 1', {
		type: 'integer',
		minimum: 1,
		maximum: MAX_PAGE,
		default: 1
	}),
	queryParam('pageSize', `Items per page, 1 to ${MAX_PAGE_SIZE}`, {
		type: 'integer',
		minimum: 1,
		maximum: MAX_PAGE_SIZE,
		default: DEFAULT_PAGE_SIZE
	})
];

const commitmentFilters = [
	queryParam(
		'q',
		'Words to find in the title, summary or quote: all must match; at most 10 words (more is a 400 naming `q`)',
		{
			type: 'string',
			maxLength: 200
		}
	),
	queryParam('committee', 'Committee slug (repeat or comma-separate for several)', str, true),
	queryParam('organisation', 'Responsible organisation slug', str, true),
	queryParam('tag', 'Theme tag slug', str, true),
	queryParam('deliveryStatus', 'Delivery status', oneOfValues(DELIVERY_STATUSES), true),
	queryParam(
		'proceduralStatus',
		'Committee process status',
		oneOfValues(PROCEDURAL_STATUSES),
		true
	),
	queryParam('fundingStatus', 'Derived funding status', oneOfValues(FUNDING_STATUSES), true),
	queryParam('overdue', 'Only overdue (true) or only not overdue (false)', { type: 'boolean' }),
	queryParam('fiscalYear', 'Fiscal year of the date given', FISCAL_YEAR),
	queryParam('givenFrom', 'Given on or after this date', date),
	queryParam('givenTo', 'Given on or before this date', date),
	queryParam('sort', 'Order; a leading - means descending', {
		...oneOfValues(COMMITMENT_SORTS),
		default: DEFAULT_COMMITMENT_SORT
	})
];

const budgetFilters = [
	queryParam('fiscalYear', 'Fiscal year of the budget line', FISCAL_YEAR),
	queryParam('vote', 'Vote code, e.g. 1021 (repeat for several)', str, true),
	queryParam('programme', 'Words in the programme or sub-programme name', {
		type: 'string',
		maxLength: 200
	})
];

const cacheHeaders = {
	ETag: { description: 'Version of the answer; send it back in If-None-Match', schema: str },
	'Cache-Control': { schema: { type: 'string', const: 'public, max-age=60' } },
	'Access-Control-Allow-Origin': { schema: { type: 'string', const: '*' } }
};

const allowHeader = { description: 'The methods this path answers', schema: str };

function ok(description: string, mediaType: string, schema: Schema) {
	return { description, headers: cacheHeaders, content: { [mediaType]: { schema } } };
}

const notModified = { $ref: '#/components/responses/NotModified' };
const badRequest = { $ref: '#/components/responses/BadRequest' };
const notFound = { $ref: '#/components/responses/NotFound' };

/**
 * One read-only operation. Every path answers GET and HEAD only: any other method gets 405, as
 * the API's JSON error under /api/v1 and as the app's refusal page for downloads and feeds.
 * No operation needs authentication (`security: []`).
 */
function get(
	operationId: string,
	summary: string,
	description: string,
	responses: Record<string, unknown>,
	parameters: unknown[] = [],
	tag = 'API'
) {
	const methodNotAllowed = {
		$ref: `#/components/responses/${tag === 'API' ? 'MethodNotAllowed' : 'MethodNotAllowedPage'}`
	};
	return {
		get: {
			operationId,
			summary,
			description,
			tags: [tag],
			security: [],
			parameters,
			responses: { ...responses, '405': methodNotAllowed }
		}
	};
}

const csv = (what: string) => ok(what, 'text/csv', { type: 'string' });
const atom = (what: string) => ok(what, 'application/atom+xml', { type: 'string' });

export function openApiDocument(origin: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Ahadi open data API',
			version: '1.0.0',
			summary: 'Undertakings given to Kenya’s parliamentary committees, and the money behind them',
			description:
				'Published records only. Read-only, no key, open to any origin (CORS). Answers carry an ETag and may be cached for 60 seconds; a conditional request with If-None-Match gets 304 Not Modified. Bad parameters get 400 with a JSON error naming the parameter; an unknown reference gets 404. Every error of /api/v1 has the same JSON body, the Error schema: { error, message } (with param and errors for a 400); that includes 404 for a path that does not exist under /api/, 405 for a method other than GET or HEAD, and 500 if something fails on our side. A CORS preflight (OPTIONS, for a GET that sends If-None-Match) is answered 204, so a script on another site can revalidate with the ETag it was shown. Data licence: CC BY 4.0; quoted sources belong to their publishers. Human-readable documentation: /data',
			license: { name: 'Creative Commons Attribution 4.0 (data)', identifier: 'CC-BY-4.0' }
		},
		servers: [{ url: origin }],
		tags: [
			{ name: 'API', description: 'JSON endpoints' },
			{ name: 'Downloads', description: 'CSV files and the Fiscal Data Package' },
			{ name: 'Feeds', description: 'Atom feeds of updates' }
		],
		paths: {
			'/api/v1/commitments': get(
				'listCommitments',
				'List commitments',
				'Published commitments with the explorer’s filters, sort and paging.',
				{
					'200': ok('A page of commitments', 'application/json', ref('CommitmentPage')),
					'304': notModified,
					'400': badRequest
				},
				[...commitmentFilters, ...paging]
			),
			'/api/v1/commitments/{ref}': get(
				'getCommitment',
				'One commitment',
				'A published commitment with its quote and source, milestones, change log with evidence, due-date history and funding links with the derived budget figures. The reference contains slashes: send it URL-encoded (DCAIS%2F2025%2F001) or as it is.',
				{
					'200': ok('The commitment', 'application/json', ref('CommitmentResponse')),
					'304': notModified,
					'404': notFound
				},
				[{ name: 'ref', in: 'path', required: true, schema: str }]
			),
			'/api/v1/budget-lines': get(
				'listBudgetLines',
				'List budget lines',
				'Budget lines with every figure by phase, the derived rates and the published commitments they fund.',
				{
					'200': ok('A page of budget lines', 'application/json', ref('BudgetLinePage')),
					'304': notModified,
					'400': badRequest
				},
				[...budgetFilters, ...paging]
			),
			'/api/v1/committees': get(
				'listCommittees',
				'List committees',
				'Committees with their count of published commitments.',
				{
					'200': ok('All committees', 'application/json', ref('CommitteeList')),
					'304': notModified
				}
			),
			'/api/v1/organisations': get(
				'listOrganisations',
				'List organisations',
				'Ministries, State Departments and agencies responsible for commitments.',
				{
					'200': ok('All organisations', 'application/json', ref('OrganisationList')),
					'304': notModified
				}
			),
			'/api/v1/openapi.json': get(
				'getOpenApiDocument',
				'This document',
				'The OpenAPI 3.1 description.',
				{
					'200': ok('OpenAPI document', 'application/json', { type: 'object' }),
					'304': notModified
				}
			),
			'/data/commitments.csv': get(
				'downloadCommitmentsCsv',
				'Commitments (CSV)',
				'Every published commitment matching the same filters as /api/v1/commitments (paging is ignored), one row each. The last columns give its money, one value per funding link separated by " | ": funding_lines, funding_basis, share_of_line, attributed_allocation_kes, attributed_released_kes, attributed_spent_kes (the amounts attributed to the commitment), line_allocation_kes (the whole line, context only) and money_as_of; amounts of different lines are never added together.',
				{ '200': csv('CSV with a header row'), '304': notModified, '400': badRequest },
				commitmentFilters,
				'Downloads'
			),
			'/data/updates.csv': get(
				'downloadUpdatesCsv',
				'Updates (CSV)',
				'The change log of every published commitment, one row per update, newest first.',
				{ '200': csv('CSV with a header row'), '304': notModified, '400': badRequest },
				[queryParam('committee', 'Committee slug', str)],
				'Downloads'
			),
			'/data/submissions.csv': get(
				'downloadSubmissionsCsv',
				'Ministry submissions (CSV)',
				'Every report and request a ministry sent on a published commitment (never a draft), with the committee’s decision, oldest first; documents by link, separated by " | ".',
				{ '200': csv('CSV with a header row'), '304': notModified },
				[],
				'Downloads'
			),
			'/data/budget-figures.csv': get(
				'downloadBudgetFiguresCsv',
				'Budget figures (CSV)',
				'One row per figure with its phase (and Fiscal Data Package phase) and source.',
				{ '200': csv('CSV with a header row'), '304': notModified, '400': badRequest },
				budgetFilters,
				'Downloads'
			),
			'/data/budget-phases.csv': get(
				'downloadBudgetPhasesCsv',
				'Budget figures by phase (CSV)',
				'One row per budget line and as-of date, one column per phase: the Fiscal Data Package resource.',
				{ '200': csv('CSV with a header row'), '304': notModified, '400': badRequest },
				budgetFilters,
				'Downloads'
			),
			'/data/datapackage.json': get(
				'getDataPackage',
				'Fiscal Data Package',
				'The datapackage.json describing the budget CSV files.',
				{
					'200': ok('Descriptor', 'application/json', ref('DataPackage')),
					'304': notModified
				},
				[],
				'Downloads'
			),
			'/feeds/updates.atom': get(
				'getUpdatesFeed',
				'All updates (Atom)',
				'The latest updates to every published commitment.',
				{ '200': atom('Atom feed'), '304': notModified },
				[],
				'Feeds'
			),
			'/feeds/committees/{slug}.atom': get(
				'getCommitteeFeed',
				'A committee’s updates (Atom)',
				'The latest updates to the committee’s published commitments.',
				{ '200': atom('Atom feed'), '304': notModified, '404': notFound },
				[{ name: 'slug', in: 'path', required: true, schema: str }],
				'Feeds'
			),
			'/feeds/commitments/{ref}.atom': get(
				'getCommitmentFeed',
				'A commitment’s updates (Atom)',
				'Every update to one published commitment; the reference URL-encoded.',
				{ '200': atom('Atom feed'), '304': notModified, '404': notFound },
				[{ name: 'ref', in: 'path', required: true, schema: str }],
				'Feeds'
			)
		},
		components: {
			schemas,
			responses: {
				NotModified: {
					description: 'Not Modified: the If-None-Match ETag is current',
					headers: cacheHeaders
				},
				BadRequest: {
					description: 'A query parameter is invalid',
					content: { 'application/json': { schema: ref('Error') } }
				},
				NotFound: {
					description: 'No published record has this reference',
					content: { 'application/json': { schema: ref('Error') } }
				},
				MethodNotAllowed: {
					description: 'Method Not Allowed: this path answers GET and HEAD only',
					headers: { Allow: allowHeader },
					content: { 'application/json': { schema: ref('Error') } }
				},
				MethodNotAllowedPage: {
					description:
						'Method Not Allowed: this path answers GET and HEAD only. The answer is a short HTML page, or { message } in JSON for a client that accepts JSON but not HTML',
					headers: { Allow: allowHeader },
					content: {
						'text/html': { schema: str },
						'application/json': { schema: obj({ message: str }) }
					}
				}
			}
		}
	};
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
