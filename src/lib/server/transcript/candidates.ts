// Candidates: the sentences of the speeches that score at or above the threshold, each with its
// place, signals, a suggested title, type and due date.
import { dueOf } from './due-date';
import { splitSentences, type Sentence } from './sentences';
import { signalsOf } from './signals';
import { placeOf } from './speech-place';
import { titleOf, typeOf } from './title';
import type { Candidate, SittingGuess, Signal, Speech } from './types';
import { CANDIDATE_THRESHOLD, scoreOf } from './weights';

/** A sentence that carries on the undertaking before it: "This unit will …", "It will …". */
const CONTINUES =
	/^(?:["“]?\s*)(?:this|that|it|these|they|such|the\s+same|the\s+(?:unit|bill|policy|fund|office|team|regulations|report|framework))\b[^.?]{0,80}\b(?:will|shall)\b/i;

interface Scored {
	sentence: Sentence;
	signals: Signal[];
	score: number;
}

function merge(a: Signal[], b: Signal[]): Signal[] {
	return [...new Set([...a, ...b])];
}

function candidatesOfSpeech(speech: Speech, sitting: SittingGuess): Candidate[] {
	const ctx = { speaker: speech.speaker, form: speech.form, satOn: sitting.satOn };
	const scored: Scored[] = splitSentences(speech.text).map((sentence) => {
		const signals = signalsOf(sentence.text, ctx);
		return { sentence, signals, score: scoreOf(signals) };
	});
	const out: Candidate[] = [];
	for (let i = 0; i < scored.length; i++) {
		const s = scored[i]!;
		if (s.score < CANDIDATE_THRESHOLD) continue;
		let end = s.sentence.end;
		let signals = s.signals;
		const next = scored[i + 1];
		if (
			next &&
			CONTINUES.test(next.sentence.text) &&
			next.score >= CANDIDATE_THRESHOLD - 0.3 &&
			!next.signals.includes('question')
		) {
			end = next.sentence.end;
			signals = merge(signals, next.signals);
			i++;
		}
		const quote = speech.text.slice(s.sentence.start, end);
		const title = titleOf(s.sentence.text);
		const due = dueOf(quote, sitting.satOn);
		const place = placeOf(speech.spans ?? [], s.sentence.start);
		out.push({
			quote,
			context: speech.text,
			speaker: speech.speaker,
			page: speech.spans?.length ? place.page : speech.page,
			line: speech.spans?.length ? place.line : speech.line,
			score: Math.max(s.score, scoreOf(signals)),
			signals,
			title,
			type: typeOf(quote, title),
			dueOn: due?.dueOn ?? null,
			dueReason: due?.dueReason ?? null
		});
	}
	return out;
}

export function candidatesOf(speeches: Speech[], sitting: SittingGuess): Candidate[] {
	const seen = new Set<string>();
	const out: Candidate[] = [];
	for (const speech of speeches) {
		for (const c of candidatesOfSpeech(speech, sitting)) {
			const key = c.quote.toLowerCase();
			if (seen.has(key)) continue;
			seen.add(key);
			out.push(c);
		}
	}
	return out;
}
