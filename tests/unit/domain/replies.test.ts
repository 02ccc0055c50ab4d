// The reply figures of the scorecards, and what an uploaded document is, from its bytes.
import { describe, expect, it } from 'vitest';
import {
	documentKindOf,
	downloadNameOf,
	replyFigures,
	type ReplyFacts
} from '../../../src/lib/domain';

const row = (over: Partial<ReplyFacts>): ReplyFacts => ({
	deadline: '2026-06-30',
	givenOn: '2026-01-01',
	firstReportOn: null,
	extensionsGranted: 0,
	extensionsRefused: 0,
	...over
});

describe('replyFigures', () => {
	it('counts reports on time, late and missing, and the median days to respond', () => {
		const figures = replyFigures(
			[
				row({ firstReportOn: '2026-06-30' }), // on the day: on time, 180 days
				row({ firstReportOn: '2026-07-01', extensionsRefused: 1 }), // a day late, 181 days
				row({ firstReportOn: '2026-01-11', deadline: null }), // no deadline: on time, 10 days
				row({}), // due before today, nothing: not received
				row({ deadline: '2026-12-31', extensionsGranted: 2 }) // not yet due: not counted
			],
			'2026-12-07'
		);
		expect(figures).toEqual({
			onTime: 2,
			late: 1,
			notReceived: 1,
			medianDaysToRespond: 180,
			extensionsGranted: 2,
			extensionsRefused: 1
		});
	});

	it('has no median without reports, and rounds an even count’s middle', () => {
		expect(replyFigures([row({})], '2026-12-07').medianDaysToRespond).toBeNull();
		const even = replyFigures(
			[row({ firstReportOn: '2026-01-11' }), row({ firstReportOn: '2026-01-14' })],
			'2026-12-07'
		);
		expect(even.medianDaysToRespond).toBe(12);
	});
});

const bytes = (...parts: (string | number[])[]) =>
	new Uint8Array(
		parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p))
	);

describe('documentKindOf', () => {
	it('knows the accepted kinds by their first bytes', () => {
		expect(documentKindOf(bytes('%PDF-1.7\n'))?.mediaType).toBe('application/pdf');
		expect(documentKindOf(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]))?.extension).toBe(
			'png'
		);
		expect(documentKindOf(bytes([0xff, 0xd8, 0xff, 0xe0]))?.extension).toBe('jpg');
		expect(documentKindOf(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))?.extension).toBe(
			'doc'
		);
		const zip = [0x50, 0x4b, 0x03, 0x04, ...new Array(26).fill(0)];
		expect(
			documentKindOf(bytes(zip, 'mimetypeapplication/vnd.oasis.opendocument.text'))?.extension
		).toBe('odt');
		expect(documentKindOf(bytes(zip, '[Content_Types].xml', 'word/document.xml'))?.extension).toBe(
			'docx'
		);
	});

	it('refuses anything else, whatever it is called', () => {
		expect(documentKindOf(bytes('<html><script>alert(1)</script>'))).toBeNull();
		expect(documentKindOf(bytes('%PD'))).toBeNull();
		expect(documentKindOf(bytes([0x50, 0x4b, 0x03, 0x04], 'not an office file'))).toBeNull();
		expect(documentKindOf(new Uint8Array())).toBeNull();
	});

	it('names a download for what it is', () => {
		const pdf = documentKindOf(bytes('%PDF-1.4'))!;
		expect(downloadNameOf('report.docx', pdf)).toBe('report.pdf');
		expect(downloadNameOf('../../etc/passwd', pdf)).toBe('.._.._etc_passwd.pdf');
		expect(downloadNameOf('', pdf)).toBe('document.pdf');
	});
});
