/** The server's configuration: `HEALTHBSC_*` variables and their flags (server/config.ts). */
import { defineMessages } from './define-messages.ts';

export const configMessages = defineMessages('config', {
  invalid: { en: 'Invalid configuration', 'zh-CN': '配置无效' },
  'whole-number': { en: 'must be a whole number', 'zh-CN': '须为整数' },
  'port-range': { en: 'must be 1–65535', 'zh-CN': '须在 1–65535 之间' },
  'not-empty': { en: 'must not be empty', 'zh-CN': '不能为空' },
  'postgres-url': {
    en: 'must be a postgres:// or postgresql:// URL',
    'zh-CN': '须为 postgres:// 或 postgresql:// 开头的地址',
  },
  'body-limit-minimum': { en: 'must be at least 1024 bytes', 'zh-CN': '不能小于 1024 字节' },
  'log-level': {
    en: 'must be one of fatal, error, warn, info, debug, trace, silent',
    'zh-CN': '须为以下之一：fatal、error、warn、info、debug、trace、silent',
  },
  mode: { en: 'must be one of demo, production', 'zh-CN': '须为 demo 或 production' },
  'time-zone': {
    en: 'must be an IANA time zone such as Asia/Shanghai or UTC',
    'zh-CN': '须为 IANA 时区名，如 Asia/Shanghai 或 UTC',
  },
  jobs: { en: 'must be one of on, off', 'zh-CN': '须为 on 或 off' },
  hour: { en: 'must be an hour of the day, 0–23', 'zh-CN': '须为一天中的小时数，0–23' },
  'trust-proxy': {
    en: 'must be true, false, a number of hops, or comma-separated addresses or CIDR ranges',
    'zh-CN': '须为 true、false、代理跳数，或以逗号分隔的地址或 CIDR 网段',
  },
});
