// The teacher shapes the quiz (#18): the preview's Replace and Remove change the
// link, and two fresh browsers opening it get the same changed quiz; the share
// step's QR code reads back as the link and the quiz id shows; the worksheet
// carries the id and QR and no key link on a test; the key of 10 questions is
// compact on A4 (measured in the PDF); axe; screenshots at 375 px and of the PDFs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import jsQR from 'jsqr';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { axe, launch, structure, QuizPage } from './pages.mjs';

let server, browser;
before(async () => {
  server = await serve('dist', '/history/tarikh/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const SHOTS = process.env.SHOTS ?? '/tmp/shots-shape';
mkdirSync(SHOTS, { recursive: true });
const SETUP = '#/quiz?n=10&ask=when,who,where,strand,order,truefalse&feedback=end';

/** The QR code on the page, read by an independent decoder from a screenshot. */
async function readQr(page, selector) {
  const shot = await page.locator(selector).screenshot();
  const png = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    return { w: img.width, h: img.height, data: [...g.getImageData(0, 0, img.width, img.height).data] };
  }, shot.toString('base64'));
  return jsQR(Uint8ClampedArray.from(png.data), png.w, png.h)?.data;
}

// Each previewed question as its prompt, then its options and answer (two
// ordering questions share a prompt and differ in their events).
const previewPrompts = (tab) => tab.page.locator('.preview-item').evaluateAll((items) => items.map((li) =>
  [...li.querySelectorAll('.prompt, .muted, .preview-answer')].map((e) => e.textContent.trim()).join(' | ')));
const studentsLink = (tab) => tab.page.locator('.share-link a').innerText();

test('preview: Replace and Remove change the link, the id and the QR; two fresh browsers get the same changed quiz', async () => {
  const tab = await QuizPage.open(browser, server.url, SETUP, { viewport: { width: 375, height: 800 }, bypassCSP: true });
  await tab.page.getByRole('button', { name: 'Make the quiz link' }).click();
  await tab.page.locator('.preview-item').nth(9).waitFor();
  const first = { url: await studentsLink(tab), id: await tab.page.locator('.quiz-id-value').innerText(), prompts: await previewPrompts(tab) };
  assert.match(first.url, /&v=2&seed=[0-9a-z]+$/, 'a new link carries the newer defaults');
  assert.match(first.id, /^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/);
  assert.equal(await readQr(tab.page, '.share .qr'), first.url, 'the QR code reads as the students\' link');
  await tab.page.screenshot({ path: `${SHOTS}/share-375.png`, fullPage: true });

  // Replace question 2 (a type with questions to spare), then remove question 5.
  const replace = tab.page.getByRole('button', { name: 'Replace question 2', exact: true });
  assert.equal(await replace.isEnabled(), true);
  await replace.click();
  await tab.page.waitForFunction((u) => document.querySelector('.share-link a').textContent !== u, first.url);
  const replaced = await previewPrompts(tab);
  assert.match(await studentsLink(tab), /&swap=2$/);
  assert.notDeepEqual(replaced, first.prompts);
  assert.deepEqual([replaced[0], ...replaced.slice(2)], [first.prompts[0], ...first.prompts.slice(2)], 'only question 2 changed');
  await tab.page.getByRole('button', { name: 'Remove question 5', exact: true }).click();
  await tab.page.waitForFunction(() => document.querySelectorAll('.preview-item').length === 9);
  const url = await studentsLink(tab);
  assert.match(url, /&swap=2&drop=5$/);
  const id = await tab.page.locator('.quiz-id-value').innerText();
  assert.notEqual(id, first.id, 'the quiz id follows the changes');
  assert.equal(await readQr(tab.page, '.share .qr'), url, 'and so does the QR code');
  const prompts = await previewPrompts(tab);
  assert.deepEqual(prompts, [...replaced.slice(0, 4), ...replaced.slice(5)]);
  for (const v of await axe(tab.page)) assert.fail(`setup with its preview: ${v}`);
  for (const p of await structure(tab.page)) assert.fail(`setup with its preview: ${p}`);
  await tab.page.locator('.share').screenshot({ path: `${SHOTS}/share-edited-375.png` });
  assert.deepEqual(tab.errors, []);

  // Two students in two fresh browsers: the same nine questions, in order (their
  // sheets), and the quiz on screen starts with the same question, of nine.
  const hash = new URL(url).hash;
  const seen = [];
  for (const who of ['first', 'second']) {
    const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    const student = await QuizPage.open(b, server.url, hash);
    const q = await student.current();
    assert.equal(q.progress, 'Question 1 of 9', who);
    assert.ok(prompts[0].startsWith(q.prompt), `${who}: ${q.prompt}`);
    await student.goto(`${hash}&print=worksheet`);
    seen.push(await student.worksheet());
    await b.close();
  }
  assert.deepEqual(seen[0], seen[1], 'both students get the same changed quiz');
  assert.equal(seen[0].length, 9);
  seen[0].forEach((q, i) => assert.ok(prompts[i].startsWith(q.prompt), `question ${i + 1}: ${q.prompt}`));
  await tab.close();
});

/** A printout as an A4 PDF: its pages, each page's text, PNGs to look at. */
async function pdf(tab, name) {
  await tab.page.emulateMedia({ media: 'print' });
  const file = `${SHOTS}/${name}.pdf`;
  writeFileSync(file, await tab.page.pdf({ format: 'A4', printBackground: true }));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, `${SHOTS}/${name}`]);
  const text = (p) => execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' });
  return { pages, text };
}

