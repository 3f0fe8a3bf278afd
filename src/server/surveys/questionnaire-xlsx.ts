/**
 * The paper questionnaire as XLSX, in seed 002's appendix layout (002_db9e4dc6af8d1a80.txt, Appendix 1–7): one
 * sheet per node with the scale's meanings and the node's judgment matrix, the diagonal 1, the expert writing
 * a_ij above it (a number such as 3, or a fraction such as 1/3). A hidden sheet names the survey, the expert
 * and, per node, its sheet and the matrix's first row, so the filled-in file is read back exactly.
 */
import ExcelJS from 'exceljs';
import type { ScaleMeaning, SurveyLanguage, SurveyNode } from '../../core/contracts/surveys.ts';
import type { ProblemIssue } from '../../core/errors/problem.ts';
import { issue } from '../../core/errors/problem.ts';
import { isJudgmentOnScale, type NodeValues, scaleMax } from '../../core/surveys/index.ts';

const META_SHEET = '_healthbsc';

export interface QuestionnaireFacts {
  readonly surveyId: number;
  readonly expertId: number;
  readonly title: string;
  readonly expert: string;
  readonly scale: 'saaty' | 'five-point';
  readonly meanings: readonly ScaleMeaning[];
  readonly nodes: readonly SurveyNode[];
  /** The expert's answers so far, per node key. */
  readonly answers: ReadonlyMap<string, NodeValues>;
}

type Text = { readonly en: string; readonly zh?: string | undefined };
const say = (text: Text, language: SurveyLanguage) => (language === 'zh-CN' ? (text.zh ?? text.en) : text.en);

const WORDS = {
  expert: { en: 'Expert', zh: '专家' },
  instructions: {
    en: 'For each cell above the diagonal, how much more important is the row than the column? Write a value of the scale (or its reciprocal, such as 1/3, when the column is the more important).',
    zh: '请在对角线右上方的每个单元格中填写：行指标相对于列指标的重要程度。请使用下列标度值；若列指标更重要，请填写其倒数（如 1/3）。',
  },
  scale: { en: 'Scale', zh: '标度' },
} as const;

/** A sheet name: the node's position and title, at most 31 characters, without the characters Excel forbids. */
function sheetName(position: number, title: string): string {
  return `${position + 1} ${title}`.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
}

function formatJudgment(value: number): string | number {
  if (value >= 1) return Number(value.toFixed(6));
  const inverse = 1 / value;
  return Math.abs(inverse - Math.round(inverse)) < 1e-9
    ? `1/${Math.round(inverse)}`
    : Number(value.toFixed(6));
}

