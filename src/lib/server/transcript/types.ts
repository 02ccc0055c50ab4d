// What reading a transcript produces: its lines with their place, the speeches, the sitting it
// records and the sentences proposed as undertakings. Facts only: the pages put them into words
// in the reader's language (signals and error codes are codes, not English sentences).
import type { CommitmentType } from '../db/schema';

/** One line of the source as a reader sees it: 1-based page and line within the page. */
export interface SourceLine {
	page: number;
	line: number;
	text: string;
	/** The whole line is set in a bold face (Hansard sets speaker names in bold). */
	bold: boolean;
}

export type SourceKind = 'pdf' | 'text' | 'html';

export interface ReadDocument {
	kind: SourceKind;
	pages: number;
	/** Body lines in reading order; running heads, page numbers and disclaimers dropped. */
	lines: SourceLine[];
}

export interface Speaker {
	/** The person's name without honorifics ("Kipchumba Murkomen"), when the text gives one. */
	name: string | null;
	/** The office or role as written ("Cabinet Secretary for Interior and National Administration", "Chairperson", "Member for Kitui Central"). */
	title: string | null;
	/** Who speaks, as the text calls them. */
	role: SpeakerRole;
}

/** minister: a Cabinet Secretary, Principal Secretary or other officer answering for a ministry. */
export type SpeakerRole = 'minister' | 'chair' | 'member' | 'official' | 'unknown';

export interface Speech {
	speaker: Speaker;
	/** Where the speech starts. */
	page: number;
	line: number;
	/** The words spoken, lines joined, hyphenation at line ends undone. */
	text: string;
	/** 'reported' for a news report's quoted or reported speech. */
	form: 'spoken' | 'reported';
	/** The heading the speech falls under ("CONSIDERATION OF THE REPORT ON…"), if any. */
	heading: string | null;
	/** Where each source line of the speech starts in `text`, to place a sentence on its line. */
	spans?: SpeechSpan[];
}

/** A source line's start within a speech's text. */
export interface SpeechSpan {
	offset: number;
	page: number;
	line: number;
}

/** Who appeared for the government, as found in the speaker lines (or in a news report). */
export interface Appeared {
	name: string;
	title: string | null;
}

export interface SittingGuess {
	/** The committee's name as written, when the transcript names one. */
	committee: string | null;
	/** ISO date. */
	satOn: string | null;
	subject: string | null;
	appeared: Appeared[];
}

/** Why a sentence was proposed (or held back). Negative signals lower the score. */
export type Signal =
	| 'assurance_expression' // a Lok Sabha-style standard expression ("I shall inform the House")
	| 'first_person_future' // "we will", "I shall"
	| 'ministry_future' // "the Ministry intends to", "the State Department will"
	| 'in_progress' // "we are in the process of", "we are working with"
	| 'kiswahili_future' // "tutaweka", "nitawasilisha"
	| 'concrete_object' // an institution, law, policy, report or budget line as object
	| 'time_phrase' // "within thirty days", "by the end of March"
	| 'government_speaker' // said by a Cabinet Secretary or other officer of a ministry
	| 'reported_speech' // a news report's "Murkomen said"
	| 'question' // a Member's question
	| 'procedure' // the Chair's procedure, the committee's own next steps
	| 'past_action' // a report of what was already done
	| 'member_remark' // a Member's remark or complaint
	| 'object_future' // a government speaker's "the regulations will be gazetted"
	| 'conditional' // hypothetical talk: "if the Treasury gave us the money, we would"
	| 'law_quote'; // a law quoted: "the Act shall provide", "section 5 provides that"

export interface Candidate {
	/** The sentence (or sentences) proposed, verbatim. */
	quote: string;
	/** The whole speech it comes from, for context. */
	context: string;
	speaker: Speaker;
	page: number;
	line: number;
	/** 0..1; candidates are those at or above the threshold. */
	score: number;
	signals: Signal[];
	/** A short suggested title ("Create a special anti-human-trafficking unit"). */
	title: string;
	type: CommitmentType;
	/** ISO date found from a time in the sentence, or null (then the committee's rule applies). */
	dueOn: string | null;
	/** The words that gave the date ("within thirty days"), or null. */
	dueReason: string | null;
}

export interface Extraction {
	kind: SourceKind;
	pages: number;
	sitting: SittingGuess;
	speeches: number;
	candidates: Candidate[];
}

/** Why a file could not be read. The page and the CLI turn the code into words. */
export type TranscriptProblem =
	| 'empty' // no bytes, or no text at all
	| 'too_large' // over the size limit
	| 'too_many_pages'
	| 'not_pdf' // says PDF but is not one (another file renamed)
	| 'encrypted'
	| 'damaged' // truncated or corrupt PDF
	| 'no_text_layer' // a scan: pages without text (no OCR here)
	| 'unsupported_type' // not PDF, text or HTML
	| 'bad_encoding' // text that is neither UTF-8 nor Windows-1252 readable
	| 'no_speeches'; // text without any speaker line or reported speech

export class TranscriptError extends Error {
	constructor(
		readonly problem: TranscriptProblem,
		detail: string
	) {
		super(detail);
		this.name = 'TranscriptError';
	}
}
