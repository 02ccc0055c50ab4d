// The limits a transcript upload must stay within. A Hansard sitting runs to a few hundred pages
// at most; a committee's evidence, tens.

/** Bytes: larger files are refused before any parsing. */
export const MAX_TRANSCRIPT_BYTES = 20 * 1024 * 1024;

/** Pages: a PDF with more is refused from its page count, before any page is read. */
export const MAX_TRANSCRIPT_PAGES = 1500;
