// The demo's six undertakings as data: each commitment with its milestones, evidence, updates,
// due-date history, funding links and requests, from DOMAIN.md's seed facts (anything invented
// is marked illustrative). demo.ts loads them. Relative imports only (bundled into the server).
import type { Insertable } from 'kysely';
import type {
	DB,
	DeliveryStatus,
	EvidenceType,
	MilestoneStatus,
	ProceduralStatus
} from '../../src/lib/server/db/schema';
import type { BudgetIds, RefIds } from './demo';
import { ILLUSTRATIVE_EVIDENCE, ILLUSTRATIVE_UPDATE, SRC, at } from './demo-sources';

export interface EvidenceSpec {
	key: string;
	type: EvidenceType;
	title: string;
	url?: string;
	on: string;
	excerpt?: string;
	illustrative?: boolean;
}

export interface UpdateSpec {
	on: string;
	note: string;
	delivery?: [DeliveryStatus, DeliveryStatus];
	procedural?: [ProceduralStatus, ProceduralStatus];
	due?: [string, string];
	reason?: string;
	evidence?: string[];
}

export interface MilestoneSpec {
	title: string;
	planned: string;
	actual?: string;
	weight: number;
	status: MilestoneStatus;
	evidence?: string;
}

export interface DueChangeSpec {
	on: string;
	from: string | null;
	to: string;
	rule?: string;
	reason: string;
	/** Index into the commitment's updates. */
	update?: number;
}

export interface CommitmentSpec {
	row: Omit<
		Insertable<DB['commitments']>,
		'funding_status' | 'version' | 'created_at' | 'updated_at' | 'updated_by'
	>;
	tags: string[];
	evidence: EvidenceSpec[];
	updates: UpdateSpec[];
	milestones: MilestoneSpec[];
	dueChanges: DueChangeSpec[];
	links: Omit<Insertable<DB['funding_links']>, 'commitment_id' | 'created_at'>[];
	request?: Omit<Insertable<DB['commitment_requests']>, 'commitment_id'>;
}

const newsOfSitting = (excerpt: string): EvidenceSpec => ({
	key: 'sitting',
	type: 'news',
	title: SRC.sitting.title,
	url: SRC.sitting.url,
	on: '2025-04-23',
	excerpt
});

const recorded: UpdateSpec = {
	on: '2025-04-30',
	procedural: ['recorded', 'communicated'],
	note:
		'Undertaking recorded from the sitting of 23 April 2025 and communicated to the Ministry. ' +
		ILLUSTRATIVE_UPDATE,
	evidence: ['sitting']
};

