/**
 * Escapes text for HTML: chart tooltips are HTML strings, and unit or indicator names come from users.
 * (OWASP XSS prevention, rule 1: encode &, <, >, ", ' before putting data into HTML.)
 *
 * @example escapeHtml('<b>A&B</b>') // '&lt;b&gt;A&amp;B&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
