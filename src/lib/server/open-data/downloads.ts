// Columns of the commitments and updates downloads: one row per record, dates ISO 8601, money in
// whole shillings, statuses as their codes (documented on /data).
import type { Submission } from '$lib/domain';
import { attributeFunding, type AttributedMoney } from '$lib/domain';
import type { CsvColumn } from './csv';
import type { CommitmentSearchRow } from '../queries/commitment-search';
import type { FundingLinkView } from '../queries/public-commitments';
import type { PublishedUpdate } from '../queries/updates';
import { evidenceUrl, links } from './serialize';

/** A commitment's funding links, each with the money attributed to it (attributeFunding). */
export type FundingOfCommitment = { line: FundingLinkView['line']; money: AttributedMoney }[];

/** The money of each commitment's links, by commitment id, in the order the links were read. */
export function fundingByCommitment(links: readonly FundingLinkView[]) {
	const by = new Map<number, FundingOfCommitment>();
	for (const link of links) {
		const list = by.get(link.commitmentId) ?? [];
		list.push({ line: link.line, money: attributeFunding(link) });
		by.set(link.commitmentId, list);
	}
	return by;
}

export function commitmentColumns(
	origin: string,
	funding: ReadonlyMap<number, FundingOfCommitment> = new Map()
): CsvColumn<CommitmentSearchRow>[] {
	// One value per funding link, separated by ' | ' in the same order in every money column;
	// amounts of different lines (and fiscal years) are never added together.
	const perLink = (
		header: string,
		value: (l: FundingOfCommitment[number]) => string | number | null | undefined
	): CsvColumn<CommitmentSearchRow> => ({
		header,
		kind: 'text',
		value: (r) => {
			const links = funding.get(r.id) ?? [];
			return links.length === 0 ? null : links.map((l) => String(value(l) ?? '')).join(' | ');
		}
	});
	return [
		{ header: 'ref', kind: 'text', value: (r) => r.ref },
		{ header: 'title', kind: 'text', value: (r) => r.title },
		{ header: 'summary', kind: 'text', value: (r) => r.summary },
		{ header: 'type', kind: 'text', value: (r) => r.type },
		{ header: 'committee_slug', kind: 'text', value: (r) => r.committee.slug },
		{ header: 'committee', kind: 'text', value: (r) => r.committee.name },
		{ header: 'organisation_slug', kind: 'text', value: (r) => r.organisationSlug },
		{ header: 'organisation', kind: 'text', value: (r) => r.organisation },
		{ header: 'office', kind: 'text', value: (r) => r.office },
		{ header: 'given_on', kind: 'date', value: (r) => r.givenOn },
		{ header: 'due_on', kind: 'date', value: (r) => r.dueOn },
		{ header: 'delivery_status', kind: 'text', value: (r) => r.deliveryStatus },
		{ header: 'procedural_status', kind: 'text', value: (r) => r.proceduralStatus },
		{ header: 'funding_status', kind: 'text', value: (r) => r.fundingStatus },
		{ header: 'overdue', kind: 'boolean', value: (r) => r.overdue },
		{ header: 'days_overdue', kind: 'number', value: (r) => r.daysOverdue },
		{
			header: 'progress',
			kind: 'number',
			value: (r) => (r.progress === null ? null : Math.round(r.progress * 10_000) / 10_000)
		},
		{ header: 'milestone_count', kind: 'number', value: (r) => r.milestoneCount },
		{ header: 'quote', kind: 'text', value: (r) => r.quote },
		{ header: 'quote_source_title', kind: 'text', value: (r) => r.quoteSource.title },
		{ header: 'quote_source_url', kind: 'text', value: (r) => r.quoteSource.url },
		{ header: 'url', kind: 'text', value: (r) => links.commitmentPage(origin, r.ref) },
		perLink('funding_lines', (l) => `${l.line.fiscalYear} ${l.line.voteCode}`),
		perLink('funding_basis', (l) => l.money.basis),
		perLink('share_of_line', (l) =>
			l.money.shareOfLine === null ? null : Math.round(l.money.shareOfLine * 1e6) / 1e6
		),
		perLink('attributed_allocation_kes', (l) => l.money.attributed.currentAllocation?.amountKes),
		perLink('attributed_released_kes', (l) => l.money.attributed.released?.amountKes),
		perLink('attributed_spent_kes', (l) => l.money.attributed.spent?.amountKes),
		perLink('line_allocation_kes', (l) => l.money.line.currentAllocation?.amountKes),
		perLink('money_as_of', (l) => l.money.attributed.asOf)
	];
}

