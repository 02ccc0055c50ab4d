// How a ministry answers a committee, in figures for the scorecards and the briefing pack:
// reports received on time, late and not at all, the median days to respond, and the requests
// for more time granted and refused. Pure: the rows come from queries/ministry.ts.
import { daysBetween } from './dates';
import type { DeliveryStatus } from './status';

export type SubmissionKind = 'report' | 'extension' | 'drop';
export type SubmissionState = 'draft' | 'sent' | 'decided';
export type SubmissionDecision = 'received' | 'returned' | 'granted' | 'refused';
export type SubmissionChannel = 'ahadi' | 'paper' | 'email';

export interface ReplyFacts {
	/** The date the report was due (the commitment's due date), if any. */
	deadline: string | null;
	givenOn: string;
	/** When the first report the committee did not return was sent, if any. */
	firstReportOn: string | null;
	extensionsGranted: number;
	extensionsRefused: number;
}

export interface ReplyFigures {
	onTime: number;
	late: number;
	/** Due before today and no report yet. */
	notReceived: number;
	/** Median days from the undertaking to its first report; null without reports. */
	medianDaysToRespond: number | null;
	extensionsGranted: number;
	extensionsRefused: number;
}

export function replyFigures(rows: readonly ReplyFacts[], today: string): ReplyFigures {
	const figures: ReplyFigures = {
		onTime: 0,
		late: 0,
		notReceived: 0,
		medianDaysToRespond: null,
		extensionsGranted: 0,
		extensionsRefused: 0
	};
	const days: number[] = [];
	for (const r of rows) {
		figures.extensionsGranted += r.extensionsGranted;
		figures.extensionsRefused += r.extensionsRefused;
		if (r.firstReportOn !== null) {
			days.push(daysBetween(r.givenOn, r.firstReportOn));
			if (r.deadline === null || r.firstReportOn <= r.deadline) figures.onTime++;
			else figures.late++;
		} else if (r.deadline !== null && r.deadline < today) {
			figures.notReceived++;
		}
	}
	if (days.length > 0) {
		days.sort((a, b) => a - b);
		const mid = Math.floor(days.length / 2);
		figures.medianDaysToRespond =
			days.length % 2 === 1 ? days[mid]! : Math.round((days[mid - 1]! + days[mid]!) / 2);
	}
	return figures;
}

export interface SubmissionDocument {
	id: number;
	fileName: string;
	mediaType: string;
	byteSize: number;
	sha256: string;
}

export interface Submission {
	id: number;
	commitmentId: number;
	commitmentRef: string;
	commitmentTitle: string;
	committeeId: number;
	committee: string;
	committeeSlug: string;
	organisationId: number;
	organisation: string;
	kind: SubmissionKind;
	state: SubmissionState;
	body: string;
	claimedStatus: DeliveryStatus | null;
	requestedUntil: string | null;
	approvedBy: string | null;
	approvedOn: string | null;
	channel: SubmissionChannel;
	author: string;
	createdAt: string;
	sentOn: string | null;
	sentAt: string | null;
	decision: SubmissionDecision | null;
	decidedOn: string | null;
	decisionNote: string | null;
	grantedUntil: string | null;
	deadline: string | null;
	version: number;
	documents: SubmissionDocument[];
}
