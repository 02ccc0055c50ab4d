// Reading a transcript and proposing its undertakings: the one entry point for the upload page
// and the CLI. Pure apart from the PDF reader; nothing is stored here.
import { candidatesOf } from './candidates';
import { readTranscript } from './read';
import { sittingOf } from './sitting';
import { speechesOf } from './speeches';
import type { Extraction } from './types';

export * from './types';
export { MAX_TRANSCRIPT_BYTES, MAX_TRANSCRIPT_PAGES } from './limits';
export { CANDIDATE_THRESHOLD, SIGNAL_WEIGHTS } from './weights';
export { readTranscript } from './read';
export { speechesOf } from './speeches';
export { sittingOf } from './sitting';
export { candidatesOf } from './candidates';

export async function extractTranscript(
	bytes: Uint8Array,
	fileName: string,
	options: { signal?: AbortSignal } = {}
): Promise<Extraction> {
	const doc = await readTranscript(bytes, fileName, options);
	options.signal?.throwIfAborted();
	const { speeches } = speechesOf(doc);
	const sitting = sittingOf(doc, speeches);
	return {
		kind: doc.kind,
		pages: doc.pages,
		sitting,
		speeches: speeches.length,
		candidates: candidatesOf(speeches, sitting)
	};
}
