// Checks a briefing's web page in headless Chromium: no axe-core
// accessibility violations (WCAG 2.1 A and AA), chapters that seek, keyboard
// use, and the transcript's current sentence following the audio.
//   node page-test.js PAGE.html   (NODE_PATH must reach axe-core and playwright-core)
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');
const axePath = require.resolve('axe-core/axe.min.js');

function fail(message) {
  console.error('page test: ' + message);
  process.exitCode = 1;
}

(async () => {
  const page_file = path.resolve(process.argv[2]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--autoplay-policy=no-user-gesture-required', '--mute-audio'],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto('file://' + page_file);
    await page.waitForFunction(() => document.getElementById('player').readyState >= 1,
                               null, { timeout: 20000 });

    // 1. accessibility: axe-core, WCAG 2.0/2.1 A and AA rules
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() => axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }));
    for (const v of result.violations)
      fail(`axe: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s)`);
    console.log(`axe-core ${result.testEngine.version}: ${result.violations.length} violations, ` +
                `${result.passes.length} rules passed`);

    // 2. the audio is real and long enough to seek in
    const duration = await page.evaluate(() => document.getElementById('player').duration);
    if (!(duration > 5)) fail(`audio duration ${duration}`);

    // 3. keyboard: Tab reaches the chapter buttons, Enter seeks
    await page.keyboard.press('Tab'); // the skip link comes first
    const first = await page.evaluate(() => document.activeElement.className);
    if (first !== 'skip') fail(`first Tab stop is "${first}", not the skip link`);
    let focused = '';
    for (let i = 0; i < 20 && focused !== 'chapter'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() =>
        document.activeElement.matches('button[data-start]') ? 'chapter' : '');
    }
    if (focused !== 'chapter') fail('Tab never reaches a chapter button');
    // 4. a chapter button seeks, by mouse
    const chapters = await page.$$('button[data-start]');
    if (chapters.length < 2) fail(`${chapters.length} chapter buttons`);
    const target = chapters[1];
    const start = parseFloat(await target.getAttribute('data-start'));
    await target.click();
    await page.waitForFunction((s) => {
      const a = document.getElementById('player');
      return !a.paused && a.currentTime > s + 0.3;
    }, start, { timeout: 20000 });

    // 5. the highlighted sentence is the one being spoken
    const check = await page.evaluate(() => {
      const a = document.getElementById('player');
      const t = a.currentTime;
      const marked = document.querySelectorAll('#transcript li[aria-current="true"]');
      if (marked.length !== 1) return `marked: ${marked.length}`;
      const li = marked[0];
      const next = li.nextElementSibling;
      const from = +li.dataset.start, to = next ? +next.dataset.start : Infinity;
      return (from <= t + 0.3 && t < to + 0.3) ? 'ok' : `t=${t} cue=[${from}, ${to})`;
    });
    if (check !== 'ok') fail('highlight: ' + check);
    else console.log(`chapter 2 seeks to ${start.toFixed(3)} s; the highlight follows`);

    // 6. Enter on a focused chapter button seeks
    await page.evaluate(() => document.getElementById('player').pause());
    const last = chapters[chapters.length - 1];
    await last.focus();
    await page.keyboard.press('Enter');
    const lastStart = parseFloat(await last.getAttribute('data-start'));
    await page.waitForFunction((s) => document.getElementById('player').currentTime >= s - 0.05,
                               lastStart, { timeout: 10000 });
    console.log('keyboard: Tab and Enter reach and use the chapter buttons');
    for (const e of errors) fail('script error: ' + e);
  } finally {
    await browser.close();
  }
})().catch((e) => fail(String(e && e.stack || e)));
