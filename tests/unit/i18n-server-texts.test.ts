// Texts made on the server (validation messages, CSV import errors, the conflict sentence, the
// briefing's questions and errors) follow the request's language: handleParaglide runs each request inside
// paraglideMiddleware, whose AsyncLocalStorage answers getLocale() for every m.*() call made while
// the request is handled, form actions included. Outside a request, English applies.
import { describe, expect, it } from 'vitest';
import { suggestQuestions, type BriefingFacts } from '$lib/domain/briefing';
import { paramErrorWords, questionWords } from '$lib/i18n/briefing-words';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { newSittingSchema, sittingLabels } from '$lib/server/forms/sitting';
import { formatRowError, parseBudgetCsv } from '$lib/server/services/budget-import';
import { validateForm } from '$lib/server/forms/validation';
import { conflictMessage } from '$lib/server/forms/failure';

/** Runs `fn` as the handling of a POST to `path`, the way the server hook does. */
async function during<T>(path: string, fn: () => T): Promise<T> {
	let result: T | undefined;
	await paraglideMiddleware(new Request(`http://localhost${path}`, { method: 'POST' }), () => {
		result = fn();
		return new Response(null);
	});
	return result as T;
}

const emptySitting = () => {
	const form = new FormData();
	form.set('committee_id', '1');
	form.set('subject', 'Appearance of the Cabinet Secretary');
	return validateForm(form, newSittingSchema, { labels: sittingLabels });
};

describe('validation messages', () => {
	it('are in Kiswahili during a /sw request and name the field', async () => {
		const result = await during('/sw/workspace/sittings/new', emptySitting);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.sat_on).toBe('Jaza tarehe ya kikao');
		expect(result.errors.source_title).toBe('Jaza kichwa cha chanzo');
	});

	it('are in English during an English request, and outside any request', async () => {
		const result = await during('/workspace/sittings/new', emptySitting);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors.sat_on).toBe('Enter date of the sitting');
		const outside = emptySitting();
		if (!outside.ok) expect(outside.errors.source_title).toBe('Enter source title');
		expect.assertions(3);
	});

	it('keep the language across an await inside the request', async () => {
		const result = await during('/sw/admin/users', () =>
			Promise.resolve().then(() => conflictMessage('milestone', 'Amina', null))
		);
		expect(await result).toBe(
			'Mtu mwingine alihifadhi rekodi hii (hatua muhimu; Amina) baada ya wewe kuifungua. Mabadiliko yako yako hapa chini na hayajahifadhiwa. Pitia toleo la sasa, kisha uhifadhi tena.'
		);
	});
});

describe('CSV import errors', () => {
	const csv = [
		'fiscal_year,vote_code,vote_name,programme,sub_programme,economic_class,phase,amount_kes,as_of,source_title,source_url',
		'2025/26,1021,State Department,Policing,,recurrent,approved,12.5,2025-07-01,Estimates,'
	].join('\n');

	it('name the line and the column in both languages', async () => {
		const english = (await parseBudgetCsv(csv)).errors.map(formatRowError);
		expect(english).toEqual([
			'Line 2, column amount_kes: "12.5" is not a whole number of shillings'
		]);
		// Read and formatted inside the request: the streamed reader keeps its language.
		const kiswahili = await during('/sw/workspace/budget/import', async () =>
			(await parseBudgetCsv(csv)).errors.map(formatRowError)
		);
		expect(kiswahili).toEqual([
			'Mstari 2, safu wima amount_kes: "12.5" si idadi kamili ya shilingi'
		]);
	});
});

describe('briefing questions', () => {
	const facts: BriefingFacts = {
		newlyOverdue: [],
		stillOverdue: [],
		lateMilestones: [],
		dueSoon: [],
		milestonesDueSoon: [],
		dueDateMoves: [],
		money: [],
		noBudgetLine: [{ ref: 'DCAIS/2025/001', title: 'Create a special unit' }]
	};

	it('follow the request’s language; recorded titles stay as recorded', async () => {
		const [q] = suggestQuestions(facts);
		const en = await during('/briefing', () => questionWords(q!));
		const sw = await during('/sw/briefing', () => questionWords(q!));
		expect(en.text).toMatch(/^No budget line has been identified for “Create a special unit”/);
		expect(sw.text).toMatch(
			/^Hakuna kifungu cha bajeti kilichotambuliwa kwa “Create a special unit”/
		);
		expect(sw.fact).toBe('Hakuna kifungu cha bajeti kilichotambuliwa.');
		const error = await during('/sw/briefing', () => paramErrorWords({ committee: 'unknown' }, ''));
		expect(error.committee).toBe(
			'Hakuna kamati yenye jina hilo: chagua moja kutoka kwenye orodha.'
		);
	});
});
