// The words of a submission's kind and decision, in the page's language.
import type { SubmissionDecision, SubmissionKind } from '$lib/domain';
import { m } from '$lib/paraglide/messages';

export const kindName = (kind: SubmissionKind): string =>
	({ report: m.mr_kind_report, extension: m.mr_kind_extension, drop: m.mr_kind_drop })[kind]();

export const decisionName = (d: SubmissionDecision): string =>
	({
		received: m.mr_decision_received,
		returned: m.mr_decision_returned,
		granted: m.mr_decision_granted,
		refused: m.mr_decision_refused
	})[d]();
