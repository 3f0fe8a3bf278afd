/**
 * Wording an e-mail on the server, as the server words problems (core/errors/messages): a feature declares its
 * mail texts once, in both languages side by side, with i18next-style `{{name}}` placeholders, and words them in
 * the recipient's language. Parameters are type-checked against the English template.
 */
import {
  formatMessage,
  type MessageLang,
  type MessageParam,
  type TemplateParams,
  type Wording,
} from '../../core/errors/messages/define-messages.ts';

/** A feature's mail texts: key → wording in en and zh-CN. */
export type MailCatalog = Readonly<Record<string, Wording>>;

/** The parameters a text needs: one per placeholder of its English template. */
export type MailParams<T extends Wording> = { readonly [K in TemplateParams<T['en']>]: MessageParam };

/**
 * Declares a catalog, keeping its literal templates for type-checked parameters.
 *
 * @example
 * const REMINDER = defineMailTexts({ subject: { en: 'Reminder: {{title}}', 'zh-CN': '提醒：{{title}}' } });
 */
export function defineMailTexts<const C extends MailCatalog>(catalog: C): C {
  return catalog;
}

/**
 * One text of `catalog` in `lang`, its placeholders filled in.
 *
 * @example wordMail(REMINDER, 'subject', 'zh-CN', { title: '权重调查' }) // '提醒：权重调查'
 */
export function wordMail<C extends MailCatalog, K extends keyof C & string>(
  catalog: C,
  key: K,
  lang: MessageLang,
  params: MailParams<C[K]>,
): string {
  const wording: Wording = catalog[key] as Wording;
  return formatMessage(wording[lang], params);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for an HTML mail body (a name or title put into `html`).
 *
 * @example escapeHtml('A & <B>') // 'A &amp; &lt;B&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}
