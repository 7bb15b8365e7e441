// Refreshes the README's screenshots (media/screenshots/) from the last e2e run's step screenshots
// (test-output/e2e/), cropped to the editor and panel and scaled down, using the same Chromium.
//   npm run test:e2e && node scripts/readme-screenshots.mjs [PICTURE.png ...]   (default: all)
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shots = join(root, 'test-output', 'e2e');
/** README picture <- journey folder/step file, with the crop (in the 1400x900 screenshot). */
const PICTURES = [
  ['problems.png', 'an-invalid-file-lists-the-cpu-memory-warning-and-the-tcp-enum-error-with-codes-and-lines/01-problems-panel.png', { x: 350, y: 40, width: 1050, height: 720 }],
  ['quick-fix.png', 'ctrl-on-the-cpu_count-line-offers-what-zenml-deploys-first-and-fixes-both-values/01-quick-fixes.png', { x: 350, y: 40, width: 1050, height: 400 }],
  ['completion.png', 'completion-after-memory-offers-only-the-sizes-valid-for-cpu_count/01-memory-suggestions.png', { x: 350, y: 40, width: 1050, height: 360 }],
  ['hover.png', 'hover-on-memory-shows-the-resolved-app-runner-size/01-hover.png', { x: 350, y: 40, width: 1050, height: 560 }],
  ['deployments.png', 'a-failed-deployment-says-why-it-failed-with-its-logs-one-click-away/01-why-it-failed.png', { x: 48, y: 40, width: 300, height: 480 }],
  ['dashboard.png', 'show-dashboard-on-a-running-service-draws-its-charts-from-real-traffic-and-the-range-picker-reloads-them/01-dashboard-charts.png', { x: 348, y: 70, width: 1052, height: 800 }],
];
const wanted = process.argv.slice(2);
const SCALE = 0.75;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  mkdirSync(join(root, 'media', 'screenshots'), { recursive: true });
  for (const [name, source, crop] of PICTURES.filter(([name]) => wanted.length === 0 || wanted.includes(name))) {
    const file = join(shots, source);
    if (!existsSync(file)) throw new Error(`${file} is missing: run the e2e journeys first (npm run test:e2e)`);
    const page = await browser.newPage({ viewport: { width: Math.round(crop.width * SCALE), height: Math.round(crop.height * SCALE) } });
    const data = readFileSync(file).toString('base64');
    await page.setContent(`<body style="margin:0;overflow:hidden"><img style="position:absolute;left:${-crop.x * SCALE}px;top:${-crop.y * SCALE}px;width:${1400 * SCALE}px" src="data:image/png;base64,${data}"></body>`);
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: join(root, 'media', 'screenshots', name) });
    await page.close();
  }
} finally {
  await browser.close();
}
