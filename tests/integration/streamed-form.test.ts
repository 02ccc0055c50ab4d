// A submission's documents are read as they arrive and stored in chunks: the multipart body is
// streamed to a temporary file (never held whole), a file over the limit is cut off and said so,
// a broken body answers 400 and leaves nothing behind, and what is stored reads back byte for
// byte from its chunks, on SQLite and on PostgreSQL.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHttpError } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/index';
import {
	HEAD_BYTES,
	readStreamedForm,
	type StreamedForm
} from '../../src/lib/server/forms/streamed-form';
import { readSubmissionForm } from '../../src/lib/server/forms/submission';
import { getDocumentChunk } from '../../src/lib/server/queries/ministry';
import { saveDraft, type Person } from '../../src/lib/server/services/ministry-replies';
import { seedDemo } from '../../db/seeds/demo';
import { person } from '../../db/seeds/demo-replies';
import { seedDemoUsers } from '../../db/seeds/demo-users';
import { freshDb } from '../helpers/db';

const URL_ = 'http://127.0.0.1/ministry/commitments/1?/save';
const LIMITS = { fileField: 'documents', maxFileBytes: 1024 * 1024, maxFiles: 3 };

/** A PDF-looking file of `size` bytes whose every byte depends on its position. */
function pdfOf(size: number): Uint8Array<ArrayBuffer> {
	const bytes = new Uint8Array(size);
	for (let i = 0; i < size; i++) bytes[i] = (i * 7 + (i >> 8)) & 0xff;
	bytes.set(new TextEncoder().encode('%PDF-1.7\n'), 0);
	return bytes;
}

const post = (form: FormData) => new Request(URL_, { method: 'POST', body: form });

async function contentOf(file: StreamedForm['files'][number]): Promise<Buffer> {
	const parts: Uint8Array[] = [];
	for await (const chunk of file.chunks()) parts.push(chunk);
	return Buffer.concat(parts);
}

const uploadDirs = () => readdirSync(tmpdir()).filter((n) => n.startsWith('ahadi-upload-'));

let opened: StreamedForm[] = [];
afterEach(async () => {
	for (const form of opened) await form.discard();
	opened = [];
});
async function read(request: Request, limits = LIMITS) {
	const form = await readStreamedForm(request, limits);
	opened.push(form);
	return form;
}

