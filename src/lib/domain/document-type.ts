// What an uploaded document is, from its bytes, never from its name or the type the browser
// claims: a ministry's attachment is served back to the public, so only kinds that are read as
// documents are accepted (PDF, Word, OpenDocument text, PNG and JPEG images).

export interface DocumentKind {
	mediaType: string;
	/** The extension a download is given, whatever the uploaded name said. */
	extension: string;
}

const PDF: DocumentKind = { mediaType: 'application/pdf', extension: 'pdf' };
const PNG: DocumentKind = { mediaType: 'image/png', extension: 'png' };
const JPEG: DocumentKind = { mediaType: 'image/jpeg', extension: 'jpg' };
const DOC: DocumentKind = { mediaType: 'application/msword', extension: 'doc' };
const DOCX: DocumentKind = {
	mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	extension: 'docx'
};
const ODT: DocumentKind = {
	mediaType: 'application/vnd.oasis.opendocument.text',
	extension: 'odt'
};

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
	if (bytes.length < at + prefix.length) return false;
	return prefix.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The zip's first entries, as text, to tell a Word or OpenDocument file from any other zip. */
function zipHead(bytes: Uint8Array): string {
	return new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
}

/** The kind of document `bytes` hold, or null when it is none Ahadi accepts. */
export function documentKindOf(bytes: Uint8Array): DocumentKind | null {
	if (startsWith(bytes, ascii('%PDF-'))) return PDF;
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return DOC;
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
		// OpenDocument: the first entry is "mimetype", stored, holding the media type.
		if (startsWith(bytes, ascii('mimetypeapplication/vnd.oasis.opendocument.text'), 30)) {
			return ODT;
		}
		const head = zipHead(bytes);
		if (head.includes('[Content_Types].xml') && head.includes('word/')) return DOCX;
	}
	return null;
}

/** A file name for download: the uploaded name's stem with the extension of what it really is. */
export function downloadNameOf(fileName: string, kind: DocumentKind): string {
	const stem =
		fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[^\w.\- ]+/g, '_') || 'document';
	return `${stem.slice(0, 120)}.${kind.extension}`;
}
