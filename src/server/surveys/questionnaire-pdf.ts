/**
 * The paper questionnaire as a printable PDF (pdfmake with the CJK font of the report stack, STACK.md): per node
 * its title and the node's judgment matrix as in seed 002's appendix, the diagonal 1 and the cells above it to
 * fill in (answers given so far printed), after the instructions and the scale's meanings.
 */
import type { SurveyLanguage } from '../../core/contracts/surveys.ts';
import { type Content, PDF_DEFAULT_STYLE, renderPdf } from '../reports/pdf/pdfmake.ts';
import type { QuestionnaireFacts } from './questionnaire-xlsx.ts';

type Text = { readonly en: string; readonly zh?: string | undefined };
const say = (text: Text, language: SurveyLanguage) => (language === 'zh-CN' ? (text.zh ?? text.en) : text.en);

const WORDS = {
  expert: { en: 'Expert', zh: '专家' },
  instructions: {
    en: 'In each empty cell above the diagonal write how much more important the row is than the column, as a value of the scale below (its reciprocal, such as 1/3, when the column is the more important).',
    zh: '请在对角线右上方的每个空格中填写行指标相对于列指标的重要程度（标度见下表）；若列指标更重要，请填写其倒数（如 1/3）。',
  },
  value: { en: 'Value', zh: '标度' },
  meaning: { en: 'Meaning', zh: '含义' },
} as const;

function judgmentText(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (value >= 1) return String(Number(value.toFixed(4)));
  const inverse = 1 / value;
  return Math.abs(inverse - Math.round(inverse)) < 1e-9
    ? `1/${Math.round(inverse)}`
    : String(Number(value.toFixed(4)));
}

/** The questionnaire of one expert as a PDF. */
export async function writeQuestionnairePdf(
  facts: QuestionnaireFacts,
  language: SurveyLanguage,
): Promise<Buffer> {
  const nodes: Content[] = facts.nodes.flatMap((node): Content[] => {
    const values = facts.answers.get(node.key) ?? [];
    const header = ['', ...node.elements.map((e) => say(e.name, language))];
    const rows = node.elements.map((element, i) => [
      say(element.name, language),
      ...node.elements.map((_, j) => {
        if (i === j) return '1';
        if (j < i) return { text: '', fillColor: '#e0e0e0' };
        return judgmentText(values[node.pairs.findIndex((p) => p.i === i && p.j === j)]);
      }),
    ]);
    return [
      { text: say(node.title, language), bold: true, margin: [0, 12, 0, 4] },
      { table: { headerRows: 1, body: [header, ...rows] }, fontSize: 8 },
    ];
  });
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    defaultStyle: PDF_DEFAULT_STYLE,
    info: { title: facts.title },
    content: [
      { text: facts.title, fontSize: 16, bold: true },
      { text: `${say(WORDS.expert, language)}: ${facts.expert}`, margin: [0, 4, 0, 8] },
      { text: say(WORDS.instructions, language), margin: [0, 0, 0, 6] },
      {
        table: {
          headerRows: 1,
          body: [
            [say(WORDS.value, language), say(WORDS.meaning, language)],
            ...facts.meanings.map((m) => [String(m.value), say(m.meaning, language)]),
          ],
        },
      },
      ...nodes,
    ],
  });
}