async function statusOf(run: () => Promise<unknown>): Promise<number> {
	try {
		await run();
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
	throw new Error('expected the form to be refused');
}

describe('reading a form with files as it arrives', () => {
	it('gives the text fields, and each file measured, hashed and read back whole', async () => {
		const big = pdfOf(700_000);
		const form = new FormData();
		form.append('kind', 'report');
		form.append('body', 'Forty officers seconded.');
		form.append('documents', new Blob([big]), 'C:\\Users\\liaison\\report.pdf');
		form.append('documents', new Blob([]), ''); // an input left empty
		form.append('documents', new Blob([pdfOf(10)]), 'annex.pdf');
		const read_ = await read(post(form));

		expect(read_.fields.get('kind')).toBe('report');
		expect(read_.fields.get('body')).toBe('Forty officers seconded.');
		expect(read_.fields.getAll('documents')).toEqual([]);
		expect(read_.files.map((f) => [f.fileName, f.byteSize, f.truncated])).toEqual([
			['report.pdf', 700_000, false],
			['annex.pdf', 10, false]
		]);
		const first = read_.files[0]!;
		expect(first.sha256).toBe(createHash('sha256').update(big).digest('hex'));
		expect(Buffer.from(first.head).equals(Buffer.from(big.subarray(0, HEAD_BYTES)))).toBe(true);
		expect((await contentOf(first)).equals(Buffer.from(big))).toBe(true);
	});

	it('cuts a file off at the limit and says so, and reads past files beyond the count', async () => {
		const form = new FormData();
		form.append('documents', new Blob([pdfOf(LIMITS.maxFileBytes + 5000)]), 'huge.pdf');
		for (const n of [1, 2, 3]) form.append('documents', new Blob([pdfOf(100)]), `d${n}.pdf`);
		form.append('other', new Blob([pdfOf(100)]), 'elsewhere.pdf');
		const read_ = await read(post(form));
		expect(read_.files.map((f) => f.fileName)).toEqual(['huge.pdf', 'd1.pdf', 'd2.pdf']);
		const huge = read_.files[0]!;
		expect(huge.truncated).toBe(true);
		expect(huge.byteSize).toBe(LIMITS.maxFileBytes);
		expect((await contentOf(huge)).length).toBe(LIMITS.maxFileBytes);
	});

	it('writes a file to disk while it is still arriving, never holding it whole', async () => {
		// The body is produced on demand: after the first 6 MB it waits until the reader has
		// written them to disk. A reader that held the body until its end would never see them
		// there, and the upload would fail.
		const boundary = '----ahadi-stream-test';
		const encoder = new TextEncoder();
		const before = new Set(uploadDirs());
		const total = 12 * 1024 * 1024;
		const piece = pdfOf(256 * 1024);
		let sent = 0;
		let waited = false;
		const body = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(
					encoder.encode(
						`--${boundary}\r\nContent-Disposition: form-data; name="documents"; filename="big.pdf"\r\n` +
							'Content-Type: application/pdf\r\n\r\n'
					)
				);
			},
			async pull(controller) {
				if (sent >= 6 * 1024 * 1024 && !waited) {
					waited = true;
					const onDisk = await waitFor(() => stagedBytes(before) >= 4 * 1024 * 1024);
					if (!onDisk) controller.error(new Error('nothing reached the disk mid-upload'));
				}
				if (sent >= total) {
					controller.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`));
					controller.close();
					return;
				}
				controller.enqueue(piece);
				sent += piece.length;
			}
		});
		const request = new Request(URL_, {
			method: 'POST',
			headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
			body,
			duplex: 'half'
		} as RequestInit);
		const read_ = await read(request, { ...LIMITS, maxFileBytes: 20 * 1024 * 1024 });
		expect(waited).toBe(true);
		expect(read_.files.map((f) => f.byteSize)).toEqual([total]);
	}, 30_000);

	it('answers 400 for a body that is not the multipart it claims, and leaves nothing behind', async () => {
		const before = uploadDirs().length;
		const broken = (body: string, type = 'multipart/form-data; boundary=xyz') =>
			new Request(URL_, { method: 'POST', headers: { 'content-type': type }, body });
		expect(
			await statusOf(() =>
				read(broken('--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated'))
			)
		).toBe(400);
		expect(await statusOf(() => read(broken('anything', 'multipart/form-data; charset=x')))).toBe(
			400
		);
		expect(uploadDirs().length).toBe(before);
	});

	it('removes its temporary files when discarded', async () => {
		const form = new FormData();
		form.append('documents', new Blob([pdfOf(1000)]), 'a.pdf');
		const before = new Set(uploadDirs());
		const read_ = await readStreamedForm(post(form), LIMITS);
		expect(uploadDirs().filter((d) => !before.has(d))).toHaveLength(1);
		await read_.discard();
		expect(uploadDirs().filter((d) => !before.has(d))).toHaveLength(0);
	});
});

describe('a document stored in chunks', () => {
	let db: Database;
	let ministry: Person;
	beforeEach(async () => {
		db = await freshDb();
		await seedDemo(db);
		await seedDemoUsers(db);
		ministry = await person(db, 'ministry@ahadi.example');
	});

	it('reads back byte for byte from its chunks, and a file over 20 MB is refused by name', async () => {
		const commitmentId = (
			await db
				.selectFrom('commitments')
				.select('id')
				.where('ref', '=', 'DCAIS/2025/003')
				.executeTakeFirstOrThrow()
		).id;
		const input = {
			kind: 'report' as const,
			body: 'Report with an annex.',
			claimedStatus: 'on_track' as const,
			requestedUntil: null,
			approvedBy: null,
			approvedOn: null
		};
		const pdf = pdfOf(600_000);
		const form = new FormData();
		form.append('documents', new Blob([pdf]), 'annex.pdf');
		const upload = await read(post(form));
		const id = await saveDraft(
			db,
			ministry,
			{ commitmentId, submissionId: null, version: null, input, documents: upload.files },
			{ today: '2026-12-07' }
		);
		const doc = await db
			.selectFrom('submission_documents')
			.select(['id', 'byte_size', 'sha256'])
			.where('submission_id', '=', id)
			.executeTakeFirstOrThrow();
		const chunks: Uint8Array[] = [];
		for (let seq = 0; ; seq++) {
			const bytes = await getDocumentChunk(db, doc.id, seq);
			if (!bytes) break;
			chunks.push(bytes);
		}
		expect(chunks.length).toBe(3); // 256 KiB, 256 KiB and the rest
		expect(Buffer.concat(chunks).equals(Buffer.from(pdf))).toBe(true);
		expect(doc.byte_size).toBe(600_000);
		expect(doc.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

		const tooBig = new FormData();
		tooBig.append('documents', new Blob([pdfOf(20 * 1024 * 1024 + 1)]), 'scan.pdf');
		const refused = await readSubmissionForm(post(tooBig));
		opened.push(refused);
		const error = await saveDraft(
			db,
			ministry,
			{ commitmentId, submissionId: null, version: null, input, documents: refused.files },
			{ today: '2026-12-07' }
		).catch((e: unknown) => e);
		expect((error as { errors?: Record<string, string> }).errors?.documents).toMatch(/scan\.pdf/);
		const drafts = await db
			.selectFrom('ministry_submissions')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('commitment_id', '=', commitmentId)
			.executeTakeFirstOrThrow();
		expect(Number(drafts.n)).toBe(1);
	});
});

async function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<boolean> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (check()) return true;
		await new Promise((r) => setTimeout(r, 20));
	}
	return false;
}

/** Bytes in the upload folders made since `before`. */
function stagedBytes(before: Set<string>): number {
	let bytes = 0;
	for (const dir of uploadDirs().filter((d) => !before.has(d))) {
		for (const f of readdirSync(join(tmpdir(), dir)))
			bytes += statSync(join(tmpdir(), dir, f)).size;
	}
	return bytes;
}
