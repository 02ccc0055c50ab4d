// The sitting services refuse an appearance list as a whole (field `appearances`); the form has
// no such field, so the message must show next to the first appearance row, where the clerk
// looks, and every other field's message stays where it was.
import { describe, expect, it } from 'vitest';
import { sittingFormErrors } from '$lib/server/forms/sitting';

describe('sittingFormErrors', () => {
	it('shows a refusal of the appearances next to the first row', () => {
		expect(sittingFormErrors({ appearances: 'Select a current person' })).toEqual({
			appearance_person_0: 'Select a current person'
		});
	});

	it('leaves the other fields where they are', () => {
		expect(sittingFormErrors({ committee_id: 'Select a committee', sat_on: 'Too early' })).toEqual({
			committee_id: 'Select a committee',
			sat_on: 'Too early'
		});
	});
});
