// Evidence items typed into a form (a milestone marked met, an update): the form fields of each
// numbered slot, and the rules an item must meet before it is written. Field names are
// `evidence_<field>_<slot>`, so errors land next to the right box.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { EVIDENCE_TYPES, type EvidenceType } from '../../domain';
import { httpUrl, isoDate, optionalText } from '../forms/fields';
import type { NewEvidence } from '../queries/workspace-updates';

export const EVIDENCE_PARTS = ['type', 'title', 'url', 'on', 'excerpt'] as const;
type Part = (typeof EVIDENCE_PARTS)[number];

export const evidenceKey = (part: Part, slot: number) => `evidence_${part}_${slot}`;

/** The zod fields of evidence slots 1..count, every one optional (a slot may stay empty). */
export function evidenceFields(count: number) {
	const fields: Record<string, z.ZodType> = {};
	for (let slot = 1; slot <= count; slot++) {
		fields[evidenceKey('type', slot)] = z.enum(EVIDENCE_TYPES).optional();
		fields[evidenceKey('title', slot)] = optionalText(200);
		fields[evidenceKey('url', slot)] = httpUrl().optional();
		fields[evidenceKey('on', slot)] = isoDate().optional();
		fields[evidenceKey('excerpt', slot)] = optionalText(2000);
	}
	return fields;
}

/** Field names for error messages, as message functions (in the request's language). */
export function evidenceLabels(count: number): Record<string, () => string> {
	const labels: Record<string, () => string> = {};
	for (let slot = 1; slot <= count; slot++) {
		const of = () =>
			count > 1 ? m.evidence_of_numbered({ slot: String(slot) }) : m.evidence_of_single();
		labels[evidenceKey('type', slot)] = () => m.evidence_label_type({ of: of() });
		labels[evidenceKey('title', slot)] = () => m.evidence_label_title({ of: of() });
		labels[evidenceKey('url', slot)] = () => m.evidence_label_url({ of: of() });
		labels[evidenceKey('on', slot)] = () => m.evidence_label_on({ of: of() });
		labels[evidenceKey('excerpt', slot)] = () => m.evidence_label_excerpt({ of: of() });
	}
	return labels;
}

/** One slot as typed: every part may be missing. */
export interface EvidenceDraft {
	slot: number;
	type?: EvidenceType;
	title?: string;
	url?: string;
	publishedOn?: string;
	excerpt?: string;
}

/** The slots where anything was typed (an untouched slot is not an item). */
export function evidenceDraftsOf(data: Record<string, unknown>, count: number): EvidenceDraft[] {
	const drafts: EvidenceDraft[] = [];
	for (let slot = 1; slot <= count; slot++) {
		// An empty optional box is null or undefined, depending on its schema.
		const get = (part: Part) =>
			(data[evidenceKey(part, slot)] as string | null | undefined) ?? undefined;
		const draft: EvidenceDraft = {
			slot,
			type: get('type') as EvidenceType | undefined,
			title: get('title'),
			url: get('url'),
			publishedOn: get('on'),
			excerpt: get('excerpt')
		};
		if (EVIDENCE_PARTS.some((p) => get(p) !== undefined)) drafts.push(draft);
	}
	return drafts;
}

/**
 * Checks that each started item names its type and title and is not dated in the future;
 * adds the problems to `errors` and returns the complete items.
 */
export function checkEvidenceDrafts(
	drafts: readonly EvidenceDraft[],
	today: string,
	errors: Record<string, string>
): NewEvidence[] {
	const items: NewEvidence[] = [];
	for (const d of drafts) {
		const before = Object.keys(errors).length;
		if (!d.type) errors[evidenceKey('type', d.slot)] = m.svc_ev_select_type();
		if (!d.title) errors[evidenceKey('title', d.slot)] = m.svc_ev_enter_title();
		if (d.publishedOn && d.publishedOn > today) {
			errors[evidenceKey('on', d.slot)] = m.svc_ev_date_future();
		}
		if (Object.keys(errors).length > before || !d.type || !d.title) continue;
		items.push({
			type: d.type,
			title: d.title,
			url: d.url ?? null,
			publishedOn: d.publishedOn ?? null,
			excerpt: d.excerpt ?? null
		});
	}
	return items;
}
