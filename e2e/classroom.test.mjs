// The classroom without a server (#18): two students in two fresh browsers answer
// differently and get result codes; the teacher pastes them (with a mistyped one)
// into the class results view and sees their two scores and the right per-question
// shares; projector mode by keyboard; the share step's results link; axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
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

const QUIZ = '#/quiz?n=5&ask=when,who,where&level=easy&feedback=end&seed=e2e-class';
const SHOTS = process.env.SHOTS ?? '/tmp/shots-class';
mkdirSync(SHOTS, { recursive: true });

/** A student in a fresh browser answers: `right[i]` says whether question i is answered right. */
async function student(key, name, right) {
  const tab = await QuizPage.open(browser, server.url, QUIZ, { bypassCSP: true });
  for (let i = 0; i < key.length; i++) {
    const q = await tab.current();
    assert.equal(q.prompt, key[i].prompt);
    const at = q.options.indexOf(key[i].answer);
    assert.ok(at >= 0);
    const pick = right[i] ? at : (at + 1) % q.options.length;
    await tab.page.locator('.options label').nth(pick).click();
    await tab.page.getByRole('button', { name: i + 1 < key.length ? 'Next question' : 'Finish' }).click();
    if (i + 1 < key.length) {
      await tab.page.waitForFunction((n) => document.querySelector('.quiz-progress')?.textContent.startsWith(`Question ${n} `), i + 2);
    }
  }
  await tab.score().waitFor();
  const score = right.filter(Boolean).length;
  assert.equal(await tab.score().innerText(), `You got ${score} of 5 right.`);
  const nameless = await tab.page.locator('#result-code').innerText();
  await tab.page.getByLabel('Your name or initials (optional)').fill(name);
  await tab.page.waitForFunction((c) => document.getElementById('result-code').textContent !== c, nameless);
  const code = await tab.page.locator('#result-code').innerText();
  assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{1,4})+$/, 'groups of four code characters');
  assert.ok(code.replace(/-/g, '').length <= 24, `${code} is short enough to read out`);
  assert.match(await tab.page.locator('#code-name-note').innerText(), new RegExp(`The code says: ${name.toUpperCase()}`));
  // A reload (or a retry) keeps the same code.
  await tab.page.reload();
  await tab.ready();
  await tab.page.locator('#result-code').waitFor();
  assert.equal(await tab.page.locator('#result-code').innerText(), code, 'the code survives a reload');
  return { tab, code };
}

