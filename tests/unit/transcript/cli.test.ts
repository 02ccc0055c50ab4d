// `npm run extract`: JSON of the sitting and candidates; one English line and exit code 1 on a
// file it cannot read.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function extract(...args: string[]) {
	return spawnSync('npx', ['tsx', 'scripts/extract.ts', ...args], { encoding: 'utf8' });
}

describe('scripts/extract.ts', () => {
	it('prints the sitting and candidates as JSON', () => {
		const dir = mkdtempSync(join(tmpdir(), 'extract-'));
		const file = join(dir, 'sitting.txt');
		writeFileSync(
			file,
			`DEPARTMENTAL COMMITTEE ON HEALTH\nThursday, 9th October, 2025\nThe Cabinet Secretary for Health (Hon. Aden Duale): We will pay all verified claims within sixty days.\n`
		);
		const r = extract(file, '--format', 'json');
		expect(r.status).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.sitting).toMatchObject({
			committee: 'Departmental Committee on Health',
			satOn: '2025-10-09'
		});
		expect(out.speeches).toBe(1);
		expect(out.candidates[0]).toMatchObject({
			quote: 'We will pay all verified claims within sixty days.',
			speaker: { name: 'Aden Duale', title: 'Cabinet Secretary for Health' },
			page: 1,
			dueOn: '2025-12-08',
			dueReason: 'within sixty days'
		});
		expect(out.candidates[0].signals).toContain('first_person_future');
	}, 30_000);

	it('exits 1 with one line naming the file and the problem', () => {
		const r = extract('tests/fixtures/transcripts/bad/scanned.pdf');
		expect(r.status).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toBe(
			'scanned.pdf: this PDF has no text layer (it looks like a scan); Ahadi does not do OCR.\n'
		);
	}, 30_000);
});
