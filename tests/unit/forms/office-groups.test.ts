// The office choices beside a person: their own offices first, then the rest; with no person
// chosen, offices grouped under whoever holds them, so a clerk without JavaScript finds them.
import { describe, expect, it } from 'vitest';
import { officeGroups } from '../../../src/lib/forms/office-groups';

const offices = [
	{ id: 1, label: 'Cabinet Secretary, Interior' },
	{ id: 2, label: 'Principal Secretary, Internal Security' },
	{ id: 3, label: 'Cabinet Secretary, Treasury' }
];
const people = [
	{ id: 10, label: 'Kipchumba Murkomen' },
	{ id: 11, label: 'Raymond Omollo' },
	{ id: 12, label: 'Nobody Holding (test data)' }
];
const holdings = [
	{ personId: 10, officeId: 1 },
	{ personId: 11, officeId: 2 },
	{ personId: 11, officeId: 2 }
];
const words = { heldBy: (name: string) => `Offices held by ${name}`, other: 'Other offices' };
const shape = (groups: ReturnType<typeof officeGroups>) =>
	groups.map((g) => [g.label, g.options.map((o) => o.value)]);

describe('officeGroups', () => {
	it('puts the chosen person’s offices first and every other office after', () => {
		expect(shape(officeGroups(offices, people, holdings, '10', words))).toEqual([
			['Offices held by Kipchumba Murkomen', [1]],
			['Other offices', [2, 3]]
		]);
	});

	it('groups offices by holder when no person is chosen, each office offered', () => {
		expect(shape(officeGroups(offices, people, holdings, '', words))).toEqual([
			['Offices held by Kipchumba Murkomen', [1]],
			['Offices held by Raymond Omollo', [2]],
			['Other offices', [3]]
		]);
	});

	it('offers every office to a person with none recorded', () => {
		expect(shape(officeGroups(offices, people, holdings, '12', words))).toEqual([
			['Other offices', [1, 2, 3]]
		]);
	});
});