test('two students, their codes pasted: two scores, the shares, a mistyped code flagged', async () => {
  const keyTab = await QuizPage.open(browser, server.url, `${QUIZ}&print=key`);
  const key = await keyTab.answerKey();
  assert.equal(key.length, 5);
  assert.ok(key.every((k) => k.format === 'choice'));
  await keyTab.close();

  const ann = await student(key, 'Ann', [true, true, true, true, true]);
  assert.deepEqual(await axe(ann.tab.page), [], 'the summary with its code');
  for (const width of [375, 1280]) {
    await ann.tab.page.setViewportSize({ width, height: 900 });
    await ann.tab.page.locator('.result-code').screenshot({ path: `${SHOTS}/code-${width}.png` });
  }
  // The printed review carries the code (not its form), so a class on paper can hand codes in too.
  await ann.tab.page.emulateMedia({ media: 'print' });
  assert.equal(await ann.tab.page.locator('#result-code').isVisible(), true, 'the code prints with the review');
  assert.equal(await ann.tab.page.getByLabel('Your name or initials (optional)').isVisible(), false, 'its name field does not');
  await ann.tab.page.emulateMedia({ media: 'screen' });
  const bo = await student(key, 'Bo', [true, false, false, false, false]);
  assert.notEqual(ann.code, bo.code);
  assert.deepEqual([...ann.tab.errors, ...bo.tab.errors], []);
  await ann.tab.close();
  await bo.tab.close();

  // One character of Bo's code mistyped (a different code character).
  const chars = bo.code.split('');
  const at = chars.findIndex((c) => c !== '-');
  chars[at] = chars[at] === 'Z' ? 'Y' : 'Z';
  const typo = chars.join('');
  const email = `Hello, the codes from today:\n${ann.code} (Ann)\nBo wrote: ${bo.code.toLowerCase()}\nand this one: ${typo}\nThanks!`;

  const teacher = await QuizPage.open(browser, server.url, `${QUIZ}&results=1`, { bypassCSP: true, acceptDownloads: true });
  assert.equal(await teacher.heading().innerText(), 'Class results');
  await teacher.page.getByLabel(/Paste or type the codes/).fill(email);
  const rows = teacher.page.locator('.results-table tbody tr');
  await rows.nth(2).waitFor();
  const table = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(table.length, 3);
  assert.deepEqual(table[0].slice(1, 3), ['ANN', '5 of 5']);
  assert.deepEqual(table[1].slice(1, 3), ['BO', '1 of 5']);
  assert.match(table[0][4], /^Counted/);
  assert.equal(table[0][5], ann.code);
  assert.match(table[2][4], /Not counted: mistyped/);
  assert.match(await teacher.page.locator('.class-summary').innerText(), /2 students counted; mean score 3\.0 of 5\. 1 code not counted/);
  // Per question, hardest first: questions 2–5 half right, then question 1 all right.
  const shares = await teacher.page.locator('.result-question').evaluateAll((li) => li.map((l) => [
    l.querySelector('h3').textContent.match(/^Question (\d+)/)[1], l.querySelector('.share-right strong').textContent,
  ]));
  assert.deepEqual(shares, [
    ['2', '50% right (1 of 2)'], ['3', '50% right (1 of 2)'], ['4', '50% right (1 of 2)'], ['5', '50% right (1 of 2)'],
    ['1', '100% right (2 of 2)'],
  ]);
  assert.equal(await teacher.page.locator('.result-question').nth(0).locator('.common-wrong').count(), 1, 'Bo’s wrong answer is the most common wrong one');
  assert.ok(await teacher.page.locator('.result-question cite').count() >= 5, 'each question cites its sources');
  assert.equal(await teacher.page.locator('svg.dist').getAttribute('aria-label'), 'Scores: 5 of 5: 1 student; 1 of 5: 1 student.');
  assert.match(await teacher.page.locator('.honesty').innerText(), /not proof against a student who wants to cheat/);
  // CSV export.
  const [download] = await Promise.all([
    teacher.page.waitForEvent('download'),
    teacher.page.getByRole('button', { name: 'Download the table (CSV)' }).click(),
  ]);
  const csv = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  assert.match(csv, /"ANN","5","5"/);
  assert.match(csv, /"BO","1","5"/);
  assert.equal(csv.trim().split('\r\n').length, 5, 'header, three codes, the shares');
  // Same student twice: flagged, not counted twice.
  await teacher.page.getByLabel(/Paste or type the codes/).fill(`${email}\n${ann.code}`);
  await rows.nth(3).waitFor();
  assert.match(await rows.nth(3).innerText(), /Not counted again: the same code as code 1/);
  // Kept for this quiz: a reload keeps the codes.
  await teacher.page.reload();
  await teacher.ready();
  await rows.nth(3).waitFor();
  assert.equal(await rows.count(), 4);
  assert.deepEqual(await axe(teacher.page), []);
  assert.deepEqual(await structure(teacher.page), []);
  for (const width of [375, 1280]) {
    await teacher.page.setViewportSize({ width, height: 900 });
    await teacher.page.screenshot({ path: `${SHOTS}/results-${width}.png`, fullPage: true });
  }
  await teacher.page.emulateMedia({ media: 'print' });
  await teacher.page.screenshot({ path: `${SHOTS}/results-print.png`, fullPage: true });
  await teacher.page.emulateMedia({ media: 'screen' });
  // Another quiz's results view does not show these codes.
  await teacher.goto(`${QUIZ.replace('e2e-class', 'e2e-other')}&results=1`);
  await teacher.heading().waitFor();
  assert.equal(await teacher.page.locator('#results-codes').inputValue(), '');
  await teacher.page.getByLabel(/Paste or type the codes/).fill(ann.code);
  await rows.first().waitFor();
  assert.match(await rows.first().innerText(), /from another quiz/);
  assert.deepEqual(teacher.errors, []);
  await teacher.close();
});

