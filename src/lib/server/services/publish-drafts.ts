// Publishing several drafts of one sitting at once, from the sitting's page. Each draft goes
// through publishCommitment, in its own transaction with its own audit rows, so one that cannot
// be published (someone changed it meanwhile) is reported by ref and the others still publish.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { InputError, NotFoundError, StaleRecordError } from '../errors';
import { listSittingCommitmentStates } from '../queries/workspace-commitments';
import { publishCommitment, type Editor } from './workspace-commitments';
import { m } from '../../paraglide/messages';

export interface PublishOutcome {
	/** Refs published, in ref order. */
	published: string[];
	/** Refs that could not be published, with the use case's refusal. */
	failed: { ref: string; error: InputError | StaleRecordError | NotFoundError }[];
}

/**
 * Publishes the selected drafts of a sitting. Every id must name a draft of this sitting, or
 * nothing is published (InputError on `publish`): a stale page or a forged id changes nothing.
 */
export async function publishSittingDrafts(
	db: Kysely<DB>,
	user: Editor,
	sittingId: number,
	ids: number[]
): Promise<PublishOutcome> {
	const unique = [...new Set(ids)];
	if (unique.length === 0) throw InputError.of('publish', m.ws_publish_none_selected());
	const rows = await listSittingCommitmentStates(db, sittingId, unique);
	const drafts = rows.filter((r) => r.visibility === 'draft');
	if (drafts.length !== unique.length) {
		const notDrafts = rows.filter((r) => r.visibility !== 'draft').map((r) => r.ref);
		throw InputError.of(
			'publish',
			notDrafts.length > 0
				? m.ws_publish_not_drafts({ refs: notDrafts.join(', ') })
				: m.ws_publish_not_this_sitting()
		);
	}
	const outcome: PublishOutcome = { published: [], failed: [] };
	for (const d of drafts) {
		try {
			await publishCommitment(db, user, d.id, d.version);
			outcome.published.push(d.ref);
		} catch (e) {
			if (!(
				e instanceof InputError ||
				e instanceof StaleRecordError ||
				e instanceof NotFoundError
			)) {
				throw e;
			}
			outcome.failed.push({ ref: d.ref, error: e });
		}
	}
	return outcome;
}
