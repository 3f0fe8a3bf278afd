/** Sign-in with the hospital's accounts: OIDC and LDAP settings and sign-ins (server/sso). */
import { defineMessages } from './define-messages.ts';

export const ssoMessages = defineMessages('sso', {
  'public-url': {
    en: 'must be the address users open HealthBSC at, http:// or https://, without a path: https://bsc.hospital.example',
    'zh-CN':
      '须为用户访问 HealthBSC 的地址（http:// 或 https://，不含路径），如 https://bsc.hospital.example',
  },
  'public-url-required': {
    en: 'must be set when HEALTHBSC_OIDC_ISSUER is set (the provider sends users back to it)',
    'zh-CN': '设置了 HEALTHBSC_OIDC_ISSUER 时必须设置（身份提供方登录后将用户送回此地址）',
  },
  url: { en: 'must be a URL ({{schemes}})', 'zh-CN': '须为网址（{{schemes}}）' },
  'oidc-client-required': {
    en: 'HEALTHBSC_OIDC_CLIENT_ID and HEALTHBSC_OIDC_CLIENT_SECRET must be set with HEALTHBSC_OIDC_ISSUER',
    'zh-CN':
      '设置 HEALTHBSC_OIDC_ISSUER 时须同时设置 HEALTHBSC_OIDC_CLIENT_ID 和 HEALTHBSC_OIDC_CLIENT_SECRET',
  },
  'ldap-search-base-required': {
    en: 'must be set when HEALTHBSC_LDAP_URL is set (where the directory holds its users)',
    'zh-CN': '设置了 HEALTHBSC_LDAP_URL 时必须设置（目录中用户所在的位置）',
  },
  'ldap-attributes': {
    en: 'must be attribute names separated by commas: uid,mail',
    'zh-CN': '须为以逗号分隔的属性名，如 uid,mail',
  },
  'group-map-file': {
    en: 'the group mapping file {{file}} cannot be used: {{reason}}',
    'zh-CN': '用户组映射文件 {{file}} 无法使用：{{reason}}',
  },
  'group-map-entry': {
    en: 'entry {{index}} of the group mapping: {{reason}}',
    'zh-CN': '用户组映射第 {{index}} 项：{{reason}}',
  },
  'group-map-unit': {
    en: 'the group mapping names org unit {{unit}}, which does not exist',
    'zh-CN': '用户组映射中的机构 {{unit}} 不存在',
  },
  'oidc-off': {
    en: 'Sign-in through the identity provider is not configured on this server',
    'zh-CN': '本服务器未配置通过身份提供方登录',
  },
  'ldap-off': {
    en: 'Sign-in with a directory (LDAP) account is not configured on this server',
    'zh-CN': '本服务器未配置目录（LDAP）账号登录',
  },
  'oidc-state': {
    en: 'The sign-in could not be completed (it expired or was started in another browser): please sign in again',
    'zh-CN': '登录未能完成（已过期或在其他浏览器中发起），请重新登录',
  },
  'oidc-failed': {
    en: 'The identity provider refused the sign-in or could not be reached: {{reason}}',
    'zh-CN': '身份提供方拒绝了登录或无法连接：{{reason}}',
  },
  'no-email': {
    en: 'The account has no e-mail address at the {{provider}}; HealthBSC needs one to know who signs in',
    'zh-CN': '该账号在{{provider}}中没有电子邮件地址，HealthBSC 需要它来识别登录者',
  },
  'email-unverified': {
    en: 'The identity provider has not verified the e-mail address {{email}}',
    'zh-CN': '身份提供方尚未验证电子邮件地址 {{email}}',
  },
  'directory-unreachable': {
    en: 'The directory server could not be reached; try again later or ask the administrator',
    'zh-CN': '无法连接目录服务器，请稍后重试或联系管理员',
  },
  'account-disabled': {
    en: 'This account is disabled in HealthBSC; ask the administrator',
    'zh-CN': '该账号在 HealthBSC 中已停用，请联系管理员',
  },
});
