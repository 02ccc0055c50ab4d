// The sitting: committee, date (English and Kiswahili), subject and who appeared.
import { describe, expect, it } from 'vitest';
import { sittingOf, speechesOf } from '../../../src/lib/server/transcript/index';
import { docOf } from './doc';

function sitting(text: string) {
	const doc = docOf(text);
	return sittingOf(doc, speechesOf(doc).speeches);
}

describe('sittingOf', () => {
	it('finds the committee, date, subject and the government side', () => {
		expect(
			sitting(`REPUBLIC OF KENYA
THE NATIONAL ASSEMBLY
DEPARTMENTAL COMMITTEE ON ADMINISTRATION AND INTERNAL
SECURITY
HANSARD REPORT OF THE SITTING held on Tuesday, 14th October, 2025 at 10.00 a.m.
MEETING WITH THE CABINET SECRETARY FOR INTERIOR
The Chairperson (Hon. Gabriel Tongoyo): Welcome.
The Cabinet Secretary for Interior and National Administration (Hon. Kipchumba Murkomen): Thank you.
The Principal Secretary, State Department for Internal Security (Dr Raymond Omollo): Thank you.
The Cabinet Secretary: We will.`)
		).toEqual({
			committee: 'Departmental Committee on Administration and Internal Security',
			satOn: '2025-10-14',
			subject: 'Meeting with the Cabinet Secretary for Interior',
			appeared: [
				{
					name: 'Kipchumba Murkomen',
					title: 'Cabinet Secretary for Interior and National Administration'
				},
				{
					name: 'Raymond Omollo',
					title: 'Principal Secretary, State Department for Internal Security'
				}
			]
		});
	});

	it('reads a Kiswahili committee and date', () => {
		const s = sitting(`Kamati ya Utawala na Usalama wa Ndani
Jumanne, 14 Oktoba, 2025
Mhe. Spika: Karibu.`);
		expect([s.committee, s.satOn]).toEqual(['Kamati ya Utawala na Usalama wa Ndani', '2025-10-14']);
	});

	it('finds a named committee such as the Public Accounts Committee', () => {
		expect(
			sitting(`PUBLIC ACCOUNTS COMMITTEE
Wednesday, 24th September, 2025
Hon. Member: Thank you.`).committee
		).toBe('Public Accounts Committee');
	});
});
