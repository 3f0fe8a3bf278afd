/** E-mail: its settings (`HEALTHBSC_SMTP_*`, server/config.ts) and the outbox (server/mail). */
import { defineMessages } from './define-messages.ts';

export const mailMessages = defineMessages('mail', {
  security: { en: 'must be one of starttls, tls, none', 'zh-CN': '须为 starttls、tls 或 none' },
  'from-address': {
    en: 'must be an e-mail address, optionally with a name: HealthBSC <bsc@hospital.example>',
    'zh-CN': '须为电子邮件地址，可带名称，如 HealthBSC <bsc@hospital.example>',
  },
  'from-required': {
    en: 'must be set when HEALTHBSC_SMTP_HOST is set',
    'zh-CN': '设置了 HEALTHBSC_SMTP_HOST 时必须设置',
  },
  'not-configured': {
    en: 'E-mail is not configured on this server (no HEALTHBSC_SMTP_HOST): nothing was sent',
    'zh-CN': '本服务器未配置电子邮件（未设置 HEALTHBSC_SMTP_HOST），未发送任何邮件',
  },
  'bad-recipient': {
    en: "'{{recipient}}' is not an e-mail address",
    'zh-CN': '“{{recipient}}”不是有效的电子邮件地址',
  },
});