test('projector mode by keyboard: reveal, next, back, the answer key', async () => {
  const keyTab = await QuizPage.open(browser, server.url, `${QUIZ}&print=key`);
  const key = await keyTab.answerKey();
  await keyTab.close();
  const tab = await QuizPage.open(browser, server.url, `${QUIZ}&project=1`, { viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const slide = tab.page.locator('.project-slide');
  await slide.locator('h2').waitFor();
  assert.equal(await slide.locator('.project-progress').innerText(), 'Question 1 of 5');
  assert.equal(await slide.locator('h2').innerText(), key[0].prompt);
  const letters = await slide.locator('.project-options .opt-letter').allInnerTexts();
  assert.deepEqual(letters, ['A', 'B', 'C']);
  assert.equal(await tab.page.locator('#project-answer').count(), 0, 'the answer is hidden at first');
  assert.deepEqual(await axe(tab.page), []);
  await tab.page.screenshot({ path: `${SHOTS}/project-1280.png` });
  await tab.page.keyboard.press('ArrowRight');
  await tab.page.locator('#project-answer').waitFor();
  assert.match(await tab.page.locator('#project-answer .right-answer').innerText(), new RegExp(`— ${key[0].answer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  assert.ok(await tab.page.locator('#project-answer cite').count() > 0, 'the explanation cites');
  await tab.page.screenshot({ path: `${SHOTS}/project-answer-1280.png` });
  await tab.page.keyboard.press('Space');
  await tab.page.waitForFunction(() => document.querySelector('.project-progress')?.textContent === 'Question 2 of 5');
  assert.equal(await tab.page.locator('#project-answer').count(), 0);
  assert.equal(await slide.locator('h2').innerText(), key[1].prompt);
  await tab.page.keyboard.press('a');
  await tab.page.locator('#project-answer').waitFor();
  await tab.page.keyboard.press('ArrowLeft');
  await tab.page.waitForFunction(() => !document.getElementById('project-answer'));
  await tab.page.keyboard.press('ArrowLeft');
  await tab.page.waitForFunction(() => document.querySelector('.project-progress')?.textContent === 'Question 1 of 5');
  await tab.page.keyboard.press('End');
  await slide.locator('h2', { hasText: 'Answer key' }).waitFor();
  const lines = await slide.locator('.project-key li').allInnerTexts();
  assert.equal(lines.length, 5);
  lines.forEach((l, i) => assert.ok(l.endsWith(`— ${key[i].answer}`), `${l} gives ${key[i].answer}`));
  assert.match(lines[0], /^1\. [A-C] — /);
  assert.deepEqual(await axe(tab.page), []);
  await tab.page.setViewportSize({ width: 375, height: 800 });
  await tab.page.keyboard.press('Home');
  await tab.page.screenshot({ path: `${SHOTS}/project-375.png` });
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('the share step offers the teacher’s results link next to the students’ link', async () => {
  const tab = await QuizPage.open(browser, server.url, '#/quiz?n=5&ask=when');
  await tab.page.getByRole('button', { name: 'Make the quiz link' }).click();
  const students = await tab.page.locator('.share-link a').getAttribute('href');
  const results = await tab.page.getByRole('link', { name: 'Class results for this quiz' }).getAttribute('href');
  const projector = await tab.page.getByRole('link', { name: 'Projector mode' }).getAttribute('href');
  assert.match(students, /seed=/);
  assert.equal(results, `${students}&results=1`);
  assert.equal(projector, `${students}&project=1`);
  await tab.close();
});
