// The quiz end to end: a whole quiz by keyboard alone with the score checked
// against the answers given, progress that survives a reload, the same link in
// another browser, the worksheet and answer key, the setup form, bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { axe, launch, structure, QuizPage, TimelinePage } from './pages.mjs';

let server, browser;
before(async () => {
  server = await serve('dist', '/history/tarikh/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Eight questions, feedback only at the end: with eight types, one of each.
const TEST = '#/quiz?n=8&level=normal&feedback=end&seed=e2e-keyboard';

test('a whole quiz by keyboard: the score shown is the number of right answers given', async () => {
  const keyTab = await QuizPage.open(browser, server.url, `${TEST}&print=key`);
  const key = await keyTab.answerKey();
  assert.equal(key.length, 8);
  assert.deepEqual(new Set(key.map((k) => k.format)), new Set(['choice', 'order', 'match']),
    'the quiz has every way of answering');

  const tab = await keyTab.sibling(TEST);
  let right = 0;
  for (let i = 0; i < key.length; i++) {
    const q = await tab.current();
    assert.equal(q.progress, `Question ${i + 1} of 8`);
    assert.equal(q.prompt, key[i].prompt, 'the key lists the same questions in the same order');
    assert.equal(q.about, key[i].about);
    const answerRight = i % 3 !== 1;
    if (q.format === 'choice') {
      const at = q.options.indexOf(key[i].answer);
      assert.ok(at >= 0, `the key's answer ${key[i].answer} is an option`);
      await tab.chooseByKeyboard(answerRight ? at : (at + 1) % q.options.length);
    } else if (q.format === 'order') {
      // Shown out of order; left as shown it is wrong.
      assert.notDeepEqual(q.options, key[i].order);
      if (answerRight) await tab.orderByKeyboard(key[i].order);
    } else {
      assert.deepEqual(q.items, key[i].roles);
      const people = answerRight ? key[i].people : [...key[i].people.slice(1), key[i].people[0]];
      await tab.matchByKeyboard(people);
    }
    right += answerRight ? 1 : 0;
    await tab.submitByKeyboard();
    if (i + 1 < key.length) {
      await tab.page.waitForFunction((n) => document.querySelector('.quiz-progress')?.textContent.startsWith(`Question ${n} `), i + 2);
    }
  }
  await tab.score().waitFor();
  assert.equal(await tab.score().innerText(), `You got ${right} of 8 right.`);
  // The review marks each answer, and the right ones are exactly those answered right.
  const verdicts = await tab.page.locator('.review .verdict').allInnerTexts();
  assert.deepEqual(verdicts.map((v) => v.startsWith('✓')), key.map((_, i) => i % 3 !== 1));
  assert.equal(await tab.page.locator('.review .explanation cite').first().isVisible(), true, 'explanations cite sources');
  // Retry the wrong ones: only those are asked again.
  await tab.page.getByRole('button', { name: `Try the ${8 - right} wrong questions again` }).click();
  assert.equal((await tab.current()).progress, `Question 1 of ${8 - right} — trying again the ones not yet right`);
  assert.equal((await tab.current()).prompt, key[1].prompt);
  assert.deepEqual([...keyTab.errors, ...tab.errors], []);
  await tab.close();
});

test('a reload resumes where the student was', async () => {
  const link = '#/quiz?n=5&level=easy&feedback=each&seed=e2e-reload&ask=when,who,where,truefalse';
  const tab = await QuizPage.open(browser, server.url, link);
  const first = await tab.current();
  await tab.page.locator('.options label').first().click();
  await tab.page.getByRole('button', { name: 'Check answer' }).click();
  await tab.page.locator('.verdict').waitFor();
  await tab.page.getByRole('button', { name: 'Next question' }).click();
  const second = await tab.current();
  assert.equal(second.progress, 'Question 2 of 5');
  assert.notEqual(second.prompt + second.about, first.prompt + first.about);
  await tab.page.locator('.options label').nth(1).click();
  await tab.page.getByRole('button', { name: 'Check answer' }).click();
  const verdict = await tab.page.locator('.verdict').innerText();
  await tab.page.getByRole('button', { name: 'Next question' }).click();
  const third = await tab.current();

  await tab.page.reload();
  await tab.ready();
  const again = await tab.current();
  assert.deepEqual(again, third, 'the same question, at the same place');
  // The earlier answers are kept: the summary counts them.
  await tab.page.locator('.options label').first().click();
  await tab.page.getByRole('button', { name: 'Check answer' }).click();
  await tab.page.reload();
  await tab.ready();
  assert.equal(await tab.page.locator('.verdict').count(), 1, 'the feedback shown before the reload is shown again');
  assert.equal(await tab.progress().innerText(), 'Question 3 of 5');
  assert.ok(verdict.length > 0);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

/** Takes a whole quiz (feedback at the end), answering the first option, and records what was shown. */
async function walk(tab, n) {
  const seen = [];
  for (let i = 0; i < n; i++) {
    const q = await tab.current();
    seen.push(q);
    if (q.format === 'choice') await tab.page.locator('.options label').first().click();
    if (q.format === 'match') {
      for (const s of await tab.page.locator('.match-row select').all()) await s.selectOption({ index: 1 });
    }
    await tab.page.locator('.quiz-question button[type=submit]').click();
    if (i + 1 < n) {
      await tab.page.waitForFunction((k) => document.querySelector('.quiz-progress')?.textContent.startsWith(`Question ${k} `), i + 2);
    }
  }
  await tab.score().waitFor();
  return { seen, score: await tab.score().innerText() };
}

test('the same link in another browser gives the same questions in the same order', async () => {
  const link = '#/quiz?strand=alash,basmachi&n=10&level=hard&feedback=end&seed=class-7b';
  const a = await QuizPage.open(browser, server.url, link);
  const b = await QuizPage.open(browser, server.url, link, { viewport: { width: 375, height: 800 } });
  const one = await walk(a, 10);
  const two = await walk(b, 10);
  assert.deepEqual(two.seen, one.seen);
  assert.equal(two.score, one.score);
  // Another seed gives another quiz.
  const c = await QuizPage.open(browser, server.url, link.replace('class-7b', 'class-7c'));
  assert.notDeepEqual((await c.current()).prompt + (await c.current()).about, one.seen[0].prompt + one.seen[0].about);
  assert.deepEqual([...a.errors, ...b.errors, ...c.errors], []);
  await Promise.all([a.close(), b.close(), c.close()]);
});

test('the worksheet and the answer key show the quiz\'s questions, and print without navigation', async () => {
  const link = '#/quiz?from=1917&to=1920&n=6&level=normal&feedback=end&seed=e2e-print';
  const quiz = await QuizPage.open(browser, server.url, link);
  const { seen } = await walk(quiz, 6);
  const sheet = await quiz.sibling(`${link}&print=worksheet`);
  const ws = await sheet.worksheet();
  assert.equal(await sheet.heading().innerText(), 'Quiz worksheet');
  assert.deepEqual(ws.map((w) => [w.prompt, w.about]), seen.map((q) => [q.prompt, q.about]));
  assert.deepEqual(ws.map((w) => w.options), seen.map((q) => q.options), 'the same options in the same order');
  const keyTab = await quiz.sibling(`${link}&print=key`);
  const key = await keyTab.answerKey();
  assert.equal(await keyTab.heading().innerText(), 'Quiz: answer key');
  assert.deepEqual(key.map((k) => [k.prompt, k.about]), ws.map((w) => [w.prompt, w.about]));
  for (const [i, k] of key.entries()) {
    if (k.format === 'choice') assert.ok(ws[i].options.includes(k.answer), `${k.answer} is on the worksheet`);
    if (k.format === 'order') assert.deepEqual([...k.order].sort(), [...ws[i].options].sort());
  }
  assert.ok(await keyTab.page.locator('.key-item cite').count() >= key.length, 'each answer cites its source');
  for (const tab of [sheet, keyTab]) {
    await tab.page.emulateMedia({ media: 'print' });
    assert.equal(await tab.page.locator('.site-header').isVisible(), false, 'no header in print');
    assert.equal(await tab.page.locator('.print-bar').isVisible(), false, 'no buttons in print');
    assert.equal(await tab.page.locator('.site-footer').isVisible(), false);
  }
  assert.deepEqual([...quiz.errors, ...sheet.errors, ...keyTab.errors], []);
  await quiz.close();
});

test('an impossible quiz says how many events the topic has and what to change', async () => {
  const tab = await QuizPage.open(browser, server.url, '#/quiz?from=1891&to=1904&ask=when&n=30&seed=tiny');
  const message = await tab.message().innerText();
  const m = message.match(/^This topic has (\d+) events: enough for only (\d+) of the 30 questions asked/);
  assert.ok(m, message);
  assert.match(message, new RegExp(`Ask for ${m[2]} or fewer questions, or choose a wider topic`));
  await tab.page.getByRole('link', { name: `Make it ${m[2]} questions` }).click();
  assert.equal((await tab.current()).progress, `Question 1 of ${m[2]}`);
  const none = await QuizPage.open(browser, server.url, '#/quiz?q=qqqzzzxxx&seed=x');
  assert.match(await none.message().innerText(), /^No event matches this topic/);
  assert.ok(await none.page.getByRole('link', { name: 'Change the topic or the questions' }).isVisible());
  assert.deepEqual([...tab.errors, ...none.errors], []);
  await tab.close();
  await none.close();
});

test('unreadable saved progress (in the first stored form, under its key) is set aside with a notice', async () => {
  const link = '#/quiz?n=4&level=normal&feedback=each&seed=e2e-corrupt';
  const tab = await QuizPage.open(browser, server.url, '#/about');
  for (const bad of ['garbage', 'tq1 fp=0000000000000000 phase=a pos=0 rounds=1 first=- round=0,1,2,3 answers=-;-;-;-']) {
    await tab.page.evaluate(([k, v]) => localStorage.setItem(k, v), [`tarikh-quiz ${link}`, bad]);
    await tab.goto(link);
    await tab.page.getByText('Saved answers for this quiz were set aside').waitFor();
    assert.equal((await tab.current()).progress, 'Question 1 of 4');
    await tab.goto('#/about');
  }
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('a teacher makes a link from the timeline\'s events and the setup form', async () => {
  const timeline = await TimelinePage.open(browser, server.url, '#/timeline?strand=khiva');
  const events = await timeline.countNumber();
  await timeline.page.getByRole('link', { name: 'Quiz me on these events' }).click();
  const tab = new QuizPage(timeline.page, server.url);
  await tab.page.getByRole('status').filter({ hasText: 'events in this topic' }).waitFor();
  assert.equal(await tab.page.getByRole('status').filter({ hasText: 'in this topic' }).innerText(), `${events} events in this topic.`);
  assert.equal(await tab.page.locator('#qs-strand-khiva').isChecked(), true);
  await tab.page.getByLabel('How many').fill('5');
  await tab.page.getByLabel('How many').press('Tab');
  await tab.page.getByLabel(/^Only at the end/).check();
  await tab.page.waitForFunction(() => location.hash.includes('n=5') && location.hash.includes('feedback=end'));
  await tab.page.getByRole('button', { name: 'Make the quiz link' }).click();
  const link = tab.page.locator('.share-link a');
  const url = await link.innerText();
  assert.match(url, /^http:.*\/history\/tarikh\/#\/quiz\?strand=khiva&n=5&level=normal&feedback=end&v=2&seed=[0-9a-z]{8}$/);
  await tab.page.getByRole('link', { name: 'Start the quiz' }).click();
  assert.equal((await tab.current()).progress, 'Question 1 of 5');
  assert.equal(new URL(tab.page.url()).hash, new URL(url).hash);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('axe finds no WCAG A/AA violation in any state of the quiz, headings are in order and every control is named, and nothing scrolls sideways at 320 px', async () => {
  const link = '#/quiz?n=8&level=hard&feedback=each&seed=e2e-a11y';
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    const tab = await QuizPage.open(browser, server.url, '#/quiz?strand=khiva', { colorScheme, bypassCSP: true, viewport: { width: 320, height: 640 } });
    const check = async (what) => {
      for (const v of await axe(tab.page)) found.push(`${colorScheme} ${what}: ${v}`);
      for (const p of await structure(tab.page)) found.push(`${colorScheme} ${what}: ${p}`);
      const overflow = await tab.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 1) found.push(`${colorScheme} ${what}: ${overflow}px wider than the screen`);
    };
    await tab.page.getByRole('button', { name: 'Make the quiz link' }).click();
    await tab.page.locator('.share-link').waitFor();
    await check('setup with its link');
    await tab.goto(link);
    const formats = new Set();
    for (let i = 0; i < 8; i++) {
      const q = await tab.current();
      if (!formats.has(q.format)) await check(`a ${q.format} question`);
      formats.add(q.format);
      if (q.format === 'choice') await tab.page.locator('.options label').first().click();
      if (q.format === 'match') {
        for (const s of await tab.page.locator('.match-row select').all()) await s.selectOption({ index: 1 });
      }
      await tab.page.getByRole('button', { name: 'Check answer' }).click();
      await tab.page.locator('.verdict').waitFor();
      if (i === 0) await check('feedback');
      await tab.page.locator('#next').click();
    }
    await tab.score().waitFor();
    await check('the score and review');
    for (const print of ['worksheet', 'key']) {
      await tab.goto(`${link}&print=${print}`);
      await check(print);
    }
    await tab.goto('#/quiz?q=qqqzzzxxx&seed=x');
    await check('an impossible quiz');
    await tab.close();
  }
  assert.deepEqual(found, []);
});
