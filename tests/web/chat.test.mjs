// SPDX-License-Identifier: MIT
// The browser client's protocol layer without a browser: tagged lines parsed into typed events
// (escapes included, malformed lines refused), and the positions a resume and a catch-up after a
// server restart ask for. Run: node tests/web/chat.test.mjs
import { ChatConnection, groups, parseLine, unescapeField } from '../../resources/web/chat.js';

let passed = 0;
let failed = 0;
function check(ok, what) {
  if (ok) passed++;
  else {
    failed++;
    console.log('FAIL: ' + what);
  }
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// Escapes, each a named case.
const escapes = [
  ['empty field', '\\-', ''],
  ['spaces', 'hello\\s\\sworld', 'hello  world'],
  ['backslash', 'a\\\\s', 'a\\s'],
  ['line breaks and tab', '\\r\\n\\t', '\r\n\t'],
  ['control character', '\\x1b[31m', '\x1b[31m'],
  ['Chinese', '你好\\s张伟', '你好 张伟'],
  ['markup stays text', '<b>x</b>', '<b>x</b>'],
  ['a lone dash is text', '-', '-'],
];
for (const [name, field, text] of escapes) check(unescapeField(field) === text, `unescape: ${name}`);

const message = parseLine('message 2026-11-22T12:01:00.000Z 7 41 hall 3 bob hi\\sthere');
check(message && message.kind === 'message' && message.label === '7', 'a message line: kind and label');
check(message && same(message.fields, ['41', 'hall', '3', 'bob', 'hi there']), 'a message line: fields');
check(message && message.time.toISOString() === '2026-11-22T12:01:00.000Z', 'a message line: time');
check(parseLine('join 2026-11-22T12:01:00.000Z \\- hall bob').label === '', 'no label is empty');
for (const [name, line] of [
  ['the greeting', 'Welcome to example! Log in with: login <nick>    (help lists the commands)'],
  ['text chat', 'bob: hello everyone'],
  ['no time', 'message hall bob hi'],
  ['empty', ''],
]) check(parseLine(line) === null, `not tagged: ${name}`);
check(same(groups(['alice', 'op', 'bob', '', 'odd'], 2), [['alice', 'op'], ['bob', '']]), 'pairs, a lone rest dropped');

// Positions: what resume sends, from the lines seen.
const sent = [];
const connection = new ChatConnection('ws://example.invalid/chat');
connection.sendRaw = (text) => sent.push(text);
connection.nick = 'alice';
connection.token = '0123456789abcdef0123456789abcdef';
for (const line of [
  'join 2026-11-22T12:01:00.000Z 1 hall alice',
  'message 2026-11-22T12:01:00.000Z \\- 5 hall 12 bob one',
  'message 2026-11-22T12:01:00.000Z \\- 4 hall 11 bob older',
  'join 2026-11-22T12:01:00.000Z 2 games alice',
  'topicchanged 2026-11-22T12:01:00.000Z 2 9 games 3 alice chess',
  'private 2026-11-22T12:01:00.000Z \\- 10 bob alice psst',
  'note 2026-11-22T12:01:00.000Z \\- 11 hall 13 bot build\\s42\\spassed',
  'privatenote 2026-11-22T12:01:00.000Z \\- 14 bot alice done',
  'join 2026-11-22T12:01:00.000Z 3 chess alice',
  'leave 2026-11-22T12:01:00.000Z 4 chess alice part',
]) connection.receive(line);
connection.receive('welcome 2026-11-22T12:01:00.000Z \\- example 3');
check(sent.length === 1 && /^@resume\d+ resume 0123456789abcdef0123456789abcdef hall:13 games:3 @:14$/.test(sent[0]),
  'resume gives the newest seq per room and the last private id (notes count): ' + sent[0]);
sent.length = 0;
connection.receive('ping 2026-11-22T12:01:00.000Z \\- abc');
check(same(sent, ['pong abc']), 'a ping is answered');

// A restarted server: the token is refused, the person logs in again and catches up.
sent.length = 0;
connection.loggedIn = true;
connection.receive('error 2026-11-22T12:01:00.000Z resume1 490 resume \\- That\\sresume\\stoken\\sis\\swrong.');
check(sent.length === 1 && / login alice$/.test(sent[0]), 'a refused token logs in again');
sent.length = 0;
connection.receive('ok 2026-11-22T12:01:00.000Z login2 login alice ffffffffffffffffffffffffffffffff 120');
check(sent.some((line) => / history hall 1000 after 13$/.test(line)), 'catch-up asks for hall after 13');
check(sent.some((line) => / join games$/.test(line)) && sent.some((line) => / history games 1000 after 3$/.test(line)),
  'catch-up enters games again and asks for it after 3');
check(sent.some((line) => / history @bob 1000 after 14$/.test(line)), 'catch-up asks for the private lines after 14');
check(sent.some((line) => / history @bot 1000 after 14$/.test(line)), 'a private note\'s writer is a peer to catch up with');
check(!sent.some((line) => /chess/.test(line)), 'a room left is not entered again');
sent.length = 0;
connection.receive('historyend 2026-11-22T12:01:00.000Z catchup9 hall \\- request 1000 after 1012');
check(sent.some((line) => / history hall 1000 after 1012$/.test(line)), 'a long catch-up goes on');

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
