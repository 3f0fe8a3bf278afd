/** A user's role assignments as tags: "Data entry · Internal medicine", or "Admin · whole installation". */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Assignment, assignmentKey, assignmentLabel } from '../assignments.ts';
import { ROLE_KEYS } from '../labels.ts';

export function AssignmentTags({
  assignments,
  unitNames,
  onRemove,
}: {
  readonly assignments: readonly Assignment[];
  readonly unitNames: ReadonlyMap<string, string>;
  /** Given: each tag can be closed (the form's editor). */
  readonly onRemove?: (key: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <span data-testid="assignment-tags">
      {assignments.map((assignment) => {
        const label = assignmentLabel(assignment, unitNames);
        const key = assignmentKey(assignment);
        const text = t('admin.users.assignmentLabel', {
          role: t(ROLE_KEYS[label.role]),
          scope: label.unitName ?? t('admin.users.wholeInstallation'),
        });
        return (
          <Tag
            key={key}
            data-testid="assignment-tag"
            data-assignment={key}
            color={label.unitCode === null ? 'gold' : 'blue'}
            closable={onRemove !== undefined}
            onClose={() => onRemove?.(key)}
            closeIcon={
              onRemove === undefined ? undefined : (
                <span role="img" aria-label={t('admin.users.removeAssignment', { label: text })}>
                  ×
                </span>
              )
            }
            style={{ marginBottom: 4 }}
          >
            {text}
          </Tag>
        );
      })}
    </span>
  );
}
