// SPDX-License-Identifier: MIT
// The browser client's string tables: every language has every key, and none is empty, so the
// page never shows a key's name or nothing. Run: node tests/web/strings.test.mjs
import { strings, pickLanguage, translate } from '../../resources/web/strings.js';

let passed = 0;
let failed = 0;
function check(ok, what) {
  if (ok) passed++;
  else {
    failed++;
    console.log('FAIL: ' + what);
  }
}

const languages = Object.keys(strings);
check(languages.includes('en') && languages.includes('zh_CN'), 'tables for en and zh_CN');
const english = Object.keys(strings.en).sort();
for (const language of languages) {
  const keys = Object.keys(strings[language]).sort();
  for (const key of english) check(keys.includes(key), `${language} has ${key}`);
  for (const key of keys) check(english.includes(key), `${language}'s ${key} is in en too`);
  for (const key of keys) check(String(strings[language][key]).trim() !== '', `${language}'s ${key} is not empty`);
  for (const key of keys) {
    const wanted = (strings.en[key] || '').match(/\{\w+\}/g)?.sort().join() || '';
    const has = strings[language][key].match(/\{\w+\}/g)?.sort().join() || '';
    check(wanted === has, `${language}'s ${key} has the placeholders of en (${wanted})`);
  }
}
check(pickLanguage(['zh-CN', 'en']) === 'zh_CN', 'zh-CN picks zh_CN');
check(pickLanguage(['zh-TW']) === 'zh_CN', 'zh-TW picks zh_CN, the Chinese there is');
check(pickLanguage(['fr-FR', 'en-GB']) === 'en', 'fr then en picks en');
check(pickLanguage([]) === 'en', 'nothing picks en');
check(translate('en', 'joined', { nick: '<b>', room: 'hall' }) === '<b> has entered hall.', 'placeholders filled as text');

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
