import { chromium } from '@playwright/test';
const [url, prefix, width = '1280'] = process.argv.slice(2);
const base = 'http://127.0.0.1:4190';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: Number(width), height: 1000 } });
await page.goto(base + '/login');
await page.getByLabel('Email').fill('clerk@ahadi.example');
await page.getByLabel('Password').fill('demo-clerk-password');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForLoadState('networkidle');
await page.goto(base + url);
const h = await page.evaluate(() => Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)); console.log(page.url(), (await page.content()).slice(0,300));
console.log('height', h);
for (let y = 0, i = 0; y < h && i < 8; y += 1400, i++) {
	await page.screenshot({ path: `/tmp/shots/${prefix}-${i}.png`, fullPage: true, clip: { x: 0, y, width: Number(width), height: Math.min(1400, h - y) } });
}
await browser.close();
