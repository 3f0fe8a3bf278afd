/** An audit row's change as a compact diff: `path: old → new`, a few lines, the rest counted. */
import { theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { meaningfulDiffRows } from '../audit-diff.ts';

const SHOWN = 6;

export function AuditDiffView({
  oldValue,
  newValue,
}: {
  readonly oldValue: unknown;
  readonly newValue: unknown;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const rows = meaningfulDiffRows(oldValue, newValue);
  if (rows.length === 0) return <span>—</span>;
  return (
    <ul
      data-testid="audit-diff"
      style={{ margin: 0, padding: 0, listStyle: 'none', fontSize: 12, maxWidth: 420 }}
    >
      {rows.slice(0, SHOWN).map((row) => (
        <li key={row.path} data-testid="audit-diff-row" style={{ overflowWrap: 'anywhere' }}>
          {row.path === '' ? null : <code>{row.path}</code>}
          {row.path === '' ? null : ': '}
          {row.before === null ? null : <del style={{ color: token.colorError }}>{row.before}</del>}
          {row.before === null || row.after === null ? null : ' → '}
          {row.after === null ? null : (
            <ins style={{ color: token.colorSuccess, textDecoration: 'none' }}>{row.after}</ins>
          )}
        </li>
      ))}
      {rows.length > SHOWN ? <li>{t('admin.audit.moreChanges', { count: rows.length - SHOWN })}</li> : null}
    </ul>
  );
}
