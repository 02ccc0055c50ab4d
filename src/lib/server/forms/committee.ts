import { z } from 'zod';
import { optionalId, text } from './fields';

export const committeeFields = {
	name: text(200),
	abbreviation: z
		.string()
		.trim()
		.regex(/^[A-Z][A-Z0-9]{1,11}$/, 'Enter 2 to 12 capital letters or digits, such as DCAIS'),
	house: z.enum(['national_assembly', 'senate'], { error: 'Select the House' }),
	chair_person_id: optionalId('a chair')
};

export const addCommitteeSchema = z.object(committeeFields);
export const editCommitteeSchema = z.object({
	committee_id: z
		.string()
		.regex(/^[1-9]\d{0,14}$/, 'Select a committee')
		.transform(Number),
	...committeeFields
});

export const committeeLabels: Record<string, string> = {
	name: 'Name',
	abbreviation: 'Abbreviation',
	house: 'House',
	chair_person_id: 'Chair'
};
