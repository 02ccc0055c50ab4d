// The shared response cache in front of the SvelteKit handler (see server/index.js).
//
// Caching inside SvelteKit (hooks, load) saves nothing measurable: the cost is the framework's
// request pipeline, not rendering. So published public pages are answered here, before the
// SvelteKit handler runs. Safety rules, in the order they are checked:
//
// - only GET and HEAD are answered from the cache; any other request goes to the app;
// - the cache is emptied when the app says a request changed data (CHANGED_HEADER, set when
//   the request wrote to the audit log: src/lib/server/shared-cache.ts), as its response head
//   is written, so after its transaction committed. A request that changed nothing (a refused
//   POST, an OPTIONS, a 404) empties nothing: anyone can send those, and a cache that forgot on
//   each would be kept cold by anyone. Writes by other processes reach it through the change
//   marker (server/change-marker.js);
// - a request carrying the session cookie never touches the cache (signed-in pages, drafts);
// - a response is stored only when the app opted it in with the CACHEABLE_HEADER marker (set by
//   src/lib/server/shared-cache.ts for anonymous reads of public routes), status 200, and no
//   Set-Cookie. The marker is removed before anything is sent.
// - a render that started before an invalidation is not stored (generation check).
//
// The key is the URL with its query string (plus the forwarded host/protocol headers when
// adapter-node is told to trust them): the language is decided by the URL alone (/sw/...).

import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/** Response header by which the app opts a response in to the shared cache. Never sent out. */
export const CACHEABLE_HEADER = 'x-ahadi-cacheable';
/** Response header by which the app says this request changed data. Never sent out. */
export const CHANGED_HEADER = 'x-ahadi-changed';
/** Response header saying how the front server answered: HIT or MISS (cacheable responses). */
export const CACHE_STATUS_HEADER = 'x-cache';

/**
 * @typedef {object} CacheEntry
 * @property {number} status
 * @property {Record<string, string | string[]>} headers lower-case names, ETag included
 * @property {Buffer} body
 * @property {Buffer} [br] the body compressed with Brotli, when worth it
 * @property {Buffer} [gzip] the body compressed with gzip, when worth it
 * @property {string} etag
 * @property {number} storedAt when it was stored, by the cache's clock (set by `set`)
 */

/**
 * @typedef {object} CacheOptions
 * @property {number} [maxEntries] 0 disables storing (every read is rendered)
 * @property {number} [maxBytes] total body bytes kept
 * @property {number} [maxEntryBytes] larger responses are streamed through, not kept
 * @property {number} [ttlMs] an entry older than this is rendered again (dates move on)
 * @property {() => number} [now]
 */

/** A bounded LRU map of rendered responses with a generation counter for invalidation. */
export class ResponseCache {
	/** @param {CacheOptions} [options] */
	constructor(options = {}) {
		this.maxEntries = options.maxEntries ?? 1000;
		this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
		this.maxEntryBytes = options.maxEntryBytes ?? 4 * 1024 * 1024;
		this.ttlMs = options.ttlMs ?? 60_000;
		this.now = options.now ?? Date.now;
		/** @type {Map<string, CacheEntry>} */
		this.entries = new Map();
		this.bytes = 0;
		/** Bumped by every clear(); a render from an older generation is not stored. */
		this.generation = 0;
	}

	/** @param {string} key */
	get(key) {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		this.entries.delete(key);
		if (this.now() - entry.storedAt >= this.ttlMs) {
			this.bytes -= entryBytes(entry);
			return undefined;
		}
		this.entries.set(key, entry); // most recently used goes last
		return entry;
	}

	/**
	 * Stores `entry` unless the cache was cleared since `generation` was read.
	 * @param {string} key
	 * @param {CacheEntry} entry
	 * @param {number} generation
	 */
	set(key, entry, generation) {
		if (generation !== this.generation || this.maxEntries === 0) return false;
		if (entry.body.length > this.maxEntryBytes) return false;
		const old = this.entries.get(key);
		if (old) {
			this.entries.delete(key);
			this.bytes -= entryBytes(old);
		}
		this.entries.set(key, { ...entry, storedAt: this.now() });
		this.bytes += entryBytes(entry);
		for (const [oldest, value] of this.entries) {
			if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
			this.entries.delete(oldest);
			this.bytes -= entryBytes(value);
		}
		return true;
	}

