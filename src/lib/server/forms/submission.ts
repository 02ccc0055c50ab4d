// The forms of the ministry's right of reply: a submission (its kind and content, and files),
// the committee's decision on it, and an invitation. Files are streamed to disk by `readSubmissionForm`; the
// rules that depend on the commitment are the service's (services/ministry-replies.ts).
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { DELIVERY_STATUSES } from '../../domain';
import {
	MAX_DOCUMENT_BYTES,
	MAX_DOCUMENTS,
	type SubmissionInput
} from '../services/ministry-replies';
import { idField, isoDate, optionalId, optionalText, text, versionField } from './fields';
import { readStreamedForm } from './streamed-form';

export const SUBMISSION_KINDS = ['report', 'extension', 'drop'] as const;
export const SUBMISSION_DECISIONS = ['received', 'returned', 'granted', 'refused'] as const;
export const CHANNELS = ['paper', 'email'] as const;

export const submissionSchema = z.object({
	kind: z.enum(SUBMISSION_KINDS, { error: () => m.mr_choose_kind() }),
	body: optionalText(20_000),
	claimed_status: z.enum(DELIVERY_STATUSES).optional(),
	requested_until: isoDate().optional(),
	approved_by: optionalText(300),
	approved_on: isoDate().optional(),
	submission_id: optionalId(m.mr_f_submission),
	version: versionField().optional(),
	remove_document: z
		.array(
			z
				.string()
				.regex(/^[1-9]\d{0,14}$/)
				.transform(Number)
		)
		.default([])
});

export const onBehalfSchema = submissionSchema.extend({
	channel: z.enum(CHANNELS, { error: () => m.mr_choose_channel() }),
	sent_on: isoDate()
});

export const sendSchema = z.object({
	submission_id: idField(m.mr_f_submission),
	version: versionField()
});

export const decisionSchema = z.object({
	version: versionField(),
	decision: z.enum(SUBMISSION_DECISIONS, { error: () => m.mr_choose_decision() }),
	decision_note: text(5000),
	granted_until: isoDate().optional()
});

export const inviteSchema = z.object({
	name: text(200),
	email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
	organisation_id: idField(m.f_the_organisation)
});

export const submissionLabels = {
	kind: m.mr_f_kind,
	body: m.mr_f_body,
	claimed_status: m.mr_f_claimed_status,
	requested_until: m.mr_f_requested_until,
	approved_by: m.mr_f_approved_by,
	approved_on: m.mr_f_approved_on,
	channel: m.mr_f_channel,
	sent_on: m.mr_f_sent_on,
	documents: m.mr_f_documents,
	decision: m.mr_f_decision,
	decision_note: m.mr_f_decision_note,
	granted_until: m.mr_f_granted_until,
	name: m.mr_f_name,
	email: m.mr_f_email,
	organisation_id: m.f_organisation
};

export function submissionInputOf(d: z.infer<typeof submissionSchema>): SubmissionInput {
	return {
		kind: d.kind,
		body: d.body ?? '',
		claimedStatus: d.claimed_status ?? null,
		requestedUntil: d.requested_until ?? null,
		approvedBy: d.approved_by,
		approvedOn: d.approved_on ?? null
	};
}

/**
 * Reads a submission form as it arrives: its text fields, and the files of its `documents` input
 * staged on disk (one more than a submission may hold, so that the service can say so). The
 * caller must `discard()` it once done.
 */
export function readSubmissionForm(request: Request) {
	return readStreamedForm(request, {
		fileField: 'documents',
		maxFileBytes: MAX_DOCUMENT_BYTES,
		maxFiles: MAX_DOCUMENTS + 1
	});
}
