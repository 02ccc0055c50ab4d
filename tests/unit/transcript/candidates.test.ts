// Which sentences are proposed as undertakings, and why; titles, types, places and due dates.
import { describe, expect, it } from 'vitest';
import {
	candidatesOf,
	CANDIDATE_THRESHOLD,
	sittingOf,
	speechesOf
} from '../../../src/lib/server/transcript/index';
import { signalsOf } from '../../../src/lib/server/transcript/signals';
import { docOf } from './doc';

function candidates(text: string) {
	const doc = docOf(text);
	const { speeches } = speechesOf(doc);
	return candidatesOf(speeches, sittingOf(doc, speeches));
}

const HEADER = `DEPARTMENTAL COMMITTEE ON ADMINISTRATION AND INTERNAL SECURITY
Tuesday, 14th October, 2025`;
const CS =
	'The Cabinet Secretary for Interior and National Administration (Hon. Kipchumba Murkomen):';

describe('candidatesOf', () => {
	it("proposes a minister's future with its signals, title, type and the sentence's own line", () => {
		const found = candidates(`${HEADER}
${CS} Thank you, Chair. The situation is serious.
We will create a special anti-human-trafficking unit within the DCI within thirty days.`);
		expect(found).toHaveLength(1);
		const c = found[0]!;
		expect(c.quote).toBe(
			'We will create a special anti-human-trafficking unit within the DCI within thirty days.'
		);
		expect(c.title).toBe(
			'Create a special anti-human-trafficking unit within the DCI within thirty days'
		);
		expect(c.type).toBe('institution');
		expect(c.signals).toEqual(
			expect.arrayContaining(['first_person_future', 'government_speaker', 'time_phrase'])
		);
		expect(c.score).toBeGreaterThanOrEqual(CANDIDATE_THRESHOLD);
		expect([c.page, c.line]).toEqual([1, 4]);
		expect([c.dueOn, c.dueReason]).toEqual(['2025-11-13', 'within thirty days']);
		expect(c.speaker.name).toBe('Kipchumba Murkomen');
		expect(c.context).toContain('The situation is serious.');
	});

	it('proposes the Lok Sabha expressions and a Ministry as subject', () => {
		const quotes = candidates(`${HEADER}
${CS} I shall look into it. Enquiries are being made. The Ministry intends to table the Security Laws (Amendment) Bill.`).map(
			(c) => [c.quote, c.type]
		);
		expect(quotes).toEqual([
			['I shall look into it.', 'policy'],
			['Enquiries are being made.', 'policy'],
			['The Ministry intends to table the Security Laws (Amendment) Bill.', 'legislation']
		]);
	});

	it("does not propose a Member's question, even with will", () => {
		const found = candidates(`${HEADER}
Hon. Robert Mbui (Kathiani, WDM): When will the Ministry operationalise the unit? Will the Cabinet Secretary commit to a date
Could the CS tell us whether the Ministry will recruit more officers?`);
		expect(found).toEqual([]);
	});

	it("does not propose the Chair's procedure or the committee's next steps", () => {
		const found = candidates(`${HEADER}
The Chairperson (Hon. Gabriel Tongoyo): We will now proceed to the next item. The Committee will write to the National Treasury. I will now invite the Cabinet Secretary. We shall adjourn at noon.`);
		expect(found).toEqual([]);
	});

	it('does not propose a past action or a minister handing over', () => {
		const found = candidates(`${HEADER}
${CS} We have already recruited 500 officers. The unit was established in 2019. We did gazette the rules. I will now take the Committee through the presentation. The Principal Secretary will give the figures.`);
		expect(found).toEqual([]);
	});

	it('says why a past action is held back', () => {
		const ctx = {
			speaker: {
				name: 'Kipchumba Murkomen',
				title: 'Cabinet Secretary',
				role: 'minister' as const
			},
			form: 'spoken' as const,
			satOn: '2025-10-14'
		};
		expect(signalsOf('We have already recruited 500 officers.', ctx)).toContain('past_action');
		expect(signalsOf('The unit was established in 2019.', ctx)).toContain('past_action');
		expect(signalsOf('We will recruit 500 officers.', ctx)).not.toContain('past_action');
	});

	it("says why the Chair's procedure is held back", () => {
		const chair = {
			speaker: { name: 'Gabriel Tongoyo', title: 'Chairperson', role: 'chair' as const },
			form: 'spoken' as const,
			satOn: '2025-10-14'
		};
		for (const s of [
			'We will now proceed to the next item.',
			'The Committee will write to the National Treasury.'
		]) {
			expect(signalsOf(s, chair)).toContain('procedure');
		}
	});

	it("does not propose a minister's talk about the sitting itself", () => {
		const found = candidates(`${HEADER}
${CS} We will be happy to answer any questions. We will see. I want to thank the Committee. Members will recall that we were here last year. It will interest you to know that crime has dropped. I will give you a written answer within seven days.`);
		expect(found.map((c) => c.quote)).toEqual([
			'I will give you a written answer within seven days.'
		]);
	});

	it("does not propose a Member's remark with we will", () => {
		expect(
			candidates(`${HEADER}
Hon. Robert Mbui (Kathiani, WDM): We will hold this Ministry to account for every shilling.`)
		).toEqual([]);
	});

	it('proposes Kiswahili futures, with a Kiswahili due date', () => {
		const found = candidates(`${HEADER}
Waziri wa Usalama wa Ndani (Mhe. Kipchumba Murkomen): Asante, Mhe. Mwenyekiti. Tutaweka kitengo maalum cha kupambana na ulanguzi wa binadamu. Nitawasilisha ripoti kwa Kamati ndani ya siku thelathini.`);
		expect(found.map((c) => c.quote)).toEqual([
			'Tutaweka kitengo maalum cha kupambana na ulanguzi wa binadamu.',
			'Nitawasilisha ripoti kwa Kamati ndani ya siku thelathini.'
		]);
		expect(found[0]?.signals).toContain('kiswahili_future');
		expect(found[1]?.dueOn).toBe('2025-11-13');
	});

	it('does not propose a Kiswahili procedure', () => {
		expect(
			candidates(`${HEADER}
Waziri wa Usalama wa Ndani (Mhe. Kipchumba Murkomen): Mhe. Mwenyekiti, nitajibu kwa Kiswahili.`)
		).toEqual([]);
	});

	it('joins a sentence that carries on the same undertaking', () => {
		const found = candidates(`${HEADER}
${CS} We will create a special unit within the DCI. This unit will report to the Inspector-General. Thank you.`);
		expect(found.map((c) => c.quote)).toEqual([
			'We will create a special unit within the DCI. This unit will report to the Inspector-General.'
		]);
	});

	it("proposes a news report's reported speech, resolving he to the last person named", () => {
		const found = candidates(`Murkomen unveils unit
Interior CS Kipchumba Murkomen appeared before the committee on Tuesday, 14th October, 2025.
He told the committee that the ministry would establish a special unit within the DCI.
Kathiani MP Robert Mbui asked when the ministry would act.
He said the government had already recruited 500 officers.`);
		expect(found.map((c) => [c.quote, c.speaker.name])).toEqual([
			[
				'He told the committee that the ministry would establish a special unit within the DCI.',
				'Kipchumba Murkomen'
			]
		]);
		expect(found[0]?.signals).toContain('reported_speech');
	});
});