export function commitmentSpecs(ref: RefIds, budget: BudgetIds): CommitmentSpec[] {
	const dcais = {
		committee_id: ref.dcais,
		sitting_id: ref.april2025,
		quote_source_title: SRC.sitting.title,
		quote_source_url: SRC.sitting.url,
		organisation_id: ref.stateDept,
		office_id: ref.csInterior,
		person_id: ref.murkomen,
		given_on: '2025-04-23',
		visibility: 'published' as const,
		published_at: at('2025-04-30'),
		withdrawn_at: null,
		withdrawn_reason: null
	};
	const setBy = (rule: string, to: string): DueChangeSpec => ({
		on: '2025-04-23',
		from: null,
		to,
		rule,
		reason: `Set by rule: ${rule}`,
		update: 0
	});

	const trafficking: CommitmentSpec = {
		row: {
			...dcais,
			ref: 'DCAIS/2025/001',
			title: 'Create a special anti-human-trafficking unit',
			summary:
				'The Ministry will set up a dedicated unit to enforce labour migration laws and dismantle trafficking networks, including rogue recruitment agents who lure young Kenyans abroad with promises of work.',
			quote:
				'As a Ministry, we have strengthened the fight against this vice and are looking to establish a special anti-human trafficking unit. This will ensure stricter enforcement of labour migration regulations on individuals luring our youth with promises of a better future abroad.',
			quote_source_locator: 'Words of the Cabinet Secretary as quoted in the report',
			type: 'institution',
			due_on: '2026-04-23',
			deadline_rule_id: ref.rules.rule('12 months'),
			due_basis: '12 months',
			measurable_target:
				'Unit established, staffed and reporting enforcement action against rogue recruitment agents',
			delivery_status: 'off_track',
			procedural_status: 'response_due',
			status_reason: null
		},
		tags: ['human-trafficking', 'labour-migration', 'policing'],
		evidence: [
			newsOfSitting(
				'"...we are looking to establish a special anti-human trafficking unit." The Cabinet Secretary called human trafficking a multi-agency challenge.'
			),
			{
				key: 'tip2024',
				type: 'other',
				title: SRC.tip2024.title,
				url: SRC.tip2024.url,
				on: '2024-06-24',
				excerpt:
					'The report notes that most perpetrators of trafficking in Kenya are Kenyan nationals.'
			},
			{
				key: 'structure',
				type: 'ministry_response',
				title: `Ministry progress note to the committee: structure of the unit approved (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2025-09-15',
				illustrative: true
			},
			{
				key: 'followup',
				type: 'committee_report',
				title: `Committee follow-up letter: no report received by the due date (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2026-05-12',
				illustrative: true
			}
		],
		updates: [
			recorded,
			{
				on: '2025-09-15',
				delivery: ['not_started', 'on_track'],
				procedural: ['communicated', 'response_received'],
				note:
					'The Ministry reports that the structure and mandate of the unit have been approved. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['structure']
			},
			{
				on: '2026-02-10',
				delivery: ['on_track', 'off_track'],
				note:
					'The unit was not launched by the planned date of 31 January 2026 and no officers have been deployed to it. ' +
					ILLUSTRATIVE_UPDATE
			},
			{
				on: '2026-05-12',
				procedural: ['response_received', 'response_due'],
				note:
					'The due date of 23 April 2026 passed without a report; the committee has written to the Ministry for a response. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['followup']
			},
			{
				on: '2026-11-12',
				note:
					'At a follow-up sitting the Ministry said the unit will be launched once its officers finish training, but gave no date; the committee still awaits the written report. ' +
					ILLUSTRATIVE_UPDATE
			}
		],
		milestones: [
			{
				title: 'Mandate and structure of the unit approved by the Ministry',
				planned: '2025-08-31',
				actual: '2025-09-15',
				weight: 1,
				status: 'met',
				evidence: 'structure'
			},
			{
				title: 'Unit established and officers deployed',
				planned: '2026-01-31',
				weight: 2,
				status: 'missed'
			},
			{
				title: 'First quarterly report on enforcement action against rogue recruitment agents',
				planned: '2026-12-31',
				weight: 1,
				status: 'planned'
			}
		],
		dueChanges: [setBy('12 months', '2026-04-23')],
		links: [
			{
				budget_line_id: budget.police2526,
				share_kind: 'percent',
				share_basis_points: 10,
				share_amount_kes: null,
				basis: 'indicative',
				note: 'Indicative only: no fiscal-year allocation for counter-trafficking was found (the 2019 US Trafficking in Persons report notes KES 60 m in an earlier year). The unit is assumed to sit within the National Police Service budget; the 0.1% share is illustrative.'
			}
		]
	};

	const reservists: CommitmentSpec = {
		row: {
			...dcais,
			ref: 'DCAIS/2025/002',
			title: 'Enact a National Police Reservists Policy',
			summary:
				'The Ministry will adopt a National Police Reservists Policy that gives reservists a legal framework, streamlines their command structure and improves their welfare.',
			quote:
				'[Reported speech] The Ministry is streamlining the command structure of the National Police Reservists and improving their welfare through the enactment of the National Police Reservists Policy, which will provide a legal framework governing their operations.',
			quote_source_locator: 'Reported speech, as paraphrased in the report',
			type: 'policy',
			due_on: '2027-03-31',
			deadline_rule_id: ref.rules.rule('6 months'),
			due_basis: '6 months; extended by the committee to 31 March 2027',
			measurable_target: 'Policy approved by Cabinet and published',
			delivery_status: 'with_challenges',
			procedural_status: 'extension_granted',
			status_reason: null
		},
		tags: ['police-reservists', 'policing', 'welfare'],
		evidence: [
			newsOfSitting(
				'The Ministry is streamlining the command structure of the National Police Reservists and improving their welfare through the National Police Reservists Policy.'
			),
			{
				key: 'stipend',
				type: 'news',
				title: SRC.starReservists,
				on: '2024-06-18',
				excerpt: 'Police reservists receive a monthly stipend of KES 5,000.'
			},
			{
				key: 'draft',
				type: 'policy_document',
				title: `Draft National Police Reservists Policy circulated for validation (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2025-08-20',
				illustrative: true
			},
			{
				key: 'extension',
				type: 'ministry_response',
				title: `Ministry letter requesting more time to complete public participation (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2025-10-10',
				illustrative: true
			},
			{
				key: 'validation',
				type: 'ministry_response',
				title: `Ministry report on validation meetings with county commanders and reservists (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2026-06-15',
				illustrative: true
			}
		],
		updates: [
			recorded,
			{
				on: '2025-08-20',
				delivery: ['not_started', 'on_track'],
				note:
					'A draft policy has been prepared and circulated for validation. ' + ILLUSTRATIVE_UPDATE,
				evidence: ['draft']
			},
			{
				on: '2025-10-10',
				procedural: ['communicated', 'extension_requested'],
				note:
					'The Ministry asked for more time to complete public participation and obtain Cabinet approval. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['extension']
			},
			{
				on: '2025-10-28',
				procedural: ['extension_requested', 'extension_granted'],
				due: ['2025-10-23', '2027-03-31'],
				reason: 'Extension granted by the committee',
				note: 'The committee granted an extension to 31 March 2027. ' + ILLUSTRATIVE_UPDATE
			},
			{
				on: '2026-07-08',
				delivery: ['on_track', 'with_challenges'],
				note:
					'Validation is only partly done, and no budget line for the reservists policy or for reservists\u2019 welfare has been identified. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['validation']
			}
		],
		milestones: [
			{
				title: 'Draft policy prepared by the State Department',
				planned: '2025-07-31',
				actual: '2025-08-20',
				weight: 1,
				status: 'met',
				evidence: 'draft'
			},
			{
				title: 'Validation with county commanders and reservists',
				planned: '2026-03-31',
				actual: '2026-06-15',
				weight: 1,
				status: 'partly_met',
				evidence: 'validation'
			},
			{
				title: 'Welfare provisions costed and submitted for the FY2026/27 budget',
				planned: '2026-02-28',
				weight: 1,
				status: 'missed'
			},
			{ title: 'Policy approved by Cabinet', planned: '2027-03-31', weight: 2, status: 'planned' }
		],
		dueChanges: [
			setBy('6 months', '2025-10-23'),
			{
				on: '2025-10-28',
				from: '2025-10-23',
				to: '2027-03-31',
				reason:
					'Extension granted by the committee: public participation and Cabinet approval need more time (illustrative)',
				update: 3
			}
		],
		// No funding link: no budget line for the reservists policy was found. That is the finding.
		links: [],
		request: {
			kind: 'extension',
			requested_on: '2025-10-10',
			requested_until: '2027-03-31',
			reason:
				'Public participation and Cabinet approval of the policy need more time (illustrative request for the demo)',
			decision: 'granted',
			decided_on: '2025-10-28',
			granted_until: '2027-03-31',
			decision_note: 'Granted at the committee sitting (illustrative).'
		}
	};

	const ngao: CommitmentSpec = {
		row: {
			...dcais,
			ref: 'DCAIS/2025/003',
			title: 'Review the National Administration Policy to streamline the NGAO scheme of service',
			summary:
				'The Ministry will review the National Administration Policy so that National Government Administration Officers (NGAO) have a clearer scheme of service: promotion, career progression and pay.',
			quote:
				'[Reported speech] The government is reviewing the National Administration Policy to streamline the scheme of service, including promotion, career progression and remuneration of NGAO officers, thereby enhancing their welfare and improving service delivery to Kenyans.',
			quote_source_locator: 'Reported speech, as paraphrased in the report',
			type: 'policy',
			due_on: '2027-06-30',
			deadline_rule_id: ref.rules.rule('12 months'),
			due_basis: '12 months; moved to 30 June 2027 after the Ministry\u2019s response',
			measurable_target: 'Revised scheme of service approved and applied to NGAO officers',
			delivery_status: 'on_track',
			procedural_status: 'under_review',
			status_reason: null
		},
		tags: ['ngao', 'public-service', 'welfare'],
		evidence: [
			newsOfSitting(
				'The government is reviewing the National Administration Policy to streamline the scheme of service of NGAO officers.'
			),
			{
				key: 'timetable',
				type: 'ministry_response',
				title: `Ministry response with a revised timetable for the review (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2026-03-20',
				illustrative: true
			},
			{
				key: 'submission',
				type: 'ministry_response',
				title: `Draft revised scheme of service submitted to the Public Service Commission (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2026-09-18',
				illustrative: true
			}
		],
		updates: [
			recorded,
			{
				on: '2025-07-25',
				delivery: ['not_started', 'on_track'],
				note: 'A review team has been constituted. ' + ILLUSTRATIVE_UPDATE
			},
			{
				on: '2026-03-20',
				procedural: ['communicated', 'response_received'],
				due: ['2026-04-23', '2027-06-30'],
				reason: 'Revised timetable in the Ministry\u2019s response',
				note:
					'The Ministry responded with a revised timetable: the scheme needs Public Service Commission approval and advice from the Salaries and Remuneration Commission. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['timetable']
			},
			{
				on: '2026-09-25',
				procedural: ['response_received', 'under_review'],
				note:
					'The draft revised scheme of service has gone to the Public Service Commission; the committee is reviewing it. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['submission']
			}
		],
		milestones: [
			{
				title: 'Review team constituted',
				planned: '2025-07-31',
				actual: '2025-07-25',
				weight: 1,
				status: 'met'
			},
			{
				title: 'Draft revised scheme of service submitted to the Public Service Commission',
				planned: '2026-09-30',
				actual: '2026-09-18',
				weight: 2,
				status: 'met',
				evidence: 'submission'
			},
			{
				title: 'Revised scheme of service approved and applied',
				planned: '2027-06-30',
				weight: 2,
				status: 'planned'
			}
		],
		dueChanges: [
			setBy('12 months', '2026-04-23'),
			{
				on: '2026-03-20',
				from: '2026-04-23',
				to: '2027-06-30',
				reason:
					'Revised timetable in the Ministry\u2019s response: Public Service Commission approval and Salaries and Remuneration Commission advice needed (illustrative)',
				update: 2
			}
		],
		links: [
			{
				budget_line_id: budget.vote2526Recurrent,
				share_kind: 'percent',
				share_basis_points: 50,
				share_amount_kes: null,
				basis: 'indicative',
				note: 'Indicative: a revised scheme of service would be paid from the State Department\u2019s recurrent vote; the 0.5% share is illustrative.'
			}
		]
	};

	const units: CommitmentSpec = {
		row: {
			...dcais,
			ref: 'DCAIS/2025/004',
			title:
				'Work with the National Treasury to fund the operationalisation of newly gazetted administrative units',
			summary:
				'The Ministry will work with the National Treasury to fund the running of newly gazetted sub-counties, divisions, locations and sub-locations, with MPs partnering through NG-CDF on offices and other infrastructure.',
			quote:
				'[Reported speech] The Ministry is engaging with the National Treasury to fund the operationalisation of the newly gazetted administrative units, with Members of Parliament partnering through NG-CDF on infrastructure.',
			quote_source_locator: 'Reported speech, as paraphrased in the report',
			type: 'funding',
			due_on: '2026-06-30',
			deadline_rule_id: ref.rules.rule('Report within 60 days'),
			due_basis: 'Report within 60 days; the committee then set 30 June 2026 by hand',
			measurable_target:
				'All 24 newly gazetted sub-counties, 88 divisions, 318 locations and 675 sub-locations operational',
			delivery_status: 'with_challenges',
			procedural_status: 'response_due',
			status_reason: null
		},
		tags: ['administrative-units', 'ng-cdf', 'budget'],
		evidence: [
			newsOfSitting(
				'The Ministry is engaging with the National Treasury to fund the operationalisation of newly gazetted administrative units.'
			),
			{
				key: 'star',
				type: 'news',
				title: SRC.starUnits,
				on: '2025-03-21',
				excerpt:
					'KES 666 m was allocated in the FY2024/25 supplementary budget; a further KES 2.1 bn is needed for 1,105 units.'
			},
			{
				key: 'kenyans',
				type: 'news',
				title: SRC.kenyansUnits,
				on: '2025-02-28',
				excerpt:
					'KES 616 m in the FY2025/26 Budget Policy Statement; 16 of 24 sub-counties operational; about KES 2.5 bn sought for the remaining 8. The committee asked the State Department to stop gazetting new units until those gazetted are operational.'
			},
			{
				key: 'plan',
				type: 'ministry_response',
				title: `Ministry report on the funding plan agreed with the National Treasury (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2025-06-20',
				illustrative: true
			},
			{
				key: 'q2',
				type: 'cob_report',
				title: `Quarterly budget implementation figures for the units line to 31 December 2025 (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2026-02-15',
				illustrative: true
			}
		],
		updates: [
			recorded,
			{
				on: '2025-06-20',
				delivery: ['not_started', 'on_track'],
				procedural: ['communicated', 'response_received'],
				due: ['2025-06-22', '2026-06-30'],
				reason: 'Report received; the committee set the delivery date by hand',
				note:
					'The Ministry reported a funding plan agreed with the National Treasury. The committee set 30 June 2026 for all the units to be operational. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['plan', 'kenyans']
			},
			{
				on: '2026-02-15',
				delivery: ['on_track', 'with_challenges'],
				note:
					'Releases to the units line lag: KES 210 m released by 31 December 2025 against a KES 616 m allocation, itself a quarter of the about KES 2.5 bn sought. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['q2']
			},
			{
				on: '2026-07-15',
				procedural: ['response_received', 'response_due'],
				note:
					'The due date of 30 June 2026 passed with units still not operational; the committee has asked for a status report. ' +
					ILLUSTRATIVE_UPDATE
			}
		],
		milestones: [
			{
				title: 'Funding plan agreed between the Ministry and the National Treasury',
				planned: '2025-06-30',
				actual: '2025-06-20',
				weight: 1,
				status: 'met',
				evidence: 'plan'
			},
			{
				title: 'Remaining 8 of the 24 newly gazetted sub-counties operational',
				planned: '2026-06-30',
				actual: '2026-06-30',
				weight: 2,
				status: 'partly_met'
			},
			{
				title: 'Divisions, locations and sub-locations staffed and operational',
				planned: '2026-06-30',
				weight: 2,
				status: 'missed'
			}
		],
		dueChanges: [
			setBy('Report within 60 days', '2025-06-22'),
			{
				on: '2025-06-20',
				from: '2025-06-22',
				to: '2026-06-30',
				reason: 'Set by the committee by hand after the Ministry\u2019s report (illustrative)',
				update: 1
			}
		],
		links: [
			{
				budget_line_id: budget.units2425,
				share_kind: 'percent',
				share_basis_points: 10_000,
				share_amount_kes: null,
				basis: 'earmarked',
				note: 'The FY2024/25 supplementary allocation for the newly gazetted units.'
			},
			{
				budget_line_id: budget.units2526,
				share_kind: 'percent',
				share_basis_points: 10_000,
				share_amount_kes: null,
				basis: 'earmarked',
				note: 'The FY2025/26 Budget Policy Statement allocation for the newly gazetted units.'
			}
		]
	};

	// A draft: the committee's request is a fact; as a ministry undertaking it is illustrative.
	const moratorium: CommitmentSpec = {
		row: {
			...dcais,
			ref: 'DCAIS/2025/005',
			title: 'Stop gazetting new administrative units until those already gazetted are operational',
			summary:
				'Illustrative draft for the demo: the committee asked the State Department to stop gazetting new units until those gazetted are operational. Recorded here as a draft follow-up undertaking awaiting confirmation.',
			quote:
				'[Illustrative for the demo] The committee asked the State Department to stop gazetting new units until those already gazetted are operational; no ministry undertaking in these words was reported.',
			quote_source_title: `${SRC.kenyansUnits} (committee request as reported; the undertaking is illustrative)`,
			quote_source_url: null,
			quote_source_locator: null,
			type: 'policy',
			due_on: '2025-07-23',
			deadline_rule_id: ref.rules.rule('3 months'),
			due_basis: '3 months',
			measurable_target: null,
			delivery_status: 'not_started',
			procedural_status: 'recorded',
			status_reason: null,
			visibility: 'draft',
			published_at: null
		},
		tags: ['administrative-units'],
		evidence: [
			{
				key: 'kenyans',
				type: 'news',
				title: SRC.kenyansUnits,
				on: '2025-02-28',
				excerpt:
					'The committee asked the State Department to stop gazetting new units until those gazetted are operational.'
			}
		],
		updates: [],
		milestones: [],
		dueChanges: [{ ...setBy('3 months', '2025-07-23'), update: undefined }],
		links: []
	};

	const exchequer: CommitmentSpec = {
		row: {
			committee_id: ref.dcfnp,
			sitting_id: ref.financeSitting,
			ref: 'DCFNP/2025/001',
			title: 'Publish a quarterly schedule of exchequer releases to State Departments',
			summary:
				'Illustrative record for the demo: the National Treasury undertakes to publish each quarter when it expects to release money to State Departments.',
			quote:
				'[Illustrative for the demo] We will share with the committee a schedule of exchequer releases every quarter.',
			quote_source_title: 'Illustrative record for the demo (not a real sitting)',
			quote_source_url: null,
			quote_source_locator: null,
			organisation_id: ref.treasury,
			office_id: ref.psTreasury,
			person_id: null,
			type: 'information',
			given_on: '2025-06-10',
			due_on: '2025-09-10',
			deadline_rule_id: ref.rules.rule('3 months'),
			due_basis: '3 months',
			measurable_target: null,
			delivery_status: 'cannot_assess',
			procedural_status: 'communicated',
			status_reason:
				'Too vague to measure: no format or publication date was given (illustrative). The clerk should record a measurable target.',
			visibility: 'published',
			published_at: at('2025-06-17'),
			withdrawn_at: null,
			withdrawn_reason: null
		},
		tags: ['exchequer-releases', 'budget'],
		evidence: [
			{
				key: 'record',
				type: 'committee_report',
				title: `Minutes of the illustrative sitting of 10 June 2025 (${ILLUSTRATIVE_EVIDENCE})`,
				on: '2025-06-10',
				illustrative: true
			}
		],
		updates: [
			{
				on: '2025-06-17',
				procedural: ['recorded', 'communicated'],
				delivery: ['not_started', 'cannot_assess'],
				note:
					'Recorded and communicated to the National Treasury; marked as too vague to assess until a measurable target is agreed. ' +
					ILLUSTRATIVE_UPDATE,
				evidence: ['record']
			}
		],
		milestones: [],
		dueChanges: [
			{
				on: '2025-06-10',
				from: null,
				to: '2025-09-10',
				rule: '3 months',
				reason: 'Set by rule: 3 months',
				update: 0
			}
		],
		links: []
	};

	return [trafficking, reservists, ngao, units, moratorium, exchequer];
}
