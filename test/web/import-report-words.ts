/**
 * What the imports end-to-end test needs to prove that a report reads in Chinese with no English left in it:
 * files whose report is full of row errors, notes and notices, the server's own report of a file (to compare
 * the page with, and to know the English it must not show), and the test for English words itself.
 */
import iconv from 'iconv-lite';
import { expect } from 'vitest';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../../src/core/contracts/accounts.ts';
import {
  type ImportKind,
  type ImportReportBody,
  importReportSchema,
} from '../../src/core/contracts/import.ts';
import { DEMO, type E2e } from './e2e-harness.ts';

/**
 * A HIS export in GB18030 (left to the server to detect) in which every row but one is wrong, each in its own
 * way: an unknown unit (by a Chinese name), a month 13, an unknown data element, a value that is no number, a
 * negative count, a fraction of a count, and a duplicate of the row before.
 */
export const BAD_CHINESE_CSV = [
  'org_unit,period,data_element,value,comment',
  '无此科室,2024-03,outpatient_visits,5,院内统计',
  'UMG-B1-INTM,2024-13,outpatient_visits,5,',
  'UMG-B1-INTM,2024-03,no_such_element,5,',
  'UMG-B1-INTM,2024-03,outpatient_visits,abc,门诊复核',
  'UMG-B1-INTM,2024-04,outpatient_visits,-5,',
  'UMG-B1-INTM,2024-05,outpatient_visits,5.5,',
  'UMG-B1-INTM,2024-03,outpatient_revenue,1800000,',
  'UMG-B1-INTM,2024-03,outpatient_revenue,1800000,重复',
  '',
].join('\r\n');

export const BAD_CHINESE_BYTES = iconv.encode(BAD_CHINESE_CSV, 'gb18030');

/**
 * A scorecard file in the older format @1: one-word units (which the conversion splits into English and
 * Chinese) and an owner who is a department rather than an e-mail address (moved to `ownerName`).
 */
export const SCORECARD_V1_YAML = `format: healthbsc/scorecard@1
code: E2E-V1
name: { en: Ward beds, zh: 病区床位 }
dataElements:
  - { code: e2e_bed_days_used, name: { en: Bed days used, zh: 实际占用床日 }, unit: bed days }
  - { code: e2e_bed_days_open, name: { en: Bed days open, zh: 实际开放床日 }, unit: bed days }
perspectives:
  - id: P
    name: { en: Internal process, zh: 内部流程 }
    indicators:
      - id: OCC
        name: { en: Bed occupancy, zh: 床位使用率 }
        formula: { numerator: e2e_bed_days_used, denominator: e2e_bed_days_open, factor: 100 }
        unit: '%'
        owner: Medical affairs department
weights: { perspectives: { manual: { P: 1 } }, indicators: { P: { manual: { OCC: 1 } } } }
`;

const WORD = /[A-Za-z]{3,}/g;

/**
 * The runs of three or more ASCII letters in `text` that none of `data` holds, ignoring case: English the page
 * should have translated. `data` is what a report shows as it is, in any language: the file's own codes and
 * values, its name, its format and encoding (`csv` shown as CSV), field names of the file format.
 *
 * @example englishWords('未知的机构“ICU” not found', ['icu']) // ['not', 'found']
 */
export function englishWords(text: string, data: readonly string[]): string[] {
  const allowed = new Set(data.flatMap((item) => item.match(WORD) ?? []).map((word) => word.toLowerCase()));
  return [...new Set(text.match(WORD) ?? [])].filter((word) => !allowed.has(word.toLowerCase()));
}

/** The server's own dry-run report of a file, uploaded as raw bytes by the admin, read with the contract. */
export async function dryRunOverHttp(
  e2e: E2e,
  file: { readonly name: string; readonly kind: ImportKind; readonly bytes: Uint8Array },
): Promise<ImportReportBody> {
  const { session, csrf } = await e2e.signIn(DEMO.admin);
  const query = new URLSearchParams({ dryRun: 'true', kind: file.kind, fileName: file.name });
  const response = await fetch(e2e.url(`/api/imports?${query}`), {
    method: 'POST',
    headers: {
      cookie: `${SESSION_COOKIE}=${session}; ${CSRF_COOKIE}=${csrf}`,
      [CSRF_HEADER]: csrf,
      'content-type': 'application/octet-stream',
    },
    body: file.bytes,
  });
  expect(response.status, `dry run of ${file.name}`).toBe(200);
  return importReportSchema.parse(await response.json());
}
