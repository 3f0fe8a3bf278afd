import { describe, expect, it } from 'vitest';
import { invitationText, linkAddress } from './invitation.ts';

describe('an expert’s invitation', () => {
  it('joins the origin and the questionnaire path with one slash', () => {
    expect(linkAddress('https://bsc.example.org/', '/survey/abc')).toBe('https://bsc.example.org/survey/abc');
  });

  it('puts the address wherever the text says {link}', () => {
    expect(invitationText('请打开 {link} 作答。{link}', 'https://x/survey/t')).toBe(
      '请打开 https://x/survey/t 作答。https://x/survey/t',
    );
  });

  it('appends the address to a text without {link}', () => {
    expect(invitationText('Please answer.', 'https://x/survey/t')).toBe('Please answer.\nhttps://x/survey/t');
  });
});
