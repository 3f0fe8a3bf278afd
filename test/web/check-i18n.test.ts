/**
 * The i18n check of `npm run check` (scripts/check-i18n.ts): what it reports in a source file and in the two
 * translation files, and that the web app as it stands passes it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, test } from 'vitest';
import {
  camelCase,
  checkCodeWording,
  checkCopiedEnglish,
  checkI18n,
  checkLocales,
  checkProblemCodes,
  checkUnitWords,
  mergeLocaleFiles,
  scanSource,
} from '../../scripts/check-i18n.ts';

const NAMESPACES = new Set(['nav', 'status']);

describe('scanSource', () => {
  test.each([
    {
      what: 'reports JSX text',
      code: '<h2>Overview</h2>',
      messages: ['JSX text "Overview" is not translated'],
    },
    {
      what: 'reports a string literal as a JSX child',
      code: "<p>{'Loading…'}</p>",
      messages: ['The string "Loading…" in JSX is not translated'],
    },
    {
      what: 'reports a placeholder attribute',
      code: '<Select placeholder="Choose a unit" />',
      messages: ['The placeholder "Choose a unit" is not translated'],
    },
    {
      what: 'reports an aria-label attribute',
      code: '<div aria-label="Main menu" />',
      messages: ['The aria-label "Main menu" is not translated'],
    },
    {
      what: 'reports a table column title',
      code: "const columns = [{ title: 'Actual', key: 'actual' }];",
      messages: ['The title "Actual" is not translated'],
    },
    {
      what: 'reports a chart series name, in any language',
      code: "const series = { type: 'bar', name: '总分' };",
      messages: ['The name "总分" is not translated'],
    },
    { what: 'accepts a translated heading', code: '<h2>{t("nav.overview")}</h2>', messages: [] },
    { what: 'accepts punctuation between values', code: '<span>{score} · {period}</span>', messages: [] },
    { what: 'accepts a dash', code: '<span>—</span>', messages: [] },
    {
      what: 'accepts a translated placeholder and a test id',
      code: '<Select placeholder={t(\'nav.overview\')} data-testid="picker" />',
      messages: [],
    },
    { what: 'accepts a translation key', code: "const key = { met: 'status.met' } as const;", messages: [] },
    {
      what: 'skips a line marked i18n-ignore',
      code: "// i18n-ignore: shown in logs only\nconst problem = { title: 'Network error' };",
      messages: [],
    },
  ])('$what', ({ code, messages }) => {
    expect(scanSource('page.tsx', code, NAMESPACES).findings.map((finding) => finding.message)).toEqual(
      messages,
    );
  });

  it('collects the keys a file uses, in t() calls and as key-like literals', () => {
    const { keys } = scanSource(
      'page.tsx',
      "const label = t('nav.overview'); const statusKey = { met: 'status.met' }; import x from './status.ts';",
      NAMESPACES,
    );
    expect([...keys].sort()).toEqual(['nav.overview', 'status.met']);
  });

  it('gives the line and column of a finding', () => {
    const [finding] = scanSource(
      'page.tsx',
      'const a = 1;\nconst b = <p>\n  Hello\n</p>;',
      NAMESPACES,
    ).findings;
    expect(finding).toEqual({
      file: 'page.tsx',
      line: 3,
      column: 3,
      message: 'JSX text "Hello" is not translated',
    });
  });
});

describe('checkLocales', () => {
  test.each([
    {
      name: 'a key missing in Chinese',
      en: { nav: { overview: 'Overview', scorecard: 'Scorecard' } },
      zh: { nav: { overview: '总览' } },
      messages: ['nav.scorecard is missing (it is in en.json)'],
    },
    {
      name: 'a key missing in English',
      en: { nav: { overview: 'Overview' } },
      zh: { nav: { overview: '总览', extra: '多余' } },
      messages: ['nav.extra is missing (it is in zh-CN.json)'],
    },
    {
      name: 'an empty translation',
      en: { nav: { overview: 'Overview' } },
      zh: { nav: { overview: ' ' } },
      messages: ['nav.overview has no text'],
    },
    {
      name: 'placeholders that differ',
      en: { overview: { noData: 'There is no data for {{unit}} in {{period}}.' } },
      zh: { overview: { noData: '{{unit}}没有数据。' } },
      messages: [
        'overview.noData has the placeholders {{period}}, {{unit}} in en.json but {{unit}} in zh-CN.json',
      ],
    },
    {
      name: 'nothing when the files agree',
      en: { overview: { noData: 'There is no data for {{unit}} in {{period}}.' } },
      zh: { overview: { noData: '{{unit}}在{{period}}没有数据。' } },
      messages: [],
    },
  ])('reports $name', ({ en, zh, messages }) => {
    expect(checkLocales(en, zh, 'en.json', 'zh-CN.json').map((finding) => finding.message)).toEqual(messages);
  });
});

describe('mergeLocaleFiles', () => {
  const catalog =
    "import a from '../../locales/en.json';\nimport b from '../../features/admin/locales/en.json';";

  it('merges the namespaces of the shared file and the features', () => {
    const result = mergeLocaleFiles(
      [
        { file: 'src/web/locales/en.json', content: { nav: { overview: 'Overview' } } },
        { file: 'src/web/features/admin/locales/en.json', content: { admin: { title: 'Administration' } } },
      ],
      catalog,
    );
    expect(result).toEqual({
      merged: { nav: { overview: 'Overview' }, admin: { title: 'Administration' } },
      findings: [],
    });
  });

  it('reports a namespace defined twice and a file the catalog does not import', () => {
    const result = mergeLocaleFiles(
      [
        { file: 'src/web/locales/en.json', content: { admin: { title: 'Admin' } } },
        { file: 'src/web/features/admin/locales/en.json', content: { admin: { title: 'Administration' } } },
        { file: 'src/web/features/imports/locales/en.json', content: { imports: {} } },
      ],
      catalog,
    );
    expect(result.merged).toEqual({ admin: { title: 'Admin' }, imports: {} });
    expect(result.findings.map((finding) => `${finding.file}: ${finding.message}`)).toEqual([
      'src/web/features/admin/locales/en.json: the namespace admin is already defined in src/web/locales/en.json',
      "src/web/features/imports/locales/en.json: is not imported by src/web/lib/i18n/catalog.ts ('../../features/imports/locales/en.json')",
    ]);
  });
});

describe('checkProblemCodes', () => {
  it('reports a code-like literal of a known domain that has no wording, and nothing else', async () => {
    const root = await mkdtemp(join(tmpdir(), 'healthbsc-codes-'));
    try {
      for (const dir of ['src/core', 'src/db', 'src/ingest', 'src/server', 'src/cli', 'src/demo']) {
        await mkdir(join(root, dir), { recursive: true });
      }
      await writeFile(
        join(root, 'src/server/refusal.ts'),
        [
          "export const known = 'period.not-a-period';",
          "export const unknown = 'period.not-a-fortnight';",
          "export const path = 'src/server/config.ts';",
          "export const other = 'nowhere.not-a-domain';",
        ].join('\n'),
      );
      expect(checkProblemCodes(root)).toEqual([
        {
          file: 'src/server/refusal.ts',
          line: 2,
          column: 24,
          message: 'The problem code period.not-a-fortnight has no wording in src/core/errors/messages',
        },
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('finds every problem code the server can send worded in zh-CN and en', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    expect(checkProblemCodes(root)).toEqual([]);
  });
});

it('finds nothing to report in the web app', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  expect(checkI18n(root)).toEqual([]);
});

describe('checkUnitWords', () => {
  it('reports a unit code whose Chinese word is written in Latin letters', () => {
    expect(checkUnitWords({ yuan: { en: 'yuan', zh: 'yuan' } }).map((f) => f.message)).toEqual([
      'The unit code yuan has no Chinese word (zh is "yuan")',
    ]);
  });

  it('takes a sign that is the same in both languages as worded', () => {
    expect(checkUnitWords({ percent: { en: '%', zh: '%' }, cases: { en: 'cases', zh: '例' } })).toEqual([]);
  });
});

describe('checkCopiedEnglish', () => {
  it('reports a Chinese text that is the English one copied', () => {
    expect(
      checkCopiedEnglish({ a: { b: 'No data yet' } }, { a: { b: 'No data yet' } }, 'zh.json').map(
        (f) => f.message,
      ),
    ).toEqual(['a.b is the English text in zh-CN: "No data yet"']);
  });

  it('passes names and notation that read the same in both languages', () => {
    expect(
      checkCopiedEnglish(
        { name: 'HealthBSC', xlsx: 'Excel', ci: 'λmax {{lambda}} · CI {{ci}}' },
        { name: 'HealthBSC', xlsx: 'Excel', ci: 'λmax {{lambda}} · CI {{ci}}' },
        'zh.json',
      ),
    ).toEqual([]);
  });
});

it('names a reason by its key as the translation files do', () => {
  expect(camelCase('reported-quarterly')).toBe('reportedQuarterly');
});

it('finds every code the client words (import rows, units, no-value reasons) worded in zh-CN', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  expect(checkCodeWording(root)).toEqual([]);
});