	clear() {
		this.entries.clear();
		this.bytes = 0;
		this.generation += 1;
	}

	get size() {
		return this.entries.size;
	}
}

/** @param {CacheEntry} entry */
function entryBytes(entry) {
	return entry.body.length + (entry.br?.length ?? 0) + (entry.gzip?.length ?? 0);
}

/** Types worth compressing; images and archives are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|atom\+xml|javascript|.*\+json))/;
/** Smaller bodies gain less than the bytes of the header that announces the encoding. */
const MIN_COMPRESS_BYTES = 1024;

/**
 * Compresses a kept response once, when it is stored, so every hit can be sent compressed at
 * no further cost (adapter-node compresses only prerendered files, not rendered pages).
 * @param {CacheEntry} entry
 * @returns {CacheEntry}
 */
export function withCompressedBodies(entry) {
	const type = String(entry.headers['content-type'] ?? '');
	if (entry.body.length < MIN_COMPRESS_BYTES || !COMPRESSIBLE.test(type)) return entry;
	if (entry.headers['content-encoding']) return entry;
	const br = brotliCompressSync(entry.body, {
		params: {
			[zlib.BROTLI_PARAM_QUALITY]: 5,
			[zlib.BROTLI_PARAM_SIZE_HINT]: entry.body.length
		}
	});
	const gzip = gzipSync(entry.body, { level: 6 });
	return { ...entry, br, gzip, headers: { ...entry.headers, vary: 'Accept-Encoding' } };
}

/**
 * The encoding to send, from the request's Accept-Encoding (q=0 refuses one).
 * @param {string | undefined} header
 * @param {CacheEntry} entry
 * @returns {'br' | 'gzip' | null}
 */
export function chooseEncoding(header, entry) {
	if (!header || (!entry.br && !entry.gzip)) return null;
	/** @type {Map<string, number>} */
	const q = new Map();
	for (const part of header.toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		q.set(name ?? '', weight ? Number(weight.slice(2)) : 1);
	}
	const accepts = (/** @type {string} */ name) => (q.get(name) ?? q.get('*') ?? 0) > 0;
	if (entry.br && accepts('br')) return 'br';
	if (entry.gzip && accepts('gzip')) return 'gzip';
	return null;
}

