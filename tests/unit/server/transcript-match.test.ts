// Matching what a transcript names to the reference lists: sure matches only, since a wrong one
// would attach an undertaking to the wrong person; anything uncertain is proposed as new.
import { describe, expect, it } from 'vitest';
import {
	guessOrganisation,
	matchCommittee,
	matchOffice,
	matchPerson
} from '../../../src/lib/server/transcript/match';

const people = [
	{ id: 1, name: 'Kipchumba Murkomen' },
	{ id: 2, name: 'Raymond Omollo' },
	{ id: 3, name: 'John Mbadi' },
	{ id: 4, name: 'Aden Duale' },
	{ id: 5, name: 'John Mwangi' }
];
const offices = [
	{ id: 10, title: 'Cabinet Secretary, Interior and National Administration', organisationId: 100 },
	{
		id: 11,
		title: 'Principal Secretary, Internal Security and National Administration',
		organisationId: 101
	},
	{
		id: 12,
		title: 'Cabinet Secretary, National Treasury and Economic Planning',
		organisationId: 102
	}
];
const organisations = [
	{ id: 100, name: 'Ministry of Interior and National Administration' },
	{ id: 101, name: 'State Department for Internal Security and National Administration' },
	{ id: 102, name: 'The National Treasury' }
];

describe('matchPerson', () => {
	it('matches a name with honorifics, accents or an extra name, but not an ambiguous one', () => {
		expect(matchPerson('Hon. Kipchumba Murkomen', people)).toBe(1);
		expect(matchPerson('Dr Raymond Omollo, PhD', people)).toBe(2);
		expect(matchPerson('Hon. Onesimus Kipchumba Murkomen', people)).toBe(1);
		expect(matchPerson('Mhe. Kipchúmba Murkomen', people)).toBe(1);
		expect(matchPerson('John', people)).toBeNull();
		expect(matchPerson('Hon. John', people)).toBeNull();
		expect(matchPerson('Hon. Robert Mbui', people)).toBeNull();
		expect(matchPerson('Hon.', people)).toBeNull();
	});
});

describe('matchOffice', () => {
	it('prefers the offices the person holds, and needs most words in common otherwise', () => {
		expect(
			matchOffice('Cabinet Secretary for Interior and National Administration', offices, [10])
		).toBe(10);
		expect(matchOffice(null, offices, [11])).toBe(11);
		expect(matchOffice(null, offices, [10, 11])).toBeNull();
		expect(matchOffice('Cabinet Secretary, National Treasury and Economic Planning', offices)).toBe(
			12
		);
		expect(matchOffice('Cabinet Secretary', offices)).toBeNull();
		expect(matchOffice('Director of Criminal Investigations', offices, [10])).toBeNull();
	});
});

describe('guessOrganisation', () => {
	it('finds the organisation whose name a title mostly contains', () => {
		expect(
			guessOrganisation('Cabinet Secretary for Interior and National Administration', organisations)
		).toBe(100);
		expect(
			guessOrganisation(
				'Cabinet Secretary for the National Treasury and Economic Planning',
				organisations
			)
		).toBe(102);
		expect(guessOrganisation('Cabinet Secretary for Health', organisations)).toBeNull();
		expect(guessOrganisation(null, organisations)).toBeNull();
	});
});

describe('matchCommittee', () => {
	const committees = [
		{
			id: 1,
			name: 'Departmental Committee on Administration and Internal Security',
			abbreviation: 'DCAIS'
		},
		{ id: 2, name: 'Public Accounts Committee', abbreviation: 'PAC' },
		{ id: 3, name: 'Budget and Appropriations Committee', abbreviation: 'BAC' }
	];
	it('matches the name as Hansard prints it, in capitals, or the abbreviation', () => {
		expect(
			matchCommittee('DEPARTMENTAL COMMITTEE ON ADMINISTRATION AND INTERNAL SECURITY', committees)
		).toBe(1);
		expect(matchCommittee('The Public Accounts Committee', committees)).toBe(2);
		expect(matchCommittee('PAC', committees)).toBe(2);
		expect(matchCommittee('Departmental Committee on Health', committees)).toBeNull();
		expect(matchCommittee(null, committees)).toBeNull();
	});
});
