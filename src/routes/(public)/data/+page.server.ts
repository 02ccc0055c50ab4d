import { BUDGET_PHASES, budgetPhaseLabel } from '$lib/domain';
import { FDP_PHASE } from '$lib/server/open-data/fiscal-data-package';
import { openApiDocument } from '$lib/server/open-data/openapi';
import type { PageServerLoad } from './$types';

interface Operation {
	summary: string;
	description: string;
	tags: string[];
	parameters: { name: string; in: string; description?: string; schema: Record<string, unknown> }[];
	responses: Record<string, { content?: Record<string, unknown> }>;
}

function valuesOf(schema: Record<string, unknown>): string {
	const s = (schema.items ?? schema) as Record<string, unknown>;
	if (Array.isArray(s.enum)) return s.enum.join(', ');
	if (s.format === 'date') return 'YYYY-MM-DD';
	if (s.type === 'boolean') return 'true, false';
	if (typeof s.pattern === 'string') return "'2025/26'";
	if (s.type === 'integer') return `${s.minimum ?? ''} to ${s.maximum ?? ''}`.trim();
	return 'text';
}

// The endpoint list is read from the OpenAPI document, so this page cannot drift from the API.
export const load: PageServerLoad = ({ url }) => {
	const doc = openApiDocument(url.origin);
	const endpoints = Object.entries(doc.paths).map(([path, item]) => {
		const op = (item as { get: Operation }).get;
		const ok = op.responses['200']?.content ?? {};
		return {
			path,
			summary: op.summary,
			description: op.description,
			group: op.tags[0] ?? 'API',
			format: Object.keys(ok)[0] ?? ''
		};
	});
	const list = (doc.paths['/api/v1/commitments'] as { get: Operation }).get;
	return {
		origin: url.origin,
		endpoints,
		commitmentParams: list.parameters.map((p) => ({
			name: p.name,
			description: p.description ?? '',
			values: valuesOf(p.schema),
			repeatable: p.schema.type === 'array'
		})),
		phases: BUDGET_PHASES.map((phase) => ({
			phase,
			label: budgetPhaseLabel[phase],
			fdpPhase: FDP_PHASE[phase]
		}))
	};
};
