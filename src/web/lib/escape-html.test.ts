import { expect, test } from 'vitest';
import { escapeHtml } from './escape-html.ts';

// The five characters OWASP's XSS prevention cheat sheet (rule 1) requires encoding in HTML content.
test.each([
  { text: '<script>alert(1)</script>', expected: '&lt;script&gt;alert(1)&lt;/script&gt;' },
  { text: 'A&B "quoted" \'single\'', expected: 'A&amp;B &quot;quoted&quot; &#39;single&#39;' },
  { text: '云湖市医疗集团总院', expected: '云湖市医疗集团总院' },
  { text: '&amp;', expected: '&amp;amp;' },
])('escapes $text', ({ text, expected }) => {
  expect(escapeHtml(text)).toBe(expected);
});
