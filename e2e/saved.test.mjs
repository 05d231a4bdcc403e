// Nothing lost (issue #19): a student's answers survive damage to what was saved,
// a browser that refuses to save, full storage and two tabs; and a click that
// races a navigation never panics. TARIKH_DIST picks another build (default dist/),
// so these can be run against an older build to see them fail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, QuizPage } from './pages.mjs';

const DIST = process.env.TARIKH_DIST ?? 'dist';
let server, browser;
before(async () => {
  server = await serve(DIST, '/class/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Answers the question on screen (the first option; a matching by the first person) and waits for the next. */
async function answer(tab) {
  const q = await tab.current();
  if (q.format === 'choice') await tab.page.locator('.options label').first().click();
  if (q.format === 'match') {
    for (const s of await tab.page.locator('.match-row select').all()) await s.selectOption({ index: 1 });
  }
  await tab.page.locator('.quiz-question button[type=submit]').click();
  await tab.page.waitForFunction((before) => document.querySelector('.quiz-progress')?.textContent !== before || !!document.querySelector('.score'), q.progress);
}

/** The quiz progress this page saved, in either stored form: its fingerprint and answers. */
async function saved(page) {
  return page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      const v = localStorage.getItem(k);
      if (k.startsWith('tarikh-quiz:')) {
        const j = JSON.parse(v);
        return { key: k, fp: j.fp, answers: j.answers, form: 'json' };
      }
      if (k.startsWith('tarikh-quiz ')) {
        const f = Object.fromEntries(v.split(' ').slice(1).map((x) => x.split('=')));
        const answers = f.answers.split(';').map((a) => (a === '-' ? null : a.split('.').map(Number)));
        return { key: k, fp: f.fp, answers, form: 'tq1' };
      }
    }
    return null;
  });
}

const tq1Answers = (answers) => answers.map((a) => (a ? a.join('.') : '-')).join(';');
const clear = (page) => page.evaluate(() => localStorage.clear());

test('a browser that refuses to save: said once, at once, with a download of the answers', async () => {
  const link = '#/quiz?n=4&level=easy&feedback=end&seed=e2e-unsaved&ask=when,who,where,truefalse';
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).startsWith('tarikh-quiz')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  });
  const tab = new QuizPage(await context.newPage(), server.url);
  await tab.goto(link);
  const alert = tab.page.getByRole('alert').filter({ hasText: "can't be saved" });
  assert.equal(await alert.count(), 0, 'nothing said before anything failed');
  await answer(tab);
  await alert.waitFor();
  assert.match(await alert.innerText(), /Your answers can't be saved on this device.*Don't reload/s);
  await answer(tab);
  assert.equal(await tab.page.getByText("can't be saved").count(), 1, 'said once');
  const [file] = await Promise.all([
    tab.page.waitForEvent('download'),
    tab.page.getByRole('button', { name: 'Download your answers' }).click(),
  ]);
  const kept = JSON.parse(await readFile(await file.path(), 'utf8'));
  assert.equal(kept.answers.filter((a) => a !== null).length, 2, 'both answers are in the download');
  assert.equal((await tab.current()).progress, 'Question 3 of 4', 'the quiz goes on');
  assert.deepEqual(tab.errors.filter((e) => !/Could not save/.test(e)), []);
  await context.close();
});

test('storage switched off altogether: the quiz runs and says it cannot save', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const tab = new QuizPage(await context.newPage(), server.url);
  await tab.goto('#/quiz?n=3&level=easy&feedback=end&seed=e2e-nostorage&ask=when,who');
  await answer(tab);
  await tab.page.getByRole('alert').filter({ hasText: "can't be saved" }).waitFor();
  assert.equal(await tab.page.locator('#panic').isVisible(), false);
  assert.equal((await tab.current()).progress, 'Question 2 of 3');
  await context.close();
});

