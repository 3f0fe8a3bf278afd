/** Problems with a request as such: its form, its size, its route; and the server's own failures. */
import { defineMessages } from './define-messages.ts';

export const requestMessages = defineMessages('request', {
  'invalid-body': { en: 'The request body is not valid.', 'zh-CN': '请求内容无效。' },
  'invalid-query': { en: 'The query string is not valid.', 'zh-CN': '查询参数无效。' },
  'invalid-params': { en: 'The path parameters are not valid.', 'zh-CN': '路径参数无效。' },
  'invalid-headers': { en: 'The request headers are not valid.', 'zh-CN': '请求头无效。' },
  invalid: { en: 'The request is not valid.', 'zh-CN': '请求无效。' },
  'malformed-json': { en: 'The request body is not valid JSON.', 'zh-CN': '请求内容不是有效的 JSON。' },
  'empty-body': { en: 'The request needs a body.', 'zh-CN': '请求缺少内容。' },
  'too-large': { en: 'The request is too large.', 'zh-CN': '请求内容过大。' },
  'unsupported-media-type': {
    en: 'This content type is not accepted here.',
    'zh-CN': '此处不接受该内容类型。',
  },
  rejected: { en: 'The request was refused ({{status}}).', 'zh-CN': '请求被拒绝（{{status}}）。' },
  'no-route': { en: 'There is no route {{method}} {{path}}.', 'zh-CN': '没有路由 {{method}} {{path}}。' },
  internal: {
    en: 'Something went wrong on the server. Quote request id {{requestId}} when reporting it.',
    'zh-CN': '服务器出错。报告问题时请提供请求编号 {{requestId}}。',
  },
});
