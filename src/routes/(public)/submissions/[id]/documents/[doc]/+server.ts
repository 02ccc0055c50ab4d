// A document a ministry attached to a submission. Once the submission is sent on a published
// undertaking, it is public (the ministry's own account, open to everyone); a draft's document is
// seen only by its ministry. Always a download, never rendered on Ahadi's origin: the type was
// checked from the bytes at upload, and the answer is sandboxed and not sniffed. The content is
// streamed chunk by chunk, never held whole.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { parseId } from '$lib/server/auth/scope';
import { db } from '$lib/server/db/client';
import { getDocumentChunk, getDocumentFile } from '$lib/server/queries/ministry';
import type { RequestHandler } from './$types';

/** The document's content, read one stored chunk (at most 256 KiB) at a time as it is sent. */
function documentStream(documentId: number): ReadableStream<Uint8Array> {
	let seq = 0;
	return new ReadableStream({
		async pull(controller) {
			const bytes = await getDocumentChunk(db, documentId, seq++);
			if (bytes) controller.enqueue(new Uint8Array(bytes));
			else controller.close();
		}
	});
}

export const GET: RequestHandler = async ({ locals, params }) => {
	const submissionId = parseId(params.id);
	const documentId = parseId(params.doc);
	const file =
		submissionId === null || documentId === null
			? undefined
			: await getDocumentFile(db, submissionId, documentId);
	const user = locals.user;
	const visible =
		file !== undefined &&
		file.visibility === 'published' &&
		(file.state !== 'draft' ||
			(user?.role === 'ministry' && user.organisationIds.includes(file.organisation_id)));
	if (!file || !visible) error(404, m.not_found());
	const asciiName = file.file_name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(documentStream(documentId!), {
		headers: {
			'content-type': file.media_type,
			'content-length': String(file.byte_size),
			'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
			'x-content-type-options': 'nosniff',
			'content-security-policy': "sandbox; default-src 'none'",
			'cache-control': file.state === 'draft' ? 'private, no-store' : 'public, max-age=300',
			digest: `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`
		}
	});
};
