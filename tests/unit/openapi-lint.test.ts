import { describe, expect, it } from 'vitest';
import { lintOpenApi } from '../../scripts/open-data/openapi-lint';
import { openApiDocument } from '$lib/server/open-data/openapi';

const doc = openApiDocument('https://ahadi.parliament.go.ke');
type Operation = {
	operationId?: string;
	security?: unknown[];
	responses: Record<string, { $ref?: string }>;
};
const operations = Object.entries(doc.paths).map(
	([path, item]) => [path, (item as { get: Operation }).get] as const
);

// Each lint starts the Redocly CLI: a few seconds on a busy machine.
describe('the OpenAPI document served at /api/v1/openapi.json', { timeout: 30_000 }, () => {
	it('lints clean with Redocly (recommended-strict: no errors, no warnings)', () => {
		const result = lintOpenApi(doc);
		expect(result.report).toBe('');
		expect({ errors: result.errors, warnings: result.warnings }).toEqual({
			errors: 0,
			warnings: 0
		});
	});

	it('the lint fails on a document that breaks a rule', () => {
		const path = doc.paths['/api/v1/committees'];
		const { operationId: _dropped, ...withoutId } = path.get;
		const broken = { ...doc, paths: { ...doc.paths, '/api/v1/committees': { get: withoutId } } };
		const result = lintOpenApi(broken);
		expect(result.errors).toBe(1);
		expect(result.report).toContain('operation-operationId');
	});

	it('every operation: a unique operationId, no authentication, a 4XX answer', () => {
		const ids = operations.map(([, op]) => op.operationId);
		expect(new Set(ids).size).toBe(operations.length);
		for (const [path, op] of operations) {
			expect(op.security, path).toEqual([]);
			expect(
				Object.keys(op.responses).some((s) => /^4\d\d$/.test(s)),
				path
			).toBe(true);
		}
	});

	it('API errors refer to the one Error schema, as src/lib/server/http.ts answers them', () => {
		const responses: Record<
			string,
			{ description: string; content?: Record<string, { schema: unknown }> }
		> = doc.components.responses;
		for (const [path, op] of operations.filter(([p]) => p.startsWith('/api/'))) {
			for (const [status, response] of Object.entries(op.responses)) {
				if (!status.startsWith('4')) continue;
				const name = response.$ref?.split('/').pop() ?? '';
				expect(responses[name]?.content?.['application/json']?.schema, `${path} ${status}`).toEqual(
					{
						$ref: '#/components/schemas/Error'
					}
				);
			}
		}
	});
});
