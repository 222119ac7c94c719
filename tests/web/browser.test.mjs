// SPDX-License-Identifier: MIT
// The browser client in a real browser (Debian's Chromium, driven by playwright-core) against
// the built chat-server: logging in, chatting both ways with a person on a plain socket, rooms,
// a private conversation, coming back after the server restarts without missing a line,
// Simplified Chinese, and a phone's width.
//   node tests/web/browser.test.mjs path/to/chat-server [--screenshots DIR]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.log('FAIL: playwright-core is not installed in tests/web: run scripts/setup.sh');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const serverPath = process.argv[2];
const shotsAt = process.argv.indexOf('--screenshots');
const screenshots = shotsAt > 0 ? process.argv[shotsAt + 1] : null;
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const Timeout = 10000;

const work = mkdtempSync(path.join(tmpdir(), 'web-test-'));
let server = null;
let browser = null;
let passed = 0;

function fail(message) {
  throw new Error(message);
}

// A port free now: the web port has no "0 picks one" (0 turns it off).
function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// Starts chat-server on the data folder; chat port 0 picks a free one. Resolves with its ports.
async function startServer(chatPort = 0, webPort = 0) {
  webPort = webPort || await freePort();
  return launchServer(chatPort, webPort);
}

function launchServer(chatPort, webPort) {
  return new Promise((resolve, reject) => {
    const args = ['--port', String(chatPort), '--web-port', String(webPort), '--irc-port', '0',
      '--bind', '127.0.0.1', '--data-dir', path.join(work, 'data'), '--durability', 'normal',
      '--name', 'web-test', '--exempt-loopback', '--flood-burst', '200', '--flood-rate', '1000'];
    server = spawn(serverPath, args, { env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } });
    let out = '';
    const timer = setTimeout(() => reject(new Error('the server did not start: ' + out)), Timeout);
    server.stderr.on('data', (data) => { out += data; });
    server.stdout.on('data', (data) => {
      out += data;
      const chat = /listening on \S+ port (\d+)/.exec(out);
      const web = /listening for browsers on \S+ port (\d+)/.exec(out);
      if (chat && web) {
        clearTimeout(timer);
        resolve({ chatPort: Number(chat[1]), webPort: Number(web[1]) });
      }
    });
    server.on('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
}

function stopServer() {
  return new Promise((resolve) => {
    server.removeAllListeners('exit');
    server.on('exit', resolve);
    server.kill('SIGTERM');
  });
}

// A person on a plain socket, as on telnet.
class LineUser {
  constructor(port) {
    this.lines = [];
    this.waiters = [];
    this.socket = net.connect(port, '127.0.0.1');
    this.socket.setEncoding('utf8');
    let buffer = '';
    this.socket.on('data', (data) => {
      buffer += data;
      let end;
      while ((end = buffer.indexOf('\n')) >= 0) {
        this.lines.push(buffer.slice(0, end).replace(/\r$/, ''));
        buffer = buffer.slice(end + 1);
      }
      this.waiters.forEach((wake) => wake());
    });
  }

  send(line) {
    this.socket.write(line + '\r\n');
  }

  // The first line (since the last one expected) that matches pattern.
  expect(pattern) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line matching ${pattern}; got: ${this.lines.join(' | ')}`)), Timeout);
      const look = () => {
        const at = this.lines.findIndex((line) => pattern.test(line));
        if (at < 0) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((wake) => wake !== look);
        resolve(this.lines[at]);
        this.lines.splice(0, at + 1);
      };
      this.waiters.push(look);
      look();
    });
  }

  close() {
    this.socket.destroy();
  }
}

async function step(name, body) {
  const started = Date.now();
  await body();
  passed++;
  console.log(`ok ${passed} - ${name} (${Date.now() - started} ms)`);
}

async function shot(page, name) {
  if (screenshots) await page.screenshot({ path: path.join(screenshots, `web-${name}.png`) });
}

// Waits until fn(arg), run in the page, is true. Polls page.evaluate, as QTRY_VERIFY does:
// waitForFunction evaluates strings in the page, which its Content-Security-Policy forbids.
async function until(page, fn, arg, timeout = Timeout) {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > deadline) fail(`timed out waiting for ${String(fn).slice(0, 120)} (${arg ?? ''})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// Whether a line whose text is exactly text is shown.
function entryShown(page, text) {
  return page.evaluate((wanted) => [...document.querySelectorAll('#messages .entry .text')].some((item) => item.textContent === wanted), text);
}

// The text of the messages shown, as the person reads them.
function messagesHave(page, text) {
  return until(page, (wanted) => document.getElementById('messages').textContent.includes(wanted), text);
}

async function login(page, port, nick) {
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.fill('#nick', nick);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#chat-view:not([hidden])');
  await until(page, () => document.getElementById('conversation-title').textContent === '#hall', null);
}

async function say(page, text) {
  await page.fill('#input', text);
  await page.press('#input', 'Enter');
}

async function openConversation(page, key) {
  await page.click(`.conversation[data-key="${key}"]`);
  await until(page, (wanted) => document.getElementById('conversation-title').textContent === wanted, key);
}

async function main() {
  let { chatPort, webPort } = await startServer();
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });

  const desktop = await browser.newContext({ viewport: { width: 1200, height: 720 }, locale: 'en-US' });
  const page = await desktop.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  // A WebSocket that cannot connect while the server is down is expected; nothing else is.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('WebSocket connection')) pageErrors.push(message.text());
  });
  let bob;

  await step('the page logs in', async () => {
    await login(page, webPort, 'alice');
    if (await page.textContent('#login-form h1') !== 'Join the chat') fail('not in English');
  });

  await step('a socket user and the browser chat both ways', async () => {
    bob = new LineUser(chatPort);
    await bob.expect(/^Welcome/);
    bob.send('login bob');
    await bob.expect(/^Users in hall/);
    await messagesHave(page, 'bob has entered hall.');
    bob.send('hello alice, <b>not bold</b>');
    await messagesHave(page, 'hello alice, <b>not bold</b>');
    if (await page.locator('#messages b').count() !== 0) fail('markup from a person was rendered');
    if (await page.locator('.entry.mention').count() !== 1) fail('the mention is not marked');
    await say(page, 'hi bob');
    await bob.expect(/^alice: hi bob$/);
    await until(page, () => [...document.querySelectorAll('#people-list .person')].map((p) => p.textContent).join() === 'alice,bob', null);
  });

  await step('rooms: join or create, switch, unread counts', async () => {
    await page.fill('#join-room', 'games');
    await page.press('#join-room', 'Enter');
    await until(page, () => document.getElementById('conversation-title').textContent === '#games', null);
    bob.send('say #hall while you are in games');
    await until(page, () => document.querySelector('.conversation[data-key="#hall"] .badge')?.textContent === '1', null);
    bob.send('join games');
    await bob.expect(/You have entered games/);
    bob.send('the games room');
    await messagesHave(page, 'the games room');
    await say(page, '/topic chess at eight');
    await until(page, () => document.getElementById('conversation-topic').textContent === 'chess at eight', null);
    await say(page, 'white or black, bob?');
    await bob.expect(/alice: white or black, bob\?$/);
    await shot(page, 'desktop-en');
    await openConversation(page, '#hall');
    await messagesHave(page, 'while you are in games');
    if (await page.locator('.unread-marker').count() !== 1) fail('no marker at the first unread line');
  });

  await step('a private conversation', async () => {
    bob.send('msg alice psst');
    await page.waitForSelector('.conversation[data-key="@bob"].mentioned');
    await openConversation(page, '@bob');
    await messagesHave(page, 'psst');
    await say(page, 'back at you');
    await bob.expect(/^-?>? ?\*alice\* back at you$/);
  });

  await step('whowas: who went by a name, in words', async () => {
    await say(page, '/whowas nobody');
    await messagesHave(page, 'Nobody called nobody has left lately.');
    bob.send('nick robert');
    await bob.expect(/You are now known as robert/);
    await say(page, '/whowas bob');
    await messagesHave(page, 'bob took the name robert on ');
    bob.send('nick bob');
    await bob.expect(/You are now known as bob/);
  });

  await step('history loads as the person scrolls up', async () => {
    bob.send('join hall');
    await bob.expect(/You have entered hall/);
    for (let i = 1; i <= 80; i++) bob.send(`say #hall line ${i}`);
    await bob.expect(/^\[hall\] bob: line 80$|^bob: line 80$/);
    const later = await browser.newContext({ viewport: { width: 1200, height: 720 } });
    const reader = await later.newPage();
    await login(reader, webPort, 'dave');
    await messagesHave(reader, 'line 80');
    // On entering: the newest 50 lines; scrolling up brings the rest, down to the first.
    if (await entryShown(reader, 'line 1')) fail('more than the newest lines on entering');
    while (!(await reader.locator('.entry.beginning').count())) {
      const before = await reader.locator('#messages .entry').count();
      await reader.evaluate(() => {
        const list = document.getElementById('messages');
        list.scrollTop = 0;
        list.dispatchEvent(new Event('scroll'));
      });
      await until(reader, (count) => document.querySelector('.entry.beginning') ||
        document.querySelectorAll('#messages .entry').length > count, before);
    }
    if (!(await entryShown(reader, 'line 1'))) fail('line 1 never came');
    await messagesHave(reader, 'hello alice');
    await later.close();
  });

  await step('a mention in a hidden tab notifies, once allowed on a click', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 720 } });
    // A stand-in for the browser's notifications, which a headless browser cannot show: it
    // records what the page asks for and shows.
    await context.addInitScript(() => {
      window.notes = { asked: 0, shown: [] };
      window.Notification = class {
        static permission = 'default';
        static requestPermission() {
          window.notes.asked++;
          window.Notification.permission = 'granted';
          return Promise.resolve('granted');
        }
        constructor(title, options) { window.notes.shown.push(title + ': ' + options.body); }
      };
    });
    const erin = await context.newPage();
    await login(erin, webPort, 'erin');
    if (await erin.evaluate(() => window.notes.asked) !== 0) fail('permission asked for on load');
    await erin.click('#notify-button');
    await until(erin, () => window.notes.asked === 1 && document.getElementById('notify-button').hidden, null);
    bob.send('erin, while you look');
    await messagesHave(erin, 'erin, while you look');
    await erin.evaluate(() => Object.defineProperty(document, 'hidden', { get: () => true }));
    bob.send('erin, are you there?');
    await until(erin, () => window.notes.shown.length === 1, null);
    const shown = await erin.evaluate(() => window.notes.shown[0]);
    if (shown !== 'bob mentioned you in #hall: erin, are you there?') fail('notification: ' + shown);
    await context.close();
  });

  await step('the server restarts: the page comes back and misses nothing', async () => {
    await openConversation(page, '#games');
    bob.close();
    await stopServer();
    await page.waitForSelector('#status-banner:not([hidden])');
    ({ chatPort, webPort } = await startServer(chatPort, webPort));
    bob = new LineUser(chatPort);
    await bob.expect(/^Welcome/);
    bob.send('login bob');
    await bob.expect(/^Users in hall/);
    bob.send('said while alice was away');
    bob.send('join games');
    await bob.expect(/You have entered games/);
    await page.waitForSelector('#status-banner[hidden]', { state: 'attached', timeout: 20000 });
    await messagesHave(page, 'the games room');
    bob.send('after the restart');
    await messagesHave(page, 'after the restart');
    bob.send('join hall');
    await bob.expect(/You have entered hall/);
    await openConversation(page, '#hall');
    await messagesHave(page, 'said while alice was away');
    await say(page, 'I am back');
    await bob.expect(/alice: I am back$/);
  });

  await step('a phone-sized screen', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 760 }, locale: 'en-US', isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    await login(small, webPort, 'carol');
    await messagesHave(small, 'I am back');
    if (await small.isVisible('#sidebar')) fail('the conversations cover the messages');
    const width = (await small.locator('#messages').boundingBox()).width;
    if (width < 370) fail(`the messages are ${width}px wide on a 390px screen`);
    await say(small, '/join games');
    await until(small, () => document.getElementById('conversation-title').textContent === '#games', null);
    await messagesHave(small, 'after the restart');
    await shot(small, 'phone-en');
    await small.click('#menu-button');
    await small.waitForSelector('#sidebar', { state: 'visible', timeout: Timeout });
    await small.click('.conversation[data-key="#hall"]');
    await small.waitForSelector('#sidebar', { state: 'hidden', timeout: Timeout });
    await phone.close();
  });

  await step('Simplified Chinese for a Chinese browser', async () => {
    const chinese = await browser.newContext({ viewport: { width: 1200, height: 720 }, locale: 'zh-CN' });
    const zh = await chinese.newPage();
    await zh.goto(`http://127.0.0.1:${webPort}/`);
    if (await zh.textContent('#login-form h1') !== '加入聊天') fail('the login form is not in Chinese');
    await login(zh, webPort, '张伟');
    await messagesHave(zh, '你已登录为 张伟。');
    await zh.fill('#join-room', '茶馆');
    await zh.press('#join-room', 'Enter');
    await until(zh, () => document.getElementById('conversation-title').textContent === '#茶馆', null);
    bob.send('join 茶馆');
    await bob.expect(/You have entered 茶馆/);
    bob.send('大家好，今晚下棋吗？');
    await messagesHave(zh, '大家好，今晚下棋吗？');
    await say(zh, '好啊，八点见 bob');
    await bob.expect(/张伟: 好啊，八点见 bob$/);
    await shot(zh, 'desktop-zh_CN');
    const phone = await browser.newContext({ viewport: { width: 390, height: 760 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    await login(small, webPort, '李娜');
    await say(small, '/join 茶馆');
    await until(small, () => document.getElementById('conversation-title').textContent === '#茶馆', null);
    await messagesHave(small, '好啊，八点见 bob');
    await shot(small, 'phone-zh_CN');
    await phone.close();
    // A refusal in the person's language: the owner bans what is no mask (error 415).
    await say(zh, '/ban 10.0.0.0/99');
    await messagesHave(zh, '“10.0.0.0/99”不是掩码：请给出昵称、account:<名字>，或地址、子网（10.0.0.0/8）。');
    await chinese.close();
  });

  if (pageErrors.length) fail('the page reported errors: ' + pageErrors.join(' | '));
  bob.close();
}

let failed = 0;
try {
  await main();
} catch (error) {
  failed = 1;
  console.log('FAIL: ' + error.message);
} finally {
  await browser?.close();
  if (server && server.exitCode === null) await stopServer();
  rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