const joined = (values: (string | null)[]) => values.map((v) => v ?? '').join(' | ');

export function updateColumns(origin: string): CsvColumn<PublishedUpdate>[] {
	return [
		{ header: 'update_id', kind: 'number', value: (u) => u.id },
		{ header: 'update_on', kind: 'date', value: (u) => u.updateOn },
		{ header: 'commitment_ref', kind: 'text', value: (u) => u.commitment.ref },
		{ header: 'commitment_title', kind: 'text', value: (u) => u.commitment.title },
		{ header: 'committee_slug', kind: 'text', value: (u) => u.committee.slug },
		{ header: 'delivery_from', kind: 'text', value: (u) => u.deliveryFrom },
		{ header: 'delivery_to', kind: 'text', value: (u) => u.deliveryTo },
		{ header: 'procedural_from', kind: 'text', value: (u) => u.proceduralFrom },
		{ header: 'procedural_to', kind: 'text', value: (u) => u.proceduralTo },
		{ header: 'due_from', kind: 'date', value: (u) => u.dueFrom },
		{ header: 'due_to', kind: 'date', value: (u) => u.dueTo },
		{ header: 'reason', kind: 'text', value: (u) => u.reason },
		{ header: 'note', kind: 'text', value: (u) => u.note },
		{ header: 'author', kind: 'text', value: (u) => u.authorName },
		{ header: 'evidence_count', kind: 'number', value: (u) => u.evidence.length },
		// Several evidence items share one cell, separated by ' | ' in the same order in both.
		{
			header: 'evidence_titles',
			kind: 'text',
			value: (u) => joined(u.evidence.map((e) => e.title))
		},
		{
			header: 'evidence_urls',
			kind: 'text',
			value: (u) => joined(u.evidence.map((e) => evidenceUrl(e.url, origin)))
		},
		{
			header: 'commitment_url',
			kind: 'text',
			value: (u) => links.commitmentPage(origin, u.commitment.ref)
		}
	];
}

export function submissionColumns(origin: string): CsvColumn<Submission>[] {
	return [
		{ header: 'submission_id', kind: 'number', value: (s) => s.id },
		{ header: 'commitment_ref', kind: 'text', value: (s) => s.commitmentRef },
		{ header: 'committee', kind: 'text', value: (s) => s.committee },
		{ header: 'organisation', kind: 'text', value: (s) => s.organisation },
		{ header: 'kind', kind: 'text', value: (s) => s.kind },
		{ header: 'channel', kind: 'text', value: (s) => s.channel },
		{ header: 'sent_on', kind: 'date', value: (s) => s.sentOn },
		{ header: 'text', kind: 'text', value: (s) => s.body },
		{ header: 'claimed_status', kind: 'text', value: (s) => s.claimedStatus },
		{ header: 'requested_until', kind: 'date', value: (s) => s.requestedUntil },
		{ header: 'approved_by', kind: 'text', value: (s) => s.approvedBy },
		{ header: 'approved_on', kind: 'date', value: (s) => s.approvedOn },
		{ header: 'decision', kind: 'text', value: (s) => s.decision },
		{ header: 'decided_on', kind: 'date', value: (s) => s.decidedOn },
		{ header: 'decision_note', kind: 'text', value: (s) => s.decisionNote },
		{ header: 'granted_until', kind: 'date', value: (s) => s.grantedUntil },
		{
			header: 'document_urls',
			kind: 'text',
			value: (s) =>
				joined(s.documents.map((d) => `${origin}/submissions/${s.id}/documents/${d.id}`))
		},
		{
			header: 'document_sha256',
			kind: 'text',
			value: (s) => joined(s.documents.map((d) => d.sha256))
		},
		{
			header: 'url',
			kind: 'text',
			value: (s) => `${links.commitmentPage(origin, s.commitmentRef)}#submission-${s.id}`
		}
	];
}