test('slight damage keeps every answer that still reads, and the damaged copy until the next save', async () => {
  // Canonical (the table's order), so the old form's key is this link.
  const link = '#/quiz?n=6&ask=when,who,where,truefalse&level=normal&feedback=end&seed=e2e-damage';
  const tab = await QuizPage.open(browser, server.url, link);
  for (let i = 0; i < 3; i++) await answer(tab);
  const { fp, answers } = await saved(tab.page);
  assert.equal(answers.filter((a) => a).length, 3);
  // The previous release's form, under its key, with the third answer damaged (the example).
  const legacyKey = `tarikh-quiz ${link}`;
  const damaged = `tq1 fp=${fp} phase=a pos=3 rounds=1 first=- round=0,1,2,3,4,5 answers=${tq1Answers(answers.slice(0, 2))};X;-;-;-`;
  await clear(tab.page);
  await tab.page.evaluate(([k, v]) => localStorage.setItem(k, v), [legacyKey, damaged]);
  await tab.page.reload();
  await tab.ready();
  const notice = tab.page.getByRole('status').filter({ hasText: 'partly damaged' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /2 answers kept, 1 answer could not be read/);
  assert.equal((await tab.current()).progress, 'Question 3 of 6', 'the damaged answer is asked again');
  // Nothing overwrote what was saved: it is kept aside, and can be downloaded as it was.
  const backup = await tab.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tarikh-quiz-backup:')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(backup, [damaged]);
  const [file] = await Promise.all([
    tab.page.waitForEvent('download'),
    tab.page.getByRole('button', { name: 'Download what was saved' }).click(),
  ]);
  assert.equal(await readFile(await file.path(), 'utf8'), damaged);
  // The next answer saves: the backup and the old form's copy go, the three answers are kept.
  await answer(tab);
  const now = await saved(tab.page);
  assert.equal(now.form, 'json');
  assert.deepEqual(now.answers.slice(0, 2), answers.slice(0, 2));
  assert.ok(now.answers[2]);
  assert.deepEqual(await tab.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tarikh-quiz')).length), 1);
  // An intact line of the old form still resumes, with nothing said.
  await clear(tab.page);
  await tab.page.evaluate(([k, v]) => localStorage.setItem(k, v), [legacyKey,
    `tq1 fp=${fp} phase=a pos=2 rounds=1 first=- round=0,1,2,3,4,5 answers=${tq1Answers(answers.slice(0, 2))};-;-;-;-`]);
  await tab.page.reload();
  await tab.ready();
  assert.equal((await tab.current()).progress, 'Question 3 of 6');
  assert.equal(await tab.page.getByText('damaged').count(), 0);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('an inconsistent saved state is not believed: no score for questions never asked', async () => {
  // Canonical (the table's order), so the old form's key is this link.
  const link = '#/quiz?n=6&ask=when,who,where,truefalse&level=normal&feedback=end&seed=e2e-damage';
  const tab = await QuizPage.open(browser, server.url, link);
  await answer(tab);
  const { fp, answers } = await saved(tab.page);
  await clear(tab.page);
  await tab.page.evaluate(([k, v]) => localStorage.setItem(k, v), [`tarikh-quiz ${link}`,
    `tq1 fp=${fp} phase=s pos=1 rounds=1 first=0 round=0,1,2,3,4,5 answers=${tq1Answers(answers.slice(0, 1))};-;-;-;-;-`]);
  await tab.page.reload();
  await tab.ready();
  await tab.page.getByRole('status').filter({ hasText: 'partly damaged' }).waitFor();
  assert.equal(await tab.score().count(), 0, 'no summary');
  assert.equal((await tab.current()).progress, 'Question 2 of 6');
  await tab.close();
});

test('two tabs on one quiz: each follows the answers given in the other, and says so', async () => {
  const link = '#/quiz?n=5&level=easy&feedback=end&seed=e2e-two-tabs&ask=when,who,where,truefalse';
  const a = await QuizPage.open(browser, server.url, link);
  const b = await a.sibling(link);
  await answer(a);
  await answer(a);
  await b.page.waitForFunction(() => document.querySelector('.quiz-progress')?.textContent === 'Question 3 of 5');
  await b.page.getByText('also open in another tab').waitFor();
  await answer(b);
  await a.page.waitForFunction(() => document.querySelector('.quiz-progress')?.textContent === 'Question 4 of 5');
  const c = await a.sibling(link);
  assert.equal((await c.current()).progress, 'Question 4 of 5', 'a new tab resumes with every answer');
  assert.equal((await saved(c.page)).answers.filter((x) => x).length, 3);
  assert.deepEqual([...a.errors, ...b.errors, ...c.errors], []);
  await a.close();
});

test('full storage: the oldest finished quizzes make room, unfinished ones and other data stay', async () => {
  const link = '#/quiz?n=3&level=easy&feedback=end&seed=e2e-full&ask=when,who';
  const tab = await QuizPage.open(browser, server.url, '#/about');
  const filled = await tab.page.evaluate(() => {
    localStorage.setItem('not-tarikh', 'keep me');
    localStorage.setItem('tarikh-quiz:00000000000000aa', JSON.stringify({ v: 2, fp: '00000000000000aa', saved: 1, phase: 'asking', pos: 0, rounds: 1, first: null, round: [0], answers: [null] }));
    const pad = 'x'.repeat(100_000);
    let i = 0;
    try {
      for (; i < 200; i++) {
        const fp = (0x100 + i).toString(16).padStart(16, '0');
        localStorage.setItem(`tarikh-quiz:${fp}`, JSON.stringify({ v: 2, fp, saved: 1000 + i, phase: 'summary', pad }));
      }
    } catch (_) { /* full */ }
    return i;
  });
  assert.ok(filled > 10, `${filled} finished quizzes filled the storage`);
  await tab.goto(link);
  await answer(tab);
  const state = await tab.page.evaluate(() => Object.keys(localStorage));
  assert.ok(state.includes('not-tarikh'), 'other data is never removed');
  assert.ok(state.includes('tarikh-quiz:00000000000000aa'), 'an unfinished quiz stays');
  assert.ok((await saved(tab.page)) !== null);
  const left = state.filter((k) => /^tarikh-quiz:0000000000000[1-9a-f]/.test(k) && k !== 'tarikh-quiz:00000000000000aa')
    .map((k) => parseInt(k.slice(12), 16) - 0x100).sort((x, y) => x - y);
  assert.ok(left.length < filled, 'some finished quizzes went');
  // The ones kept are the newest.
  for (let i = 0; i < left.length; i++) assert.equal(left[i], filled - left.length + i);
  assert.equal(await tab.page.getByText("can't be saved").count(), 0);
  await tab.close();
});

test('a click on "move up" and a Submit or a navigation in the same task: no panic', async () => {
  const tab = await QuizPage.open(browser, server.url, '#/quiz?n=3&ask=order&seed=x&feedback=end');
  await tab.page.locator('ol.order').waitFor();
  await tab.page.evaluate(() => {
    document.querySelector('.order-buttons button:not([disabled])[id^=mv-up]').click();
    document.querySelector('form.quiz-question').requestSubmit();
  });
  await tab.page.waitForFunction(() => document.querySelector('.quiz-progress')?.textContent === 'Question 2 of 3');
  await tab.page.evaluate(() => {
    document.querySelector('.order-buttons button:not([disabled])[id^=mv-up]').click();
    history.pushState(null, '', '#/about');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await tab.heading().filter({ hasText: 'About Tarikh' }).waitFor();
  await tab.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await tab.page.locator('#panic').isVisible(), false, 'the panic panel shows');
  assert.deepEqual(tab.errors, []);
  await tab.close();
});
