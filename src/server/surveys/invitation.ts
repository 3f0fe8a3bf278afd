/**
 * The invitation an expert receives with their link, in the survey's language, and the link's QR code. The
 * text keeps `{link}` where the full address goes when the client knows its origin; the QR code encodes the
 * full address the server was reached at.
 */
import QRCode from 'qrcode';
import type { SurveyLanguage } from '../../core/contracts/surveys.ts';

export interface InvitationFacts {
  readonly expert: string;
  readonly title: string;
  readonly scorecard: string;
  /** The link's last day, `YYYY-MM-DD`. */
  readonly until: string;
  readonly pairs: number;
}

/** The subject and text of an invitation; `{link}` marks the address. */
export function invitationText(
  language: SurveyLanguage,
  f: InvitationFacts,
): { subject: string; text: string } {
  if (language === 'zh-CN') {
    return {
      subject: `专家问卷邀请：${f.title}`,
      text: [
        `${f.expert}，您好：`,
        '',
        `诚邀您参加“${f.title}”（${f.scorecard}）的指标权重专家咨询。问卷采用两两比较（层次分析法），共 ${f.pairs} 项比较，手机或电脑均可填写；答案随填随存，可随时中断后继续。`,
        '',
        '请打开您的专属链接（请勿转发）：',
        '{link}',
        '',
        `链接有效期至 ${f.until}。感谢您的支持！`,
      ].join('\n'),
    };
  }
  return {
    subject: `Expert survey: ${f.title}`,
    text: [
      `Dear ${f.expert},`,
      '',
      `You are invited to weigh the indicators of "${f.title}" (${f.scorecard}) by pairwise comparison (the Analytic Hierarchy Process): ${f.pairs} comparisons, on a phone or a computer. Your answers are saved as you go, so you can stop and come back.`,
      '',
      'Your personal link (please do not forward it):',
      '{link}',
      '',
      `The link works until ${f.until}. Thank you!`,
    ].join('\n'),
  };
}

/** A QR code of `address` as an SVG document and as a data URL. */
export async function qrCodeOf(address: string): Promise<{ svg: string; dataUrl: string }> {
  const svg = await QRCode.toString(address, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { svg, dataUrl: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}` };
}
