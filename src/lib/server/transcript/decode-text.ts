// Bytes of a plain-text file as a string: UTF-8 (BOM stripped), UTF-16 with its BOM, else
// Windows-1252; a file that mixes encodings is decoded line by line, UTF-8 where it is valid.
import { TranscriptError } from './types';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

function decodeMixed(bytes: Uint8Array): string {
	const parts: string[] = [];
	let start = 0;
	for (let i = 0; i <= bytes.length; i++) {
		if (i < bytes.length && bytes[i] !== 0x0a) continue;
		const line = bytes.subarray(start, Math.min(i + 1, bytes.length));
		try {
			parts.push(utf8.decode(line));
		} catch {
			parts.push(cp1252.decode(line));
		}
		start = i + 1;
	}
	return parts.join('');
}

/** Characters other than tab, newline and form feed that a reader never sees. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u200b\ufeff]/g;

export function decodeText(bytes: Uint8Array): string {
	let text: string;
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
	} else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
	} else {
		const body =
			bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
		try {
			text = utf8.decode(body);
		} catch {
			text = decodeMixed(body);
		}
	}
	if (text.includes('\ufffd') && text.split('\ufffd').length > text.length / 20) {
		throw new TranscriptError('bad_encoding', 'replacement characters');
	}
	return text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}
