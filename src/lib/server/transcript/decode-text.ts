// Bytes of a plain-text file as a string: UTF-8 (BOM stripped), UTF-16 with its BOM, else
// Windows-1252; a file that mixes encodings is decoded line by line, UTF-8 where it is valid.
import { TranscriptError } from './types';

const utf8 = new TextDecoder('utf-8', { fatal: true });
/**
 * Windows-1252's characters for bytes 0x80–0x9F (Node's 'windows-1252' decoder is Latin-1 and
 * gives C1 controls there); the other bytes are Latin-1.
 */
const CP1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const cp1252 = {
	decode(bytes: Uint8Array): string {
		let out = '';
		for (const b of bytes)
			out += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
		return out;
	}
};

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