/** The questionnaire of one expert as an XLSX workbook (their answers so far filled in). */
export async function writeQuestionnaireXlsx(
  facts: QuestionnaireFacts,
  language: SurveyLanguage,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRow(['survey', facts.surveyId]);
  meta.addRow(['expert', facts.expertId]);
  for (const [position, node] of facts.nodes.entries()) {
    const sheet = workbook.addWorksheet(sheetName(position, say(node.title, language)));
    sheet.addRow([facts.title]).font = { bold: true, size: 14 };
    sheet.addRow([`${say(WORDS.expert, language)}: ${facts.expert}`]);
    sheet.addRow([say(node.title, language)]).font = { bold: true };
    sheet.addRow([say(WORDS.instructions, language)]);
    sheet.addRow([say(WORDS.scale, language)]);
    for (const m of facts.meanings) sheet.addRow([m.value, say(m.meaning, language)]);
    sheet.addRow([]);
    const header = sheet.addRow(['', ...node.elements.map((e) => say(e.name, language))]);
    header.font = { bold: true };
    const first = header.number + 1;
    const values = facts.answers.get(node.key) ?? [];
    node.elements.forEach((element, i) => {
      const row = sheet.getRow(first + i);
      row.getCell(1).value = say(element.name, language);
      row.getCell(1).font = { bold: true };
      node.elements.forEach((_, j) => {
        const cell = row.getCell(2 + j);
        if (i === j) cell.value = 1;
        else if (j < i) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE0E0E0' } };
        else {
          const k = node.pairs.findIndex((p) => p.i === i && p.j === j);
          const value = values[k];
          if (value !== null && value !== undefined) cell.value = formatJudgment(value);
        }
      });
    });
    sheet.getColumn(1).width = 28;
    meta.addRow(['node', node.key, sheet.name, first]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface ReadQuestionnaire {
  readonly surveyId: number;
  readonly expertId: number;
  /** Per node key, the judgments read (null: left empty), aligned with the node's pairs. */
  readonly answers: Map<string, (number | null)[]>;
  readonly errors: ProblemIssue[];
}

function cellText(value: ExcelJS.CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'object' && 'result' in value) {
    const result = value.result;
    return typeof result === 'number' || typeof result === 'string' ? result : null;
  }
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return null;
}

/** `3`, `"3"`, `"1/3"`, `"1.5"` → the number; anything else → NaN; empty → null. */
export function parseJudgment(value: string | number | null): number | null {
  if (value === null) return null;
  if (typeof value === 'number') return value;
  const text = value.trim();
  if (text === '') return null;
  const match = /^(\d+(?:\.\d+)?)(?:\s*\/\s*(\d+(?:\.\d+)?))?$/.exec(text);
  if (match === null) return Number.NaN;
  const numerator = Number(match[1]);
  return match[2] === undefined ? numerator : numerator / Number(match[2]);
}

/**
 * Reads a filled-in questionnaire, checked whole: every problem at its sheet and row (`[sheet, row]`), coded
 * (survey.file-unreadable, survey.sheet-missing, survey.cell-not-judgment, survey.cell-off-scale).
 */
export async function readQuestionnaireXlsx(
  bytes: Uint8Array,
  nodes: readonly SurveyNode[],
  scale: 'saaty' | 'five-point',
): Promise<ReadQuestionnaire> {
  const workbook = new ExcelJS.Workbook();
  const errors: ProblemIssue[] = [];
  const answers = new Map<string, (number | null)[]>();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    return { surveyId: 0, expertId: 0, answers, errors: [issue('survey.file-unreadable', {}, ['file'])] };
  }
  const meta = workbook.getWorksheet(META_SHEET);
  if (meta === undefined) {
    return { surveyId: 0, expertId: 0, answers, errors: [issue('survey.file-unreadable', {}, ['file'])] };
  }
  const surveyId = Number(cellText(meta.getRow(1).getCell(2).value));
  const expertId = Number(cellText(meta.getRow(2).getCell(2).value));
  const placed = new Map<string, { sheet: string; first: number }>();
  meta.eachRow((row) => {
    if (cellText(row.getCell(1).value) !== 'node') return;
    placed.set(String(cellText(row.getCell(2).value)), {
      sheet: String(cellText(row.getCell(3).value)),
      first: Number(cellText(row.getCell(4).value)),
    });
  });
  const max = scaleMax(scale);
  for (const node of nodes) {
    const where = placed.get(node.key);
    const sheet = where === undefined ? undefined : workbook.getWorksheet(where.sheet);
    if (where === undefined || sheet === undefined) {
      errors.push(issue('survey.sheet-missing', { node: node.key }, [node.key]));
      continue;
    }
    const values = node.pairs.map(({ i, j }) => {
      const rowNumber = where.first + i;
      const raw = cellText(sheet.getRow(rowNumber).getCell(2 + j).value);
      const value = parseJudgment(raw);
      if (value !== null && Number.isNaN(value)) {
        errors.push(
          issue('survey.cell-not-judgment', { sheet: sheet.name, row: rowNumber, value: String(raw) }, [
            sheet.name,
            rowNumber,
          ]),
        );
        return null;
      }
      if (value !== null && !isJudgmentOnScale(value, scale)) {
        errors.push(
          issue('survey.cell-off-scale', { sheet: sheet.name, row: rowNumber, value, max }, [
            sheet.name,
            rowNumber,
          ]),
        );
        return null;
      }
      return value;
    });
    answers.set(node.key, values);
  }
  return { surveyId, expertId, answers, errors };
}
