// The transcript as it was uploaded, so a quote can be checked against its source. Only for
// the clerks of its committee (and admins): a sitting's source may not be public yet.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/access';
import { parseId } from '$lib/server/auth/scope';
import { db } from '$lib/server/db/client';
import { getTranscriptFile } from '$lib/server/queries/transcripts';
import { findEditableTranscript } from '$lib/server/services/transcripts';
import type { RequestHandler } from './$types';

const MEDIA_TYPES = {
	pdf: 'application/pdf',
	text: 'text/plain; charset=utf-8',
	html: 'text/plain; charset=utf-8'
} as const;

export const GET: RequestHandler = async ({ locals, params }) => {
	requireRole(locals.user, 'clerk', 'admin');
	const id = parseId(params.id);
	const head = id === null ? null : await findEditableTranscript(db, locals.user, id);
	const file = head ? await getTranscriptFile(db, head.id) : undefined;
	if (!file) error(404, m.tr_no_such());
	const asciiName = file.file_name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(new Uint8Array(file.content), {
		headers: {
			// HTML is served as text, never rendered on Ahadi's origin.
			'content-type': MEDIA_TYPES[file.kind],
			'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store',
			digest: `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`
		}
	});
};
