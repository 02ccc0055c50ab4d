// The weight of each signal and the score a sentence needs to be proposed: one table, so a clerk
// (and the corpus evaluation) can see why a sentence was proposed or held back.
import type { Signal } from './types';

export const SIGNAL_WEIGHTS: Record<Signal, number> = {
	assurance_expression: 0.5,
	first_person_future: 0.4,
	ministry_future: 0.4,
	object_future: 0.3,
	in_progress: 0.35,
	kiswahili_future: 0.35,
	concrete_object: 0.1,
	time_phrase: 0.15,
	government_speaker: 0.25,
	reported_speech: 0.1,
	question: -0.7,
	procedure: -0.8,
	past_action: -0.45,
	member_remark: -0.45,
	conditional: -0.5,
	law_quote: -0.6
};

/** The signals that say something is undertaken; a sentence needs one of them to be proposed. */
export const FORMS = new Set<Signal>([
	'assurance_expression',
	'first_person_future',
	'ministry_future',
	'object_future',
	'in_progress',
	'kiswahili_future'
]);

/** A sentence is proposed when its score reaches this. */
export const CANDIDATE_THRESHOLD = 0.5;

/** The score of a set of signals, between 0 and 1. */
export function scoreOf(signals: Signal[]): number {
	let sum = signals.reduce((total, s) => total + SIGNAL_WEIGHTS[s], 0);
	// Without a future, intending or in-progress form there is nothing undertaken.
	if (!signals.some((s) => FORMS.has(s))) sum = Math.min(sum, CANDIDATE_THRESHOLD - 0.1);
	return Math.round(Math.min(1, Math.max(0, sum)) * 100) / 100;
}
