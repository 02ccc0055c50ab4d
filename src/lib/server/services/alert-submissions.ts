// "When a ministry sends something, at once": the clerks of the commitment's committee get one
// message per submission, queued in the transaction that sends it (call it from there).
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { composeSubmission } from '../alerts/compose';
import { mailHeaders, originFromEnv } from '../alerts/render';
import { getSubmissionForAlert, listClerksOfCommittees } from '../queries/alerts';
import { insertOutboxMessage } from '../queries/outbox';

/** Queues the message about submission `submissionId` to its committee's clerks; returns how many. */
export async function enqueueSubmissionAlerts(
	trx: Transaction<DB>,
	submissionId: number,
	{ origin = originFromEnv(), now = Date.now() }: { origin?: string; now?: number } = {}
): Promise<number> {
	const submission = await getSubmissionForAlert(trx, submissionId);
	if (!submission) return 0;
	let queued = 0;
	for (const clerk of await listClerksOfCommittees(trx, [submission.committeeId])) {
		const lang = clerk.language;
		const dedupeKey = `submission:${submissionId}:u${clerk.userId}`;
		const mail = composeSubmission({ lang, origin, footer: { kind: 'account' }, submission });
		const written = await insertOutboxMessage(
			trx,
			{
				dedupeKey,
				recipient: clerk.email,
				language: lang,
				kind: 'submission',
				...mail,
				headers: mailHeaders({ dedupeKey, origin, lang, automatic: true })
			},
			now
		);
		if (written) queued++;
	}
	return queued;
}