test('the answer key of 10 questions prints on one A4 page: the grid, then the explanations', async () => {
  const link = '#/quiz?n=10&ask=when,who,where,strand,order,roles,truefalse,disputes&level=hard&v=2&seed=e2e-key';
  const tab = await QuizPage.open(browser, server.url, `${link}&print=key`, { bypassCSP: true });
  await tab.page.locator('.key-grid li').nth(9).waitFor();
  const grid = await tab.page.locator('.key-grid li').allInnerTexts();
  assert.equal(grid.length, 10);
  grid.forEach((g, i) => assert.match(g, new RegExp(`^${i + 1}\\s+\\S`), g));
  // The ordering question in the worksheet's own numbering.
  const sheet = await tab.sibling(`${link}&print=worksheet`);
  const ws = await sheet.worksheet();
  const order = ws.findIndex((q) => /order/i.test(q.prompt));
  if (order >= 0) assert.match(grid[order], /^\d+\s+(\d+ )+\d+$/, `ordering ${grid[order]}`);
  const key = await pdf(tab, 'key');
  const page1 = key.text(1);
  for (let i = 1; i <= 10; i++) assert.match(page1, new RegExp(`(^|\\s)${i}\\s+\\S`), `grid entry ${i} on page 1`);
  assert.match(page1, /Answers/);
  assert.equal(key.pages, 1, `the key prints on ${key.pages} A4 pages (was 7)`);
  assert.ok(await tab.page.locator('.key-item cite').count() >= 10, 'each answer still cites its source');
  for (const v of await axe(tab.page)) assert.fail(`key: ${v}`);
  await tab.close();
  await sheet.close();
});

test('the worksheet carries the quiz id and its QR code, and a test\'s worksheet does not link to its key', async () => {
  const test_ = '#/quiz?n=10&ask=when,who,where&level=normal&feedback=end&v=2&seed=e2e-sheet';
  const tab = await QuizPage.open(browser, server.url, `${test_}&print=worksheet`, { bypassCSP: true });
  await tab.page.locator('li.ws-item').first().waitFor();
  assert.match(await tab.page.locator('.print-head .quiz-id').innerText(), /^Quiz [0-9A-Z]{3}-[0-9A-Z]{3}$/);
  assert.equal(await readQr(tab.page, '.print-head .qr'), `${server.url}${test_}`, 'the sheet\'s QR code is the students\' link');
  assert.equal(await tab.page.getByRole('link', { name: 'Answer key' }).count(), 0, 'no key link on a test');
  // The key shows the same id.
  const keyTab = await tab.sibling(`${test_}&print=key`);
  assert.equal(await keyTab.page.locator('.quiz-id-value').innerText(), await tab.page.locator('.quiz-id-value').innerText());
  const each = await tab.sibling(test_.replace('feedback=end', 'feedback=each') + '&print=worksheet');
  assert.equal(await each.page.getByRole('link', { name: 'Answer key' }).count(), 1, 'a practice sheet links to its key');
  for (const v of await axe(tab.page)) assert.fail(`worksheet: ${v}`);
  const sheet = await pdf(tab, 'worksheet');
  assert.match(sheet.text(1), /Quiz [0-9A-Z]{3}-[0-9A-Z]{3}/, 'the id is printed');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});
