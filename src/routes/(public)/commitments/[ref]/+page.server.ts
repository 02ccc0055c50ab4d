import { error } from '@sveltejs/kit';
import {
	attributeShare,
	daysOverdue,
	deliveryProgress,
	summariseLine,
	todayInNairobi
} from '$lib/domain';
import { db } from '$lib/server/db/client';
import { getPublishedCommitment } from '$lib/server/queries/commitments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const c = await getPublishedCommitment(db, params.ref);
	// Drafts and unknown refs answer alike, so a draft's existence does not leak.
	if (!c) error(404, 'No published commitment has this reference.');
	const today = todayInNairobi();
	const grantedUntil = c.requests
		.filter((r) => r.kind === 'extension' && r.decision === 'granted' && r.granted_until)
		.map((r) => r.granted_until as string);
	const money = c.funding.map((link) => {
		const line = summariseLine(link.figures);
		return {
			...link,
			summary: line,
			attributed: attributeShare(line, link.share)
		};
	});
	return {
		commitment: c,
		progress: deliveryProgress(c.milestones),
		daysOverdue: daysOverdue(
			{ dueOn: c.dueOn, deliveryStatus: c.deliveryStatus, grantedExtensionsUntil: grantedUntil },
			today
		),
		money
	};
};
