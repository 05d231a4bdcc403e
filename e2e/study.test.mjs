// Study mode (issue #18): flashcards of a selection with spaced repetition, by
// keyboard and by touch; the progress survives a reload, moves between browsers
// as a file, refuses damaged files, and a browser that won't save is said once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { serve } from './server.mjs';
import { launch, TarikhPage, TimelinePage, axe, structure } from './pages.mjs';

const DIST = process.env.TARIKH_DIST ?? 'dist';
const SHOTS = process.env.SHOTS ?? '/tmp/shots-study';
mkdirSync(SHOTS, { recursive: true });
const LINK = '#/study?from=1920&to=1920&strand=khiva';
const KEY = 'tarikh-study:from=1920&to=1920&strand=khiva';

let server, browser;
before(async () => {
  server = await serve(DIST, '/class/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A study tab: what the status line says, the card on screen, the keys. */
class StudyPage extends TarikhPage {
  static async open(browser, base, hash = LINK, options = {}, init) {
    const context = await browser.newContext(options);
    if (init) await context.addInitScript(init);
    const tab = new StudyPage(await context.newPage(), base);
    await tab.goto(hash);
    await tab.status().waitFor();
    return tab;
  }
  status() { return this.page.locator('.study-status'); }
  front() { return this.page.locator('#card-front'); }
  back() { return this.page.locator('#card-back'); }
  grade(name) { return this.page.getByRole('group', { name: 'How well did you know it?' }).getByRole('button', { name: new RegExp(`^${name}`) }); }
  /** The number of cards due today, from the status line. */
  async due() {
    const t = await this.status().innerText();
    if (/nothing due today/.test(t)) return 0;
    return Number(t.match(/(\d+) cards? due today/)[1]);
  }
  /** Presses `key` and waits until the status line changes. */
  async gradeByKey(key) {
    const before = await this.status().innerText();
    await this.page.keyboard.press(key);
    await this.page.waitForFunction((b) => document.querySelector('.study-status')?.textContent !== b, before);
  }
  stored() { return this.page.evaluate((k) => localStorage.getItem(k), KEY); }
}

test('study by keyboard: Space flips, 1–4 grade, the focus follows, the day and the due count are said', async () => {
  const tab = await StudyPage.open(browser, server.url, LINK, { hasTouch: true });
  const { page } = tab;
  await tab.heading().filter({ hasText: 'Study' }).waitFor();
  const start = await tab.due();
  assert.ok(start >= 5, `a handful of cards to study, got ${start}`);
  assert.match(await tab.status().innerText(), new RegExp(`^Day 1 · ${start} cards due today \\(${start} new\\)`));
  assert.match(await page.locator('.study-topic').innerText(), /1920.*Khiva/);
  const first = await tab.front().innerText();
  assert.equal(await tab.back().count(), 0, 'the back is hidden until the card is turned');
  await page.locator('body').press('Space');
  await tab.back().waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'card-back', 'the focus moves to the back');
  // Every line of the back is cited, rendered as the rest of the app does (a <cite>): its
  // own citation, or the record's under the lines when the line cites just that.
  const lines = await tab.back().locator('dd').count();
  assert.ok(lines >= 1);
  const own = await tab.back().locator('dd cite.cite-line').count();
  const record = tab.back().locator('.card-cite cite.cite-line');
  assert.ok(own === lines || (await record.count()) === 1, `${own} of ${lines} lines cited, and no record citation`);
  for (const c of await tab.back().locator('cite').allInnerTexts()) assert.match(c, /¶ \d/);
  assert.match(await tab.grade('Good').innerText(), /Good\s+in 2 days/);
  assert.match(await tab.grade('Again').innerText(), /Again\s+today/);
  await tab.gradeByKey('3');
  assert.equal(await tab.due(), start - 1, 'good: one card fewer due today');
  assert.notEqual(await tab.front().innerText(), first, 'the next card');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'card-front', 'the focus on the new card');
  // 1–4 do nothing before the card is turned.
  await page.keyboard.press('3');
  assert.equal(await tab.due(), start - 1);
  // Enter turns it too; "again" keeps it due today, at the end of the queue.
  const second = await tab.front().innerText();
  await page.keyboard.press('Enter');
  await tab.back().waitFor();
  await tab.gradeByKey('1');
  assert.equal(await tab.due(), start - 1, 'again: still due today');
  assert.notEqual(await tab.front().innerText(), second, 'it comes back after the others');
  // By touch: the big buttons.
  await page.getByRole('button', { name: /Show the answer/ }).tap();
  await tab.grade('Easy').tap();
  await page.waitForFunction((n) => /(\d+) cards? due today/.exec(document.querySelector('.study-status').textContent)?.[1] === String(n), start - 2);
  const saved = JSON.parse(await tab.stored());
  assert.equal(saved.app, 'tarikh-study');
  assert.equal(Object.keys(saved.cards).length, 3, 'three cards graded');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('progress survives a reload; the day counter steps with the clock', async () => {
  const context = await browser.newContext();
  await context.clock.install({ time: new Date('2026-03-02T10:00:00') });
  const tab = new StudyPage(await context.newPage(), server.url);
  await tab.goto(LINK);
  await tab.status().waitFor();
  const start = await tab.due();
  for (const key of ['3', '3', '4']) {
    await tab.page.keyboard.press('Space');
    await tab.back().waitFor();
    await tab.gradeByKey(key);
  }
  assert.equal(await tab.due(), start - 3);
  await tab.page.reload();
  await tab.ready();
  await tab.status().waitFor();
  assert.equal(await tab.due(), start - 3, 'the same cards due after a reload');
  // Two days later the two "good" cards are due again (the "easy" one waits 4 days).
  await context.clock.setSystemTime(new Date('2026-03-04T09:00:00'));
  await tab.page.reload();
  await tab.ready();
  await tab.status().waitFor();
  assert.match(await tab.status().innerText(), /^Day 3 · /);
  assert.equal(await tab.due(), start - 1);
  await context.close();
});

test('export, then import in a fresh browser, restores the due counts; a damaged or foreign file changes nothing', async () => {
  const tab = await StudyPage.open(browser, server.url);
  for (const key of ['3', '2', '4', '3']) {
    await tab.page.keyboard.press('Space');
    await tab.back().waitFor();
    await tab.gradeByKey(key);
  }
  const due = await tab.due();
  const status = await tab.status().innerText();
  const [file] = await Promise.all([
    tab.page.waitForEvent('download'),
    tab.page.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  const path = await file.path();
  const text = readFileSync(path, 'utf8');
  assert.equal(Object.keys(JSON.parse(text).cards).length, 4);
  await tab.close();

  const fresh = await StudyPage.open(browser, server.url);
  assert.ok(await fresh.due() > due, 'a fresh browser starts from the beginning');
  const input = fresh.page.locator('input[type=file]');
  const message = fresh.page.locator('.study-transfer [role=status]');
  const refused = async (contents, why) => {
    const before = await fresh.status().innerText();
    await input.setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(contents) });
    await message.filter({ hasText: why }).waitFor();
    assert.match(await message.innerText(), /Nothing was changed\./);
    assert.equal(await fresh.status().innerText(), before, 'nothing changed');
  };
  await refused(text.slice(0, text.length / 2), /can't be read/);
  await refused('{"v":2,"fp":"9f3c0a1b2d4e5f60","answers":[[1]]}', /not Tarikh study progress/);
  await refused(text.replace(/\[\d+,(\d+),/, '[99,$1,'), /damaged: 1 card could not be read/);
  await refused(text.replace('"topic":"from=1920&to=1920&strand=khiva"', '"topic":"strand=alash"'), /progress for other cards \(strand: Alash/);
  const elsewhere = message.getByRole('link', { name: 'Study those cards' });
  assert.equal(await elsewhere.getAttribute('href'), '#/study?strand=alash');
  await input.setInputFiles({ name: 'tarikh-study-progress.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await message.filter({ hasText: 'Imported the progress of 4 cards' }).waitFor();
  assert.equal(await fresh.due(), due);
  assert.equal(await fresh.status().innerText(), status, 'the same due counts as where it was exported');
  assert.equal(Object.keys(JSON.parse(await fresh.stored()).cards).length, 4, 'the import is kept on this device');
  await fresh.page.keyboard.press('Space');
  await fresh.back().waitFor();
  await fresh.gradeByKey('3');
  assert.equal(Object.keys(JSON.parse(await fresh.stored()).cards).length, 5);
  assert.deepEqual(fresh.errors, []);
  await fresh.close();
});

test('a browser that refuses to save: said once, and studying goes on', async () => {
  const tab = await StudyPage.open(browser, server.url, LINK, {}, () => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).startsWith('tarikh-study')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  });
  const alert = tab.page.getByRole('alert').filter({ hasText: "can't be saved" });
  assert.equal(await alert.count(), 0, 'nothing said before anything failed');
  const start = await tab.due();
  for (const key of ['3', '3', '3']) {
    await tab.page.keyboard.press('Space');
    await tab.back().waitFor();
    await tab.gradeByKey(key);
  }
  await alert.waitFor();
  assert.match(await alert.innerText(), /can't be saved on this device.*go on studying.*export/s);
  assert.equal(await tab.page.getByText("can't be saved").count(), 1, 'said once');
  assert.equal(await tab.due(), start - 3, 'studying works');
  assert.equal(await tab.page.locator('#panic').isVisible(), false);
  await tab.close();
});

test('a damaged stored copy: said, the cards that read are kept, the copy can be downloaded', async () => {
  const tab = await StudyPage.open(browser, server.url);
  const start = await tab.due();
  await tab.page.evaluate((k) => localStorage.setItem(k, '{"app":"tarikh-study","v":1,"topic":"from=1920&to=1920&strand=khiva","cards":{"e:khiva-captured-1920":[2,1,1,1],"e:x":"broken"}}'), KEY);
  await tab.page.reload();
  await tab.ready();
  await tab.status().waitFor();
  assert.match(await tab.page.locator('main').innerText(), /partly damaged: 1 card could not be read/);
  assert.equal(await tab.due(), start, 'the card that read is due again (its day has passed); nothing lost');
  await tab.page.getByRole('button', { name: 'Download what was saved' }).waitFor();
  await tab.close();
});

test('the timeline and the quiz setup link to study mode with their selection', async () => {
  const tab = await TimelinePage.open(browser, server.url, '#/timeline?strand=khiva&from=1920&to=1920');
  await tab.page.getByRole('link', { name: 'Study as flashcards' }).click();
  await tab.page.locator('.study-status').waitFor();
  assert.equal(new URL(tab.page.url()).hash, LINK);
  await tab.goto('#/quiz?strand=khiva');
  const link = tab.page.getByRole('link', { name: 'Study this topic as flashcards' });
  assert.equal(await link.getAttribute('href'), '#/study?strand=khiva');
  await tab.close();
});

test('axe 0 front and back, at 375 and 1280 px, dark; screenshots; print', async () => {
  for (const [width, height] of [[375, 800], [1280, 900]]) {
    for (const colorScheme of ['light', 'dark']) {
      const tab = await StudyPage.open(browser, server.url, LINK, { viewport: { width, height }, colorScheme, bypassCSP: true });
      assert.deepEqual(await axe(tab.page), [], `front ${width} ${colorScheme}`);
      assert.deepEqual(await structure(tab.page), []);
      await tab.page.keyboard.press('Space');
      await tab.back().waitFor();
      assert.deepEqual(await axe(tab.page), [], `back ${width} ${colorScheme}`);
      assert.deepEqual(await structure(tab.page), []);
      const overflow = await tab.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scroll at ${width} px (${overflow})`);
      if (colorScheme === 'light' || width === 375) await tab.page.screenshot({ path: `${SHOTS}/study-${width}-${colorScheme}.png`, fullPage: true });
      if (width === 1280 && colorScheme === 'light') {
        await tab.page.emulateMedia({ media: 'print' });
        await tab.page.screenshot({ path: `${SHOTS}/study-print.png`, fullPage: true });
        const pdf = (await tab.page.pdf({ format: 'A4' })).toString('latin1');
        const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        assert.equal(pages, 1, 'the card prints on one page');
        assert.equal(await tab.page.locator('.grades').isVisible(), false, 'no buttons in print');
      }
      await tab.close();
    }
  }
});
