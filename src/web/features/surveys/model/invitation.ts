/**
 * An expert's invitation as the strategist copies or prints it: the server words it (in the survey's language)
 * with `{link}` where the address goes, and gives the questionnaire's path; the page knows its own origin.
 */

/**
 * The full address of a questionnaire path.
 *
 * @example linkAddress('https://bsc.example.org/', '/survey/abc') // 'https://bsc.example.org/survey/abc'
 */
export function linkAddress(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * The invitation with its address in place of every `{link}` (appended when the text has none).
 *
 * @example invitationText('Please answer: {link}', 'https://x/survey/abc') // 'Please answer: https://x/survey/abc'
 */
export function invitationText(template: string, address: string): string {
  return template.includes('{link}') ? template.split('{link}').join(address) : `${template}\n${address}`;
}
