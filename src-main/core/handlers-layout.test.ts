/**
 * A newcomer finds the code behind any channel in one hop: the channel `team.list` is answered in
 * src-main/team/team-handlers.ts, and nowhere else. One handlers file per channel prefix, in the
 * folder of that name, answering exactly the channels of its prefix.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { channelNames } from '../../shared/contract';

const SRC_MAIN = join(import.meta.dirname, '..');
const prefixOf = (channel: string) => channel.slice(0, channel.indexOf('.'));
const prefixes = [...new Set(channelNames.map(prefixOf))].sort();

test('every channel prefix has one handlers file, <prefix>/<prefix>-handlers.ts, and there are no others', () => {
  const handlerFiles = readdirSync(SRC_MAIN, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('-handlers.ts'))
    .map((path) => relative(SRC_MAIN, join(SRC_MAIN, path)))
    .sort();
  expect(handlerFiles).toEqual(prefixes.map((prefix) => join(prefix, `${prefix}-handlers.ts`)));
});

test.each(prefixes)('%s-handlers.ts answers exactly the %s.* channels', (prefix) => {
  const text = readFileSync(join(SRC_MAIN, prefix, `${prefix}-handlers.ts`), 'utf8');
  const answered = [...text.matchAll(/^\s*'([a-z]+\.[A-Za-z]+)':/gm)].map((match) => match[1]).sort();
  expect(answered).toEqual(channelNames.filter((channel) => prefixOf(channel) === prefix).sort());
});
