import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { FieldLabel } from './validation';
import { optionalId, text } from './fields';

export const committeeFields = {
	name: text(200),
	abbreviation: z
		.string()
		.trim()
		.regex(/^[A-Z][A-Z0-9]{1,11}$/, { error: () => m.ck_v_abbreviation() }),
	house: z.enum(['national_assembly', 'senate'], { error: () => m.ck_v_house() }),
	chair_person_id: optionalId(m.ck_a_chair)
};

export const addCommitteeSchema = z.object(committeeFields);
export const editCommitteeSchema = z.object({
	committee_id: z
		.string()
		.regex(/^[1-9]\d{0,14}$/, { error: () => m.ck_v_committee() })
		.transform(Number),
	...committeeFields
});

export const committeeLabels: Record<string, FieldLabel> = {
	name: m.ck_name,
	abbreviation: m.ck_abbreviation,
	house: m.ck_house,
	chair_person_id: m.ck_chair
};
