/**
 * Builds the built-in indicator library (src/core/indicator-library/data/*.ts) once, from the shared standards
 * and the repository: China's 56 tertiary public hospital appraisal indicators
 * (`cn_tertiary_public_hospital_appraisal_56_indicators.csv`), the AHRQ Quality Indicators v2024
 * (`ahrq_qi_v2024_indicators.csv`), the CMS FHIR eCQM hospital measures (`fhir_ecqm_hospital_measures_summary.csv`),
 * all under `../shared/data/standards` (or `--standards <dir>`), and seed 002's 31 indicators from
 * examples/az-hospital/scorecard.yaml. The translations the sources lack are in scripts/indicator-library/.
 * The output is committed, so a clone loads the library without the shared data.
 *
 *   node scripts/build-indicator-library.ts [--standards <dir>]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { type LibraryEntry, libraryEntrySchema } from '../src/core/indicator-library/library-entry.ts';
import {
  AHRQ_MODULES,
  AHRQ_NAMES_ZH,
  AHRQ_STRATA_ZH,
  ECQM_ZH,
} from './indicator-library/ahrq-ecqm-translations.ts';
import { CN_DATA_SOURCES, CN_TRANSLATIONS, CN_UNITS } from './indicator-library/cn-tertiary-translations.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const flag = process.argv.indexOf('--standards');
const standards =
  flag >= 0 ? resolve(process.argv[flag + 1] ?? '.') : resolve(root, '..', 'shared', 'data', 'standards');
const out = join(root, 'src', 'core', 'indicator-library', 'data');

/** A small RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks. */
function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(join(standards, file), 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows.filter((r) => r.some((f) => f !== ''));
  return body.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}

const dash = (text: string | undefined) =>
  text === undefined || text.trim() === '' || text.trim() === '—' ? null : text.trim();

const CN_PERSPECTIVE: Readonly<Record<string, LibraryEntry['perspective']>> = {
  医疗质量: 'internal',
  运营效率: 'financial',
  持续发展: 'learning',
  满意度评价: 'customer',
};

function chinaEntries(): LibraryEntry[] {
  return readCsv('cn_tertiary_public_hospital_appraisal_56_indicators.csv').map((row) => {
    const no = row.no ?? '';
    const t = CN_TRANSLATIONS[no];
    if (!t) throw new Error(`no translation for China's indicator ${no}`);
    const qualitative = row.type_cn === '定性';
    const numeratorZh = dash(row.numerator_cn);
    const denominatorZh = dash(row.denominator_cn);
    const unit = CN_UNITS[row.unit ?? ''];
    if (!unit) throw new Error(`no unit wording for '${row.unit}'`);
    const growth = typeof t.formula === 'string' && t.formula.includes('periodOffset');
    const direction =
      row.direction === 'lower' ? 'lower' : row.direction === 'monitor' ? 'monitor' : 'higher';
    const factor = typeof t.formula === 'object' && t.formula !== null ? t.formula.factor : null;
    const nameZh = row.indicator_cn ?? '';
    const nameEn = row.indicator_en ?? '';
    const definition = qualitative
      ? {
          zh: `${nameZh}：定性评价，按国家考核标准评定等级`,
          en: `${nameEn}: a qualitative rating by the national appraisal's criteria`,
        }
      : numeratorZh && denominatorZh && t.numeratorEn && t.denominatorEn
        ? {
            zh: `${numeratorZh} ÷ ${denominatorZh}${factor && factor !== 1 ? ` × ${factor}` : ''}`,
            en: `${t.numeratorEn} ÷ ${t.denominatorEn}${factor && factor !== 1 ? ` × ${factor}` : ''}`,
          }
        : { zh: numeratorZh ?? nameZh, en: t.numeratorEn ?? nameEn };
    return {
      id: `cn-tertiary-${no === '新增1' ? 'added-1' : no}`,
      source: 'cn-tertiary',
      name: { zh: nameZh, en: nameEn },
      definition: growth
        ? {
            zh: `（${numeratorZh}）÷ ${denominatorZh} × 100；按年评价时与上一年度比较`,
            en: `(${t.numeratorEn}) ÷ ${t.denominatorEn} × 100; evaluated for a year, it compares with the year before`,
          }
        : definition,
      numerator: numeratorZh && t.numeratorEn ? { zh: numeratorZh, en: t.numeratorEn } : null,
      denominator: denominatorZh && t.denominatorEn ? { zh: denominatorZh, en: t.denominatorEn } : null,
      perspective: CN_PERSPECTIVE[row.level1_cn ?? ''] ?? 'internal',
      category: { zh: `${row.level1_cn} · ${row.level2_cn}`, en: `${row.level1_en} · ${row.level2_en}` },
      kind: qualitative ? 'qualitative' : 'quantitative',
      direction,
      unit,
      periodType: 'year',
      formula: t.formula,
      // A growth can be 0 or negative: actual ÷ target means nothing then, so it is scored on a line.
      scoring: growth ? { method: 'linear', floor: 20 } : null,
      dataElements: t.elements.map((el) => ({
        code: el.code,
        name: { en: el.en, zh: el.zh },
        valueType: el.valueType ?? 'integer',
      })),
      reference: `国家三级公立医院绩效考核指标 / China's national tertiary public hospital performance appraisal, indicator ${no}${row.national_monitoring === 'yes' ? ' (national monitoring indicator)' : ''}; data source: ${row.data_source_cn} (${CN_DATA_SOURCES[row.data_source_cn ?? ''] ?? ''})`,
    };
  });
}