/** A strong validator of the exact bytes. */
export function etagOf(/** @type {Buffer} */ body) {
	return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * RFC 9110 weak comparison against an If-None-Match list (or `*`).
 * @param {string | undefined} header
 * @param {string} etag
 */
export function ifNoneMatchHits(header, etag) {
	if (!header) return false;
	const opaque = etag.replace(/^W\//, '');
	return header.split(',').some((t) => {
		const tag = t.trim();
		return tag === '*' || tag.replace(/^W\//, '') === opaque;
	});
}

/**
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next?: () => void) => unknown} NodeHandler
 */

/**
 * @typedef {object} FrontOptions
 * @property {ResponseCache} cache
 * @property {string} sessionCookie name of the session cookie: its presence bypasses the cache
 * @property {string[]} [keyHeaders] request headers that change the page (HOST_HEADER, ...)
 */

/**
 * Wraps a Node request handler (adapter-node's `handler`) with the shared cache.
 * @param {NodeHandler} handler
 * @param {FrontOptions} options
 * @returns {NodeHandler}
 */
export function createFrontHandler(handler, options) {
	const { cache, sessionCookie } = options;
	const keyHeaders = ['host', ...(options.keyHeaders ?? []).map((h) => h.toLowerCase())];
	const cookiePattern = new RegExp(`(?:^|;)\\s*${sessionCookie}=`);
	/** @type {Map<string, Promise<CacheEntry | undefined>>} renders in progress, by key */
	const rendering = new Map();

	/** @param {import('node:http').IncomingMessage} req */
	function keyOf(req) {
		let key = req.url ?? '/';
		for (const name of keyHeaders) key += `\n${req.headers[name] ?? ''}`;
		return key;
	}

	/** Empties the cache when the app said this request changed data. */
	function forgetOnChange(/** @type {boolean} */ changed) {
		if (changed) cache.clear();
	}

	return function frontHandler(req, res) {
		const method = req.method;
		// Anything else than an anonymous GET or HEAD goes to the app as it is (a write's
		// response head is written after the action and its transaction ended).
		const cookie = req.headers.cookie;
		if ((method !== 'GET' && method !== 'HEAD') || (cookie && cookiePattern.test(cookie))) {
			interceptHead(res, forgetOnChange);
			return handler(req, res);
		}
		const key = keyOf(req);
		const hit = cache.get(key);
		if (hit) return sendEntry(req, res, hit, 'HIT');
		if (method === 'HEAD') {
			interceptHead(res, forgetOnChange);
			return handler(req, res);
		}
		const pending = rendering.get(key);
		if (pending) {
			return pending.then((entry) =>
				entry ? sendEntry(req, res, entry, 'HIT') : render(req, res, key)
			);
		}
		return render(req, res, key);
	};

	/**
	 * Renders a page the cache lacks. Until it is done, other requests for the same key wait
	 * for it rather than render it again (after a write, a busy page is rendered once, not once
	 * per visitor); if it cannot be kept, they render it themselves.
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 * @param {string} key
	 */
	function render(req, res, key) {
		const generation = cache.generation;
		/** @type {(entry: CacheEntry | undefined) => void} */
		let settle = () => {};
		/** @type {Promise<CacheEntry | undefined>} */
		const done = new Promise((resolve) => (settle = resolve));
		const finish = (/** @type {CacheEntry | undefined} */ entry) => {
			if (rendering.get(key) === done) rendering.delete(key);
			settle(entry);
		};
		if (cache.maxEntries > 0) {
			rendering.set(key, done);
			res.once('close', () => finish(undefined));
		}
		captureResponse(res, cache.maxEntryBytes, forgetOnChange, (captured) => {
			// Compressed once for every later hit; with the cache off there is no later hit, and
			// the page goes out as adapter-node sends rendered pages (a proxy may compress it).
			const entry = cache.maxEntries > 0 ? withCompressedBodies(captured) : captured;
			// Not kept when a write happened meanwhile: then waiters render afresh.
			finish(cache.set(key, entry, generation) ? entry : undefined);
			sendEntry(req, res, entry, 'MISS');
		});
		return handler(req, res);
	}
}

/**
 * Removes the app's internal headers, and says whether the request changed data.
 * @param {import('node:http').ServerResponse} res
 * @param {(changed: boolean) => void} onHead
 */
function takeInternalHeaders(res, onHead) {
	const changed = res.hasHeader(CHANGED_HEADER);
	res.removeHeader(CHANGED_HEADER);
	res.removeHeader(CACHEABLE_HEADER);
	onHead(changed);
}

/**
 * Removes the app's internal headers from whatever it answers when the head goes out, and
 * calls `onHead` with whether the request changed data.
 * @param {import('node:http').ServerResponse} res
 * @param {(changed: boolean) => void} onHead
 */
function interceptHead(res, onHead) {
	const writeHead = res.writeHead;
	/** @type {any} */ (res).writeHead = function (/** @type {any[]} */ ...args) {
		takeInternalHeaders(res, onHead);
		return writeHead.apply(res, /** @type {any} */ (args));
	};
}

/**
 * Holds back a response the app marked cacheable until it is complete, then hands it to
 * `onComplete` instead of sending it. Anything else (or a body over `maxBytes`) goes out as is.
 * @param {import('node:http').ServerResponse} res
 * @param {number} maxBytes
 * @param {(changed: boolean) => void} onHead
 * @param {(entry: CacheEntry) => void} onComplete
 */
function captureResponse(res, maxBytes, onHead, onComplete) {
	const anyRes = /** @type {any} */ (res);
	/** @type {{ writeHead: Function, write: Function, end: Function }} */
	const { writeHead, write, end } = anyRes;
	/** @type {Buffer[]} */
	let chunks = [];
	let size = 0;
	let status = 200;
	/** True once the app wrote a marked head: from then on the body is held back. */
	let holding = false;

	const restore = () => {
		anyRes.writeHead = writeHead;
		anyRes.write = write;
		anyRes.end = end;
	};
	/** Gives up holding back: sends the head and what was held so far, then streams. */
	const flush = () => {
		restore();
		writeHead.call(res, status);
		for (const chunk of chunks) write.call(res, chunk);
		chunks = [];
	};

	anyRes.writeHead = function (/** @type {number} */ statusCode, /** @type {any[]} */ ...rest) {
		const marked = res.hasHeader(CACHEABLE_HEADER);
		const changed = res.hasHeader(CHANGED_HEADER);
		takeInternalHeaders(res, onHead);
		if (
			changed ||
			!marked ||
			statusCode !== 200 ||
			rest.length > 0 ||
			res.hasHeader('set-cookie')
		) {
			restore();
			return writeHead.call(res, statusCode, ...rest);
		}
		status = statusCode;
		holding = true;
		return res;
	};
	anyRes.write = function (
		/** @type {any} */ chunk,
		/** @type {any} */ encoding,
		/** @type {any} */ cb
	) {
		if (!holding) {
			restore();
			res.removeHeader(CACHEABLE_HEADER);
			return write.call(res, chunk, encoding, cb);
		}
		if (typeof encoding === 'function') cb = encoding;
		const buffer = toBuffer(chunk, encoding);
		chunks.push(buffer);
		size += buffer.length;
		if (typeof cb === 'function') process.nextTick(cb);
		if (size > maxBytes) flush();
		return true;
	};
	anyRes.end = function (
		/** @type {any} */ chunk,
		/** @type {any} */ encoding,
		/** @type {any} */ cb
	) {
		if (!holding) {
			restore();
			res.removeHeader(CACHEABLE_HEADER);
			return end.call(res, chunk, encoding, cb);
		}
		if (typeof chunk === 'function') [cb, chunk] = [chunk, undefined];
		if (typeof encoding === 'function') [cb, encoding] = [encoding, undefined];
		if (chunk != null) {
			chunks.push(toBuffer(chunk, encoding));
		}
		restore();
		const body = Buffer.concat(chunks);
		/** @type {Record<string, string | string[]>} */
		const headers = {};
		for (const [name, value] of Object.entries(res.getHeaders())) {
			if (value !== undefined) headers[name] = Array.isArray(value) ? value : String(value);
			res.removeHeader(name);
		}
		headers['content-length'] = String(body.length);
		const given = headers.etag;
		const etag = typeof given === 'string' ? given : etagOf(body);
		headers.etag = etag;
		onComplete({ status, headers, body, etag, storedAt: Date.now() });
		if (typeof cb === 'function') res.once('finish', cb);
		return res;
	};
}

/**
 * @param {any} chunk a Buffer, Uint8Array or string
 * @param {any} encoding
 */
function toBuffer(chunk, encoding) {
	if (Buffer.isBuffer(chunk)) return chunk;
	if (typeof chunk !== 'string')
		return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
	/** @type {BufferEncoding} */
	const charset = typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8';
	return Buffer.from(chunk, charset);
}

/**
 * Answers from an entry: 304 when the client holds this version, the head only for HEAD.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {CacheEntry} entry
 * @param {'HIT' | 'MISS'} how
 */
function sendEntry(req, res, entry, how) {
	const encoding = chooseEncoding(req.headers['accept-encoding'], entry);
	// One validator for the content in every encoding, weak as RFC 9110 asks of an ETag shared
	// by representations that differ in bytes (nginx does the same when it compresses).
	const etag = entry.br || entry.gzip ? `W/${entry.etag.replace(/^W\//, '')}` : entry.etag;
	if (ifNoneMatchHits(req.headers['if-none-match'], etag)) {
		// The 200's headers (ETag, Cache-Control, CORS, ...) without those of its body.
		const { 'content-length': _length, 'content-type': _type, ...headers } = entry.headers;
		res.writeHead(304, { ...headers, etag, [CACHE_STATUS_HEADER]: how });
		res.end();
		return;
	}
	const body = encoding ? (entry[encoding] ?? entry.body) : entry.body;
	/** @type {Record<string, string | string[]>} */
	const headers = { ...entry.headers, etag, 'content-length': String(body.length) };
	if (encoding) headers['content-encoding'] = encoding;
	res.writeHead(entry.status, { ...headers, [CACHE_STATUS_HEADER]: how });
	res.end(req.method === 'HEAD' ? undefined : body);
}
