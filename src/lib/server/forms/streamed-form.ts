// A form with files, read as it arrives rather than whole: SvelteKit's `request.formData()` holds
// every file in memory, so two 20 MB documents uploaded at once cost the server 40 MB and more.
// Here the multipart body is parsed by @fastify/busboy (the maintained fork of busboy, the parser
// behind undici and Fastify) and each file is written to a private temporary folder while it is
// hashed and measured; memory holds a few 64 KiB chunks whatever the file's size. The first
// 64 KiB are kept, to tell the file's kind from its bytes.
//
// The caller stores what it accepts (reading each file back in chunks) and then, always, calls
// `discard()`, which removes the folder.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import Busboy from '@fastify/busboy';
import { error } from '@sveltejs/kit';
import { uploadedFileName } from './fields';

/** How much of a file's start is kept in memory to tell its kind (see domain/document-type). */
export const HEAD_BYTES = 64 * 1024;
const CHUNK_BYTES = 256 * 1024;

/** A file of the form, or a document from elsewhere, to be stored chunk by chunk. */
export interface UploadedFile {
	fileName: string;
	/** The bytes received, at most the reader's `maxFileBytes`. */
	byteSize: number;
	/** The file was larger than `maxFileBytes`: its rest was not kept. */
	truncated: boolean;
	sha256: string;
	/** The file's first bytes (up to HEAD_BYTES). */
	head: Uint8Array;
	/** The content, in chunks of at most 256 KiB. */
	chunks(): AsyncIterable<Uint8Array>;
}

export interface StreamedForm {
	/** The form's text fields (files are not in it). */
	fields: FormData;
	/** The non-empty files chosen in the file input, in the order they came. */
	files: UploadedFile[];
	/** Removes the temporary copies; call it once the files are stored or refused. */
	discard(): Promise<void>;
}

export interface StreamedFormLimits {
	/** The name of the form's file input; files under any other name are read past. */
	fileField: string;
	/** A file's bytes past this are not kept (the file is marked `truncated`). */
	maxFileBytes: number;
	/** Files past this many are read past; choose one more than you accept, to say so. */
	maxFiles: number;
}

/** A document already in memory (the demo's, a test's), in the shape of an uploaded one. */
export function fileFromBytes(fileName: string, bytes: Uint8Array): UploadedFile {
	return {
		fileName,
		byteSize: bytes.length,
		truncated: false,
		sha256: createHash('sha256').update(bytes).digest('hex'),
		head: bytes.subarray(0, HEAD_BYTES),
		async *chunks() {
			for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
				yield bytes.subarray(at, at + CHUNK_BYTES);
			}
		}
	};
}

function unreadable(): never {
	error(400, 'The form data could not be read.');
}

/**
 * Reads `request`'s form. A multipart body is streamed as described above; any other form body
 * (URL-encoded, sent without files) is read by SvelteKit as usual. A body that is not what its
 * type says answers 400, one over BODY_SIZE_LIMIT 413, and nothing is left on disk.
 */
export async function readStreamedForm(
	request: Request,
	limits: StreamedFormLimits
): Promise<StreamedForm> {
	const contentType = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data\s*;/i.test(contentType) || !request.body) {
		return { fields: await request.formData(), files: [], discard: async () => {} };
	}
	const dir = await mkdtemp(join(tmpdir(), 'ahadi-upload-'));
	const discard = () => rm(dir, { recursive: true, force: true });
	try {
		const read = await parse(request.body, contentType, dir, limits);
		return { ...read, discard };
	} catch (e) {
		await discard();
		throw e;
	}
}

async function parse(
	body: ReadableStream<Uint8Array>,
	contentType: string,
	dir: string,
	limits: StreamedFormLimits
): Promise<Omit<StreamedForm, 'discard'>> {
	const fields = new FormData();
	const slots: Promise<UploadedFile | null>[] = [];
	let parser: ReturnType<typeof Busboy>;
	try {
		parser = Busboy({
			headers: { 'content-type': contentType },
			limits: { fileSize: limits.maxFileBytes, fields: 1000, parts: 1100, fieldSize: 1024 * 1024 }
		});
	} catch {
		unreadable(); // no boundary, or not multipart after all
	}
	parser.on('field', (name: string, value: string) => fields.append(name, value));
	parser.on('file', (name: string, stream: Readable, fileName: string) => {
		if (name !== limits.fileField || slots.length >= limits.maxFiles) {
			stream.resume();
			return;
		}
		const staged = stage(stream, join(dir, String(slots.length)), fileName);
		staged.catch(() => {}); // awaited below; a body that breaks first is answered from there
		slots.push(staged);
	});
	try {
		await pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), parser);
	} catch (e) {
		// adapter-node errors the body with a 413 when it passes BODY_SIZE_LIMIT.
		const status = (e as { status?: unknown }).status;
		if (status === 413) error(413, 'The request is larger than the server accepts.');
		unreadable();
	}
	const staged = await Promise.all(slots);
	return { fields, files: staged.filter((f): f is UploadedFile => f !== null) };
}

/** Writes one file to `path` as it streams; null for an empty file input. */
async function stage(
	stream: Readable & { truncated?: boolean },
	path: string,
	fileName: string
): Promise<UploadedFile | null> {
	const hash = createHash('sha256');
	const head: Buffer[] = [];
	let headBytes = 0;
	let byteSize = 0;
	const measure = new Transform({
		transform(chunk: Buffer, _encoding, done) {
			hash.update(chunk);
			byteSize += chunk.length;
			if (headBytes < HEAD_BYTES) {
				const part = chunk.subarray(0, HEAD_BYTES - headBytes);
				head.push(Buffer.from(part));
				headBytes += part.length;
			}
			done(null, chunk);
		}
	});
	await pipeline(stream, measure, createWriteStream(path));
	if (byteSize === 0) return null;
	return {
		fileName: uploadedFileName(fileName, 'document'),
		byteSize,
		truncated: stream.truncated === true,
		sha256: hash.digest('hex'),
		head: new Uint8Array(Buffer.concat(head)),
		chunks: () => createReadStream(path, { highWaterMark: CHUNK_BYTES })
	};
}
