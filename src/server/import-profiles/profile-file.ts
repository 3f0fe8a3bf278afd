/**
 * A mapping profile file (JSON, format healthbsc/profile@1; `healthbsc schema profile` prints its JSON Schema):
 * parsed and checked, defaults filled in. Used by the CLI (`--profile FILE`), the examples and the routes.
 */
import { type ImportProfile, importProfileSchema } from '../../core/contracts/import-profiles.ts';
import { invalid, issue } from '../../core/errors/problem.ts';

/**
 * Parses a profile file's text; throws `invalid('import-profile.not-a-profile')` naming each wrong field.
 *
 * @example parseProfileFile('{"format":"healthbsc/profile@1","code":"x","unit":{"column":"id"},"orgTree":{}}').unit.match // 'code'
 */
export function parseProfileFile(text: string): ImportProfile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw invalid('import-profile.not-a-profile', { detail }, [
      issue('import-profile.not-a-profile', { detail }),
    ]);
  }
  const parsed = importProfileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) =>
    issue(
      'import-profile.not-a-profile',
      { detail: i.message },
      i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    ),
  );
  throw invalid('import-profile.not-a-profile', { detail: parsed.error.issues[0]?.message ?? '' }, issues);
}
