// The briefing pack's Print button (src/routes/(mp)/briefing/+page.svelte). The pages ship no
// app JavaScript, and the Content-Security-Policy allows only same-origin script files, so this
// small file shows the button and makes it print. Without JavaScript the button stays hidden,
// and the browser's own Print menu does the same.
for (const action of document.querySelectorAll('[data-print-action]')) {
	action.hidden = false;
	action.querySelector('button')?.addEventListener('click', () => window.print());
}
