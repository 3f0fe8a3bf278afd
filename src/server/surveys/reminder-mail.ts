/**
 * The reminder an expert receives by e-mail, in their language: the survey, how far they got, the deadline,
 * and their personal link (a new one: only a token's hash is kept, so the earlier link cannot be sent again
 * and is replaced; the answers stay with the expert).
 */
import { defineMailTexts, wordMail } from '../mail/mail-words.ts';

const REMINDER = defineMailTexts({
  subject: { en: 'Reminder: expert survey “{{title}}”', 'zh-CN': '提醒：专家问卷“{{title}}”' },
  greeting: { en: 'Dear {{expert}},', 'zh-CN': '{{expert}}，您好：' },
  body: {
    en: 'This is a reminder of the expert survey “{{title}}” ({{scorecard}}): you have answered {{answered}} of {{pairs}} comparisons so far. Your answers are kept; the link below takes you back to where you stopped.',
    'zh-CN':
      '特此提醒您填写专家问卷“{{title}}”（{{scorecard}}）：您已完成 {{answered}}/{{pairs}} 项比较。已填写的答案均已保存，点击下方链接即可从上次中断处继续。',
  },
  deadline: { en: 'Please answer by {{deadline}}.', 'zh-CN': '请于 {{deadline}} 前完成。' },
  link: {
    en: 'Your personal link (please do not forward it; it replaces any earlier link):',
    'zh-CN': '您的专属链接（请勿转发；此前的链接已失效）：',
  },
  thanks: { en: 'Thank you!', 'zh-CN': '感谢您的支持！' },
});

export interface ReminderFacts {
  readonly expert: string;
  readonly title: string;
  readonly scorecard: string;
  readonly answered: number;
  readonly pairs: number;
  /** `YYYY-MM-DD HH:mm` in the server's zone, or null without a deadline. */
  readonly deadline: string | null;
  /** The questionnaire's full address. */
  readonly link: string;
}

/** The reminder's subject and plain text in `language`. */
export function reminderMail(
  language: 'zh-CN' | 'en',
  facts: ReminderFacts,
): { readonly subject: string; readonly text: string } {
  const lines = [
    wordMail(REMINDER, 'greeting', language, { expert: facts.expert }),
    '',
    wordMail(REMINDER, 'body', language, {
      title: facts.title,
      scorecard: facts.scorecard,
      answered: facts.answered,
      pairs: facts.pairs,
    }),
    ...(facts.deadline === null
      ? []
      : [wordMail(REMINDER, 'deadline', language, { deadline: facts.deadline })]),
    '',
    wordMail(REMINDER, 'link', language, {}),
    facts.link,
    '',
    wordMail(REMINDER, 'thanks', language, {}),
  ];
  return { subject: wordMail(REMINDER, 'subject', language, { title: facts.title }), text: lines.join('\n') };
}
