// The forms of recording a sitting from its transcript: the upload, and the review (the sitting
// as found, who appeared, and a decision on each proposed undertaking). The review's fields are
// numbered by row and by proposal, so its schema is built for the transcript being reviewed.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { COMMITMENT_TYPES } from '../../domain';
import type { AppearanceRow, CandidateReview, ReviewInput } from '../services/transcripts';
import { REJECT_REASONS } from '../services/transcripts';
import type { FieldLabel } from './validation';
import { idField, isoDate, optionalId, optionalText, optionalUrl, text } from './fields';

export const uploadSchema = z.object({
	committee_id: optionalId(m.f_the_committee),
	pasted: z.string().max(2_000_000).optional()
});

export const REVIEW_ACTIONS = ['accept', 'merge', 'reject', 'later'] as const;

/** One more row than was found, for someone the transcript did not name. */
export const extraRows = 1;

const newOrId = z.union([z.literal('new'), z.string().regex(/^[1-9]\d{0,14}$/)]).optional();

/** The review form's schema, for `rows` rows of who appeared and these proposals. */
export function reviewSchema(rows: number, candidateIds: readonly number[], needsSitting: boolean) {
	const shape: Record<string, z.ZodType> = { rule_id: idField(m.f_a_deadline_rule) };
	if (needsSitting) {
		Object.assign(shape, {
			sat_on: isoDate(),
			subject: text(500),
			source_title: text(300),
			source_url: optionalUrl(),
			source_locator: optionalText(200)
		});
		for (let i = 0; i < rows; i++) {
			shape[`ap_include_${i}`] = z.literal('on').optional();
			shape[`ap_person_${i}`] = newOrId;
			shape[`ap_name_${i}`] = optionalText(200);
			shape[`ap_office_${i}`] = newOrId;
			shape[`ap_title_${i}`] = optionalText(300);
			shape[`ap_org_${i}`] = optionalId(m.f_the_organisation);
		}
	}
	for (const id of candidateIds) {
		shape[`d_${id}`] = z.enum(REVIEW_ACTIONS).optional();
		shape[`title_${id}`] = optionalText(200);
		shape[`quote_${id}`] = optionalText(5000);
		shape[`due_${id}`] = isoDate().optional();
		shape[`type_${id}`] = z.enum(COMMITMENT_TYPES).optional();
		shape[`by_${id}`] = z
			.string()
			.regex(/^\d{1,3}$/)
			.optional();
		shape[`reason_${id}`] = z.enum(REJECT_REASONS).optional();
	}
	return z.object(shape);
}

/** Field names in words, numbered as the page numbers rows and proposals. */
export function reviewLabels(rows: number, candidateIds: readonly number[]) {
	const labels: Record<string, FieldLabel> = {
		rule_id: m.f_deadline_rule,
		sat_on: m.f_sat_on,
		subject: m.f_subject,
		source_title: m.f_source_title,
		source_url: m.f_source_url,
		source_locator: m.f_source_locator
	};
	for (let i = 0; i < rows; i++) {
		const n = String(i + 1);
		labels[`ap_person_${i}`] = () => m.tr_f_person({ n });
		labels[`ap_name_${i}`] = () => m.tr_f_new_name({ n });
		labels[`ap_office_${i}`] = () => m.tr_f_office({ n });
		labels[`ap_title_${i}`] = () => m.tr_f_new_title({ n });
		labels[`ap_org_${i}`] = () => m.tr_f_organisation({ n });
	}
	candidateIds.forEach((id, index) => {
		const n = String(index + 1);
		labels[`d_${id}`] = () => m.tr_f_decision({ n });
		labels[`title_${id}`] = () => m.tr_f_title({ n });
		labels[`quote_${id}`] = () => m.tr_f_quote({ n });
		labels[`due_${id}`] = () => m.tr_f_due({ n });
		labels[`type_${id}`] = () => m.tr_f_type({ n });
		labels[`by_${id}`] = () => m.tr_f_given_by({ n });
		labels[`reason_${id}`] = () => m.tr_f_reason({ n });
	});
	return labels;
}

type Parsed = Record<string, unknown>;

/**
 * The service's input from a valid form, or the errors of what only the rows together can say:
 * a row kept without a person or an office, a new one without its name, title or organisation.
 */
export function reviewInputOf(
	data: Parsed,
	rows: number,
	candidates: readonly { id: number; title: string; quote: string; type: string }[],
	needsSitting: boolean
): { input: ReviewInput; errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	const appearances: AppearanceRow[] = [];
	if (needsSitting) {
		for (let i = 0; i < rows; i++) {
			if (data[`ap_include_${i}`] !== 'on') continue;
			const person = data[`ap_person_${i}`] as string | undefined;
			const office = data[`ap_office_${i}`] as string | undefined;
			const name = data[`ap_name_${i}`] as string | null;
			const title = data[`ap_title_${i}`] as string | null;
			const org = data[`ap_org_${i}`] as number | undefined;
			if (person === undefined) errors[`ap_person_${i}`] = m.v_select_who_appeared();
			else if (person === 'new' && !name) errors[`ap_name_${i}`] = m.tr_new_name_needed();
			if (office === undefined) errors[`ap_office_${i}`] = m.v_select_office_appeared();
			else if (office === 'new' && !title) errors[`ap_title_${i}`] = m.tr_new_title_needed();
			else if (office === 'new' && org === undefined) errors[`ap_org_${i}`] = m.tr_new_org_needed();
			if (person === undefined || office === undefined) continue;
			appearances.push({
				row: i,
				person: person === 'new' ? { create: { name: name ?? '' } } : { id: Number(person) },
				office:
					office === 'new'
						? { create: { title: title ?? '', organisationId: org ?? 0 } }
						: { id: Number(office) }
			});
		}
		if (appearances.length === 0 && Object.keys(errors).length === 0) {
			errors.ap_person_0 = m.v_select_one_appeared();
		}
	}
	const reviews: CandidateReview[] = [];
	for (const c of candidates) {
		const action = data[`d_${c.id}`] as (typeof REVIEW_ACTIONS)[number] | undefined;
		if (action === undefined || action === 'later') continue;
		const reason = (data[`reason_${c.id}`] as string | undefined) ?? null;
		if (action === 'reject' && reason === null) errors[`reason_${c.id}`] = m.tr_reason_needed();
		reviews.push({
			candidateId: c.id,
			action,
			title: (data[`title_${c.id}`] as string | null) ?? '',
			quote: (data[`quote_${c.id}`] as string | null) ?? '',
			dueOn: (data[`due_${c.id}`] as string | undefined) ?? null,
			type: ((data[`type_${c.id}`] as string | undefined) ?? c.type) as CandidateReview['type'],
			givenBy: Number((data[`by_${c.id}`] as string | undefined) ?? 0),
			reason
		});
	}
	const sitting = needsSitting
		? {
				satOn: data.sat_on as string,
				subject: data.subject as string,
				sourceTitle: data.source_title as string,
				sourceUrl: (data.source_url as string | null) ?? null,
				sourceLocator: (data.source_locator as string | null) ?? null,
				appearances
			}
		: null;
	return { input: { sitting, ruleId: data.rule_id as number, reviews }, errors };
}
