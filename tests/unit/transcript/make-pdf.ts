// Builds Hansard-like PDFs for the tests with pdf-lib: each page a list of lines, some bold,
// with optional running heads, page numbers and the disclaimer.
import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface PdfLine {
	text: string;
	bold?: boolean;
	/** A line whose first part (up to and including the colon) is bold, the rest regular. */
	boldLead?: string;
}

export interface PdfOptions {
	head?: (page: number) => string[];
	foot?: (page: number, pages: number) => string[];
}

export async function makePdf(pages: PdfLine[][], options: PdfOptions = {}): Promise<Uint8Array> {
	const pdf = await PDFDocument.create();
	const regular = await pdf.embedFont(StandardFonts.TimesRoman);
	const bold = await pdf.embedFont(StandardFonts.TimesRomanBold);
	pages.forEach((lines, p) => {
		const page = pdf.addPage([595, 842]);
		let y = 800;
		for (const head of options.head?.(p + 1) ?? []) {
			page.drawText(head, { x: 200, y, size: 10, font: regular });
			y -= 14;
		}
		y -= 10;
		for (const line of lines) {
			if (line.boldLead) {
				page.drawText(line.boldLead, { x: 50, y, size: 11, font: bold });
				const w = bold.widthOfTextAtSize(line.boldLead, 11);
				page.drawText(line.text, { x: 50 + w + 3, y, size: 11, font: regular });
			} else {
				page.drawText(line.text, { x: 50, y, size: 11, font: line.bold ? bold : regular });
			}
			y -= 14;
		}
		let fy = 40;
		for (const foot of options.foot?.(p + 1, pages.length) ?? []) {
			page.drawText(foot, { x: 250, y: fy, size: 9, font: regular });
			fy -= 11;
		}
	});
	return pdf.save();
}
