// Lints an OpenAPI document with the Redocly CLI and the repository's redocly.yaml
// (recommended-strict: every problem is an error).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

interface Problem {
	ruleId: string;
	severity: string;
	message: string;
	location: { pointer: string }[];
}

export interface LintResult {
	errors: number;
	warnings: number;
	/** One line per problem: severity, rule, message and JSON pointer; empty when clean. */
	report: string;
}

export function lintOpenApi(document: object): LintResult {
	const dir = mkdtempSync(join(tmpdir(), 'ahadi-openapi-'));
	try {
		const file = join(dir, 'openapi.json');
		writeFileSync(file, JSON.stringify(document, null, '\t'));
		const lint = spawnSync(
			join(root, 'node_modules', '.bin', 'redocly'),
			['lint', '--config', join(root, 'redocly.yaml'), '--format=json', file],
			{
				cwd: root,
				encoding: 'utf8',
				// No usage telemetry, no update check: CI has no business calling out.
				env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }
			}
		);
		const start = lint.stdout.indexOf('{');
		if (start < 0) throw new Error(`redocly lint gave no report: ${lint.stderr}`);
		const { totals, problems } = JSON.parse(lint.stdout.slice(start)) as {
			totals: { errors: number; warnings: number };
			problems: Problem[];
		};
		const report = problems.map(
			(p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? '#'})`
		);
		return { errors: totals.errors, warnings: totals.warnings, report: report.join('\n') };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
