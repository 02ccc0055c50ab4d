// Which reader a file needs, decided from its first bytes and only then from its name.
import type { SourceKind } from './types';
import { TranscriptError } from './types';

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Signatures of binary formats that are certainly not transcripts we read. */
const BINARY_MAGIC: number[][] = [
	[0x89, 0x50, 0x4e, 0x47], // PNG
	[0xff, 0xd8, 0xff], // JPEG
	[0x47, 0x49, 0x46, 0x38], // GIF
	[0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX, XLSX, ODT
	[0xd0, 0xcf, 0x11, 0xe0], // OLE: DOC, XLS
	[0x49, 0x49, 0x2a, 0x00], // TIFF
	[0x4d, 0x4d, 0x00, 0x2a], // TIFF
	[0x1f, 0x8b], // gzip
	[0x7b, 0x5c, 0x72, 0x74, 0x66] // RTF "{\rtf"
];

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
	return magic.every((b, i) => bytes[at + i] === b);
}

/** PDF readers accept the header anywhere in the first 1,024 bytes. */
function hasPdfHeader(bytes: Uint8Array): boolean {
	const end = Math.min(bytes.length - PDF_MAGIC.length, 1024);
	for (let i = 0; i <= end; i++) if (startsWith(bytes, PDF_MAGIC, i)) return true;
	return false;
}

function extensionOf(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function looksBinary(bytes: Uint8Array): boolean {
	if (BINARY_MAGIC.some((m) => startsWith(bytes, m))) return true;
	// UTF-16 text has NULs; its BOM tells it apart.
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return false;
	const sample = bytes.subarray(0, 4096);
	let control = 0;
	for (const b of sample) {
		if (b === 0) return true;
		if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
	}
	return control > Math.max(8, sample.length * 0.1);
}

function looksHtml(bytes: Uint8Array): boolean {
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).trimStart().toLowerCase();
	return /^(\ufeff|ï»¿)?\s*(<!doctype html|<html|<head|<body|<meta|<!--)/.test(head);
}

/** The reader for `bytes`, or a TranscriptError when none applies. */
export function detectKind(bytes: Uint8Array, fileName: string): SourceKind {
	const ext = extensionOf(fileName);
	if (hasPdfHeader(bytes)) return 'pdf';
	if (ext === 'pdf') throw new TranscriptError('not_pdf', fileName);
	if (looksBinary(bytes)) throw new TranscriptError('unsupported_type', fileName);
	if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || looksHtml(bytes)) return 'html';
	return 'text';
}
