// Speeches: the lines under each speaker label, with headings and scene lines set apart. A text
// without speaker labels is read as a news report (reported.ts).
import { joinLine } from './join-line';
import { closesScene, isHeading, isSceneLine, opensScene, stripInlineScenes } from './line-kinds';
import { reportedSpeeches } from './reported';
import { parseSpeakerLabel, roleOf } from './speaker-label';
import {
	TranscriptError,
	type ReadDocument,
	type SourceLine,
	type Speaker,
	type Speech,
	type SpeechSpan
} from './types';

export interface Heading {
	text: string;
	page: number;
	line: number;
}

interface Label {
	speaker: Speaker;
	rest: string;
	/** Lines the label took (1, or 2 when it wraps). */
	used: number;
}

const COLON = /^(.{3,220}?):\s*(.*)$/;

/** The speaker label at lines[i] (possibly wrapping onto lines[i+1]), or null. */
function labelAt(lines: SourceLine[], i: number): Label | null {
	const line = lines[i]!;
	const m = COLON.exec(line.text);
	if (m) {
		const speaker = parseSpeakerLabel(m[1]!, line.bold);
		if (speaker) return { speaker, rest: m[2]!, used: 1 };
	}
	const next = lines[i + 1];
	if (!next || next.page !== line.page || line.text.length < 8 || isHeading(line.text)) return null;
	const n = COLON.exec(next.text);
	if (!n || (m && m[1]!.length < line.text.length - 2)) return null;
	const label = `${line.text} ${n[1]}`;
	// Without bold, a wrapped label must end with its bracket: "(Hon. Kipchumba" / "Murkomen):".
	if (!(line.bold && next.bold) && !/\)$/.test(n[1]!)) return null;
	const speaker = parseSpeakerLabel(label, line.bold && next.bold);
	return speaker ? { speaker, rest: n[2]!, used: 2 } : null;
}

const ATTENDANCE =
	/^(?:(?:Hon|Dr|Mr|Mrs|Ms|Prof|Eng|Amb|Sen|Mhe|Bw|Bi)\.?\s+)+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3})(?:,\s*MP)?(?:\s*\([^)]*\))?\s*(?:[–—-]|,)\s+(\p{Lu}.{2,160})$/u;

/** People listed as present or in attendance ("Dr Raymond Omollo – Principal Secretary, …"). */
function attendanceOf(lines: SourceLine[]): Speaker[] {
	const people: Speaker[] = [];
	for (const l of lines) {
		const m = ATTENDANCE.exec(l.text);
		if (!m || l.text.includes(':')) continue;
		const title = m[2]!.replace(/\s*\([^)]*\)\s*$/, '').trim();
		people.push({ name: m[1]!, title, role: roleOf(title, null, false) });
	}
	return people;
}

/** Fills a bare label ("The Cabinet Secretary:", "Hon. Murkomen:") from an earlier full one. */
function resolveSpeaker(speaker: Speaker, known: Speaker[]): Speaker {
	if (speaker.name && speaker.title) return speaker;
	const surname = speaker.name?.split(' ').pop()?.toLowerCase();
	const match = known.find((k) =>
		speaker.name
			? k.name
					?.toLowerCase()
					.split(' ')
					.includes(surname ?? '')
			: speaker.title && k.title?.toLowerCase().startsWith(speaker.title.toLowerCase())
	);
	if (!match || (speaker.title === 'Member' && !speaker.name)) return speaker;
	return {
		name: speaker.name ?? match.name,
		title:
			speaker.title && !match.title?.toLowerCase().startsWith(speaker.title.toLowerCase())
				? speaker.title
				: match.title,
		role: speaker.role === 'unknown' ? match.role : speaker.role
	};
}

interface Open {
	speaker: Speaker;
	page: number;
	line: number;
	text: string;
	spans: SpeechSpan[];
	heading: string | null;
}

/** Speeches and headings of a document read with readTranscript. */
export function speechesOf(doc: ReadDocument): { speeches: Speech[]; headings: Heading[] } {
	const { lines } = doc;
	const speeches: Speech[] = [];
	const headings: Heading[] = [];
	const known: Speaker[] = attendanceOf(lines).filter((p) => p.role !== 'unknown');
	let open: Open | null = null;
	let heading: string | null = null;
	let lastWasHeading = false;
	const close = () => {
		if (open && open.text.trim()) {
			speeches.push({
				speaker: open.speaker,
				page: open.page,
				line: open.line,
				text: open.text,
				form: 'spoken',
				heading: open.heading,
				spans: open.spans
			});
		}
		open = null;
	};
	const append = (l: SourceLine, raw: string) => {
		const text = stripInlineScenes(raw);
		if (!open || !text) return;
		const joined = joinLine(open.text, text);
		open.spans.push({ offset: joined.length - text.length, page: l.page, line: l.line });
		open.text = joined;
	};
	for (let i = 0; i < lines.length; i++) {
		const l = lines[i]!;
		if (isSceneLine(l.text)) continue;
		if (opensScene(l.text)) {
			const opener = l.text.trim().charAt(0);
			let j = i + 1;
			while (j < lines.length - 1 && j - i < 4 && !closesScene(lines[j]!.text, opener)) j++;
			if (j < lines.length && closesScene(lines[j]!.text, opener)) {
				i = j;
				continue;
			}
		}
		const label = labelAt(lines, i);
		if (label) {
			close();
			const speaker = resolveSpeaker(label.speaker, known);
			if (label.speaker.name || label.speaker.title) known.unshift(speaker);
			open = { speaker, page: l.page, line: l.line, text: '', spans: [], heading };
			const last = lines[i + label.used - 1]!;
			append(last, label.rest);
			i += label.used - 1;
			lastWasHeading = false;
			continue;
		}
		if (isHeading(l.text)) {
			close();
			const prev = headings[headings.length - 1];
			if (lastWasHeading && prev) prev.text = `${prev.text} ${l.text}`;
			else headings.push({ text: l.text, page: l.page, line: l.line });
			heading = headings[headings.length - 1]!.text;
			lastWasHeading = true;
			continue;
		}
		lastWasHeading = false;
		append(l, l.text);
	}
	close();
	if (speeches.length === 0) {
		const reported = reportedSpeeches(doc);
		if (reported.length === 0) throw new TranscriptError('no_speeches', String(lines.length));
		return { speeches: reported, headings };
	}
	return { speeches, headings };
}
