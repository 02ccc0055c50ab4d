// The reader for any transcript file: checks size, decides the kind from the bytes, reads lines.
import { detectKind } from './detect';
import { MAX_TRANSCRIPT_BYTES } from './limits';
import { readHtml } from './read-html';
import { readPdf } from './read-pdf';
import { readText } from './read-text';
import { TranscriptError, type ReadDocument } from './types';

export async function readTranscript(
	bytes: Uint8Array,
	fileName: string,
	options: { signal?: AbortSignal } = {}
): Promise<ReadDocument> {
	if (bytes.length === 0) throw new TranscriptError('empty', fileName);
	if (bytes.length > MAX_TRANSCRIPT_BYTES)
		throw new TranscriptError('too_large', String(bytes.length));
	const kind = detectKind(bytes, fileName);
	const doc =
		kind === 'pdf'
			? await readPdf(bytes, options.signal)
			: kind === 'html'
				? readHtml(bytes)
				: readText(bytes);
	if (doc.lines.length === 0) {
		throw new TranscriptError(kind === 'pdf' ? 'no_text_layer' : 'empty', fileName);
	}
	return doc;
}
