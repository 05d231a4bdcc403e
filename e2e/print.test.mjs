// Printing (issue 14): the timeline with its time axis and the Present handout,
// printed to PDF on A4 as a browser prints them, then read back with pdftotext
// (poppler-utils, installed by scripts/setup.sh browser): every printed event's
// title is in the PDF, nothing of the screen's controls is, and the page count
// fits what is printed. With TARIKH_PRINT_PNG=DIR the pages are also written as
// PNG (pdftoppm) to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, TarikhPage } from './pages.mjs';

let server, browser, dir;
before(async () => {
  server = await serve('dist', '/print/');
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'tarikh-print-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true });
});

/** Prints the page to an A4 PDF as the browser's print does; its pages' text (pdftotext). */
async function print(tab, name) {
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, await tab.page.pdf({ format: 'A4' }));
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
  if (pages.at(-1).trim() === '') pages.pop();
  if (process.env.TARIKH_PRINT_PNG) {
    execFileSync('pdftoppm', ['-png', '-r', '50', file, join(process.env.TARIKH_PRINT_PNG, name)]);
  }
  return pages;
}

/** Words as pdftotext gives them back: one space between, no line breaks or hyphenation. */
const flat = (s) => s.replace(/-\n\s*/g, '').replace(/\s+/g, ' ').trim();

test('the timeline with its time axis prints on A4: the axis on the first page, every event of the page printed, no controls', async () => {
  const hash = '#/timeline?strand=khiva&from=1919&to=1921&lanes=type';
  const tab = await TarikhPage.open(browser, server.url, hash);
  await tab.page.locator('li.card').first().waitFor();
  const titles = await tab.page.locator('li.card h3').allInnerTexts();
  assert.ok(titles.length >= 3, `${titles.length} events shown`);
  const axisLabels = await tab.page.locator('.axis-chart').innerText();
  const pages = await print(tab, 'timeline-axis');
  const all = flat(pages.join('\n'));
  for (const t of titles) assert.ok(all.includes(flat(t)), `the printed timeline lacks “${t}”`);
  // The axis is printed (its lane names, from the chart's own text) and first.
  const lane = axisLabels.split('\n').map((s) => s.trim()).find((s) => /^[A-Z][a-z]/.test(s) && s.length > 3);
  assert.ok(lane, 'the axis has a label to look for');
  assert.ok(flat(pages[0]).includes(lane), `the axis (“${lane}”) is not on the first printed page`);
  // Controls of the screen are not.
  for (const screenOnly of ['Skip to', 'Export and cite', 'Zoom in', 'Previous page']) assert.ok(!all.includes(screenOnly), `“${screenOnly}” printed`);
  // Three and a half cards a page or more, plus the axis: a page count that wastes
  // no paper (with three a page, 20 events took 8 pages).
  assert.ok(pages.length >= 1 && pages.length <= Math.ceil(titles.length / 3.5) + 1, `${pages.length} pages for ${titles.length} events`);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('the Present handout prints one slide per A4 page: the opening, each event, the sources', async () => {
  const hash = '#/present?strand=khiva&from=1919&to=1921';
  const tab = await TarikhPage.open(browser, server.url, hash);
  await tab.page.locator('article.slide h1').waitFor();
  // The events of the deck, as the timeline shows the same filter (its first page).
  const timeline = await TarikhPage.open(browser, server.url, '#/timeline?strand=khiva&from=1919&to=1921&sort=date');
  await timeline.page.locator('li.card').first().waitFor();
  const titles = await timeline.page.locator('li.card h3').allInnerTexts();
  const count = Number((await timeline.page.locator('.results-bar [role=status], [role=status]').filter({ hasText: /event/ }).first().innerText()).match(/\d+/)[0]);
  await timeline.close();
  assert.ok(titles.length >= 3 && count >= titles.length, `${titles.length} of ${count} events`);
  const pages = await print(tab, 'present-handout');
  assert.equal(pages.length, count + 2, `${pages.length} pages for ${count} events (+ opening and sources)`);
  assert.match(flat(pages[0]), /Tarikh · Present/);
  assert.match(flat(pages.at(-1)), /The sources of these slides/);
  // In date order, one a page: the first ones as the timeline lists them.
  titles.forEach((t, k) => assert.ok(flat(pages[k + 1]).includes(flat(t)), `page ${k + 2} is not “${t}”: ${flat(pages[k + 1]).slice(0, 120)}`));
  // The presenter's controls are not printed.
  for (const screenOnly of ['Leave (Esc)', 'Next →', 'Full screen', 'a swipe']) assert.ok(!pages.join('').includes(screenOnly), `“${screenOnly}” printed`);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});
