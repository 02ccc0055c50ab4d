// A real SMTP server for tests (smtp-server, from nodemailer's authors), keeping every message it
// accepts parsed by mailparser, or refusing every message when `reject` is set.
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
	url: string;
	received: ParsedMail[];
	/** Raw recipients per accepted message, in order. */
	close(): Promise<void>;
}

export async function startSmtpSink({
	reject = false,
	parse = true
}: { reject?: boolean; parse?: boolean } = {}): Promise<SmtpSink & { count: () => number }> {
	const received: ParsedMail[] = [];
	let count = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		closeTimeout: 200,
		onData(stream, _session, callback) {
			if (reject) {
				stream.resume();
				stream.on('end', () => {
					const err = new Error('Mailbox unavailable') as Error & { responseCode: number };
					err.responseCode = 550;
					callback(err);
				});
				return;
			}
			if (!parse) {
				stream.resume();
				stream.on('end', () => {
					count++;
					callback();
				});
				return;
			}
			simpleParser(stream)
				.then((mail) => {
					received.push(mail);
					count++;
					callback();
				})
				.catch((e: Error) => callback(e));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		received,
		count: () => count,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