interface AzFile {
  dataElements: {
    code: string;
    name: { en: string; zh: string };
    valueType?: string;
    unit?: { en: string; zh: string };
  }[];
  perspectives: {
    id: string;
    kind: LibraryEntry['perspective'];
    name: { en: string; zh: string };
    indicators: {
      id: string;
      name: { en: string; zh: string };
      kind?: 'quantitative' | 'qualitative';
      formula?: string | { numerator: string; denominator: string; factor?: number };
      formulaText?: string;
      unit?: { en: string; zh: string };
      direction?: 'higher' | 'lower' | { band: [number, number] };
    }[];
  }[];
}

function seed002Entries(): LibraryEntry[] {
  const file = parseYaml(
    readFileSync(join(root, 'examples', 'az-hospital', 'scorecard.yaml'), 'utf8'),
  ) as AzFile;
  const elements = new Map(file.dataElements.map((d) => [d.code, d]));
  const codesIn = (formula: string) =>
    [...elements.keys()].filter((code) => new RegExp(`(^|[^\\w.])${code}($|[^\\w.])`).test(formula));
  const words = (formula: string, lang: 'en' | 'zh') =>
    formula
      .replace(/[\p{L}_][\p{L}\p{N}_.]*/gu, (code) => elements.get(code)?.name[lang] ?? code)
      .replace(/\*/g, '×')
      .replace(/\//g, '÷');
  return file.perspectives.flatMap((perspective) =>
    perspective.indicators.map((indicator): LibraryEntry => {
      const f = indicator.formula;
      const parts = f === undefined ? [] : typeof f === 'string' ? [f] : [f.numerator, f.denominator];
      const codes = [...new Set(parts.flatMap(codesIn))];
      const text = (lang: 'en' | 'zh') =>
        f === undefined
          ? lang === 'en'
            ? `${indicator.name.en}: rated by experts on seed 002's rubric (Tables 4.10–4.11)`
            : `${indicator.name.zh}：由专家按种子文献 002 的评分细则评定（表 4.10–4.11）`
          : typeof f === 'string'
            ? words(f, lang)
            : `${words(f.numerator, lang)} ÷ ${words(f.denominator, lang)}${(f.factor ?? 1) !== 1 ? ` × ${f.factor}` : ''}`;
      const direction = indicator.direction === 'lower' ? 'lower' : 'higher';
      return {
        id: `seed-002-${indicator.id}`,
        source: 'seed-002',
        name: indicator.name,
        definition: { en: text('en'), zh: text('zh') },
        numerator:
          f !== undefined && typeof f !== 'string'
            ? { en: words(f.numerator, 'en'), zh: words(f.numerator, 'zh') }
            : null,
        denominator:
          f !== undefined && typeof f !== 'string'
            ? { en: words(f.denominator, 'en'), zh: words(f.denominator, 'zh') }
            : null,
        perspective: perspective.kind,
        category: perspective.name,
        kind: indicator.kind ?? 'quantitative',
        direction,
        unit: indicator.unit ?? null,
        periodType: 'year',
        formula:
          f === undefined
            ? null
            : typeof f === 'string'
              ? f
              : { numerator: f.numerator, denominator: f.denominator, factor: f.factor ?? 1 },
        scoring: null,
        dataElements: codes.map((code) => {
          const el = elements.get(code);
          const valueType =
            el?.valueType === 'money' || el?.valueType === 'integer' || el?.valueType === 'percentage'
              ? el.valueType
              : 'number';
          return { code, name: el?.name ?? { en: code, zh: code }, valueType };
        }),
        reference: `seed 002_db9e4dc6af8d1a80.txt, Table 3.1 (indicator ${indicator.id}) and Table 4.8 (direction)`,
      };
    }),
  );
}

function ahrqEntries(): LibraryEntry[] {
  return readCsv('ahrq_qi_v2024_indicators.csv').map((row) => {
    const qi = row.qi_var ?? '';
    const parent = Object.keys(AHRQ_NAMES_ZH)
      .filter((k) => qi === k || qi.startsWith(`${k}_`))
      .sort((a, b) => b.length - a.length)[0];
    const baseZh = parent ? AHRQ_NAMES_ZH[parent] : undefined;
    if (!parent || !baseZh) throw new Error(`no Chinese name for AHRQ ${qi}`);
    const stratum = qi === parent ? null : qi.slice(parent.length + 1);
    const stratumZh = stratum === null ? null : AHRQ_STRATA_ZH[stratum];
    if (stratum !== null && !stratumZh) throw new Error(`no Chinese name for AHRQ stratum ${stratum}`);
    const nameZh = stratumZh ? `${baseZh}（分层：${stratumZh}）` : baseZh;
    const module = AHRQ_MODULES[row.module ?? ''] ?? { en: row.module ?? '', zh: row.module ?? '' };
    const area = row.level === 'area';
    const count = (row.unit ?? '').startsWith('count');
    const num = `ahrq_${qi.toLowerCase()}_num`;
    const den = `ahrq_${qi.toLowerCase()}_den`;
    const numerator = area
      ? {
          en: `Admissions of area residents for the condition (${row.numerator_var})`,
          zh: `辖区居民因该病症住院人次（${row.numerator_var}）`,
        }
      : {
          en: `Discharges with the indicator's outcome (${row.numerator_var})`,
          zh: `发生该指标结局的出院人次（${row.numerator_var}）`,
        };
    const denominator = area
      ? { en: `Area population (${row.denominator_var})`, zh: `辖区人口数（${row.denominator_var}）` }
      : {
          en: `Discharges in the population at risk (${row.denominator_var})`,
          zh: `风险人群出院人次（${row.denominator_var}）`,
        };
    const factor = area ? 100_000 : 1_000;
    return {
      id: `ahrq-${qi.toLowerCase().replace(/_/g, '-')}`,
      source: 'ahrq-qi',
      name: { en: row.name ?? qi, zh: nameZh },
      definition: count
        ? { en: `${row.name}: the number of events`, zh: `${nameZh}：事件例数` }
        : {
            en: `${numerator.en} ÷ ${denominator.en} × ${factor.toLocaleString('en')}`,
            zh: `${numerator.zh} ÷ ${denominator.zh} × ${factor}`,
          },
      numerator,
      denominator: count ? null : denominator,
      perspective: area ? 'social' : 'internal',
      category: module,
      kind: 'quantitative',
      direction: row.direction === 'lower' ? 'lower' : 'higher',
      unit: count
        ? { en: 'events', zh: '例' }
        : area
          ? { en: 'per 100,000 population', zh: '每十万人口' }
          : { en: 'per 1,000 discharges', zh: '每千出院人次' },
      periodType: 'year',
      formula: count ? num : { numerator: num, denominator: den, factor },
      scoring: null,
      dataElements: [
        {
          code: num,
          name: { en: `${qi} numerator (${row.numerator_var})`, zh: `${qi} 分子（${row.numerator_var}）` },
          valueType: 'integer',
        },
        ...(count
          ? []
          : [
              {
                code: den,
                name: {
                  en: `${qi} denominator (${row.denominator_var})`,
                  zh: `${qi} 分母（${row.denominator_var}）`,
                },
                valueType: 'integer' as const,
              },
            ]),
      ],
      reference: `AHRQ Quality Indicators v2024, ${qi} (${row.source})`,
    };
  });
}

/** The first paragraph of an eCQM text, without the "Num1:" style labels. */
function firstParagraph(text: string | undefined): string {
  const first = (text ?? '').split(/\n\s*\n/)[0] ?? '';
  return first
    .replace(/^\s*[A-Za-z]+\d*:\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function ecqmEntries(): LibraryEntry[] {
  return readCsv('fhir_ecqm_hospital_measures_summary.csv').map((row) => {
    const id = row.cms_id ?? '';
    const zh = ECQM_ZH[id];
    if (!zh) throw new Error(`no Chinese wording for eCQM ${id}`);
    const cms = id.replace(/FHIR$/, '').toLowerCase();
    const title = (row.title ?? '').replace(/\s*FHIR\s*$/, '').trim();
    const numeratorEn = firstParagraph(row.numerator) || firstParagraph(row.initial_population);
    const denominatorEn = firstParagraph(row.denominator) || firstParagraph(row.initial_population);
    const denominatorText = /^equals initial population$/i.test(denominatorEn)
      ? firstParagraph(row.initial_population)
      : denominatorEn;
    const factor = row.scoring === 'ratio' ? 1000 : 100;
    return {
      id: `cms-ecqm-${cms}`,
      source: 'cms-ecqm',
      name: { en: title, zh: zh.nameZh },
      definition: { en: firstParagraph(row.description) || title, zh: zh.definitionZh },
      numerator: { en: numeratorEn || title, zh: zh.numeratorZh },
      denominator: { en: denominatorText || title, zh: zh.denominatorZh },
      perspective: 'internal',
      category: { en: 'CMS electronic clinical quality measures (eCQM)', zh: 'CMS 电子临床质量测量（eCQM）' },
      kind: 'quantitative',
      direction: row.direction === 'lower' ? 'lower' : row.direction === 'higher' ? 'higher' : 'monitor',
      unit: factor === 100 ? { en: '%', zh: '%' } : { en: 'per 1,000 patient days', zh: '每千住院日' },
      periodType: 'year',
      formula: { numerator: `${cms}_num`, denominator: `${cms}_den`, factor },
      scoring: null,
      dataElements: [
        {
          code: `${cms}_num`,
          name: { en: `${id.replace(/FHIR$/, '')} numerator`, zh: `${id.replace(/FHIR$/, '')} 分子` },
          valueType: 'integer',
        },
        {
          code: `${cms}_den`,
          name: { en: `${id.replace(/FHIR$/, '')} denominator`, zh: `${id.replace(/FHIR$/, '')} 分母` },
          valueType: 'integer',
        },
      ],
      reference: `CMS eCQM ${id} v${row.version}, ${row.url}`,
    };
  });
}

function write(name: string, constant: string, source: string, entries: LibraryEntry[]): void {
  for (const entry of entries) libraryEntrySchema.parse(entry);
  const body = [
    `/** Generated by scripts/build-indicator-library.ts from ${source}; do not edit by hand. */`,
    "import type { LibraryEntry } from '../library-entry.ts';",
    '',
    `export const ${constant}: readonly LibraryEntry[] = ${JSON.stringify(entries, null, 2)};`,
    '',
  ].join('\n');
  writeFileSync(join(out, name), body);
  console.log(`${name}: ${entries.length} entries`);
}

write(
  'cn-tertiary.ts',
  'CN_TERTIARY_ENTRIES',
  'cn_tertiary_public_hospital_appraisal_56_indicators.csv and scripts/indicator-library/cn-tertiary-translations.ts',
  chinaEntries(),
);
write(
  'seed-002.ts',
  'SEED_002_ENTRIES',
  'examples/az-hospital/scorecard.yaml (seed 002 Table 3.1)',
  seed002Entries(),
);
write(
  'ahrq-qi.ts',
  'AHRQ_QI_ENTRIES',
  'ahrq_qi_v2024_indicators.csv and scripts/indicator-library/ahrq-ecqm-translations.ts',
  ahrqEntries(),
);
write(
  'cms-ecqm.ts',
  'CMS_ECQM_ENTRIES',
  'fhir_ecqm_hospital_measures_summary.csv and scripts/indicator-library/ahrq-ecqm-translations.ts',
  ecqmEntries(),
);
