/**
 * Editing a user's role assignments: choose a role and a scope (an org unit's subtree, or the whole
 * installation), add it; each assignment is a tag that can be removed. The server checks that the units exist.
 */
import { Button, Select, Space, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../core/access/principal.ts';
import { useOrgUnits } from '../../../lib/api/org-units.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { buildUnitTree, type UnitTreeNode } from '../../../lib/org-unit-tree.ts';
import { type Assignment, addAssignment, removeAssignment } from '../assignments.ts';
import { ROLE_KEYS } from '../labels.ts';
import { AssignmentTags } from './assignment-tags.tsx';

/** The scope picker's value for the whole installation (not a unit code: codes hold only letters, digits, _ . -). */
const EVERYWHERE = '*';

interface PickerNode {
  value: string;
  title: string;
  children: PickerNode[];
}

function toPicker(nodes: readonly UnitTreeNode[]): PickerNode[] {
  return nodes.map((node) => ({
    value: node.value,
    title: `${node.title} (${node.value})`,
    children: toPicker(node.children),
  }));
}

export function AssignmentEditor({
  value = [],
  onChange,
  unitNames,
}: {
  readonly value?: Assignment[];
  readonly onChange?: (next: Assignment[]) => void;
  readonly unitNames: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const units = useOrgUnits();
  const [role, setRole] = useState<Role>('viewer');
  const [scope, setScope] = useState<string | undefined>(undefined);
  const treeData = useMemo(
    () => [
      { value: EVERYWHERE, title: t('admin.users.wholeInstallation'), children: [] },
      ...toPicker(buildUnitTree(units.data ?? [], language)),
    ],
    [units.data, language, t],
  );

  return (
    <div>
      <AssignmentTags
        assignments={value}
        unitNames={unitNames}
        onRemove={(key) => onChange?.(removeAssignment(value, key))}
      />
      <Space wrap style={{ marginTop: 4 }}>
        <Select<Role>
          aria-label={t('admin.users.role')}
          data-testid="assignment-role"
          value={role}
          onChange={setRole}
          style={{ width: 160 }}
          options={ROLES.map((item) => ({ value: item, label: t(ROLE_KEYS[item]) }))}
        />
        <TreeSelect
          aria-label={t('admin.users.scope')}
          data-testid="assignment-scope"
          value={scope}
          onChange={(next: string) => setScope(next)}
          placeholder={t('admin.users.scope')}
          style={{ width: 240 }}
          popupMatchSelectWidth={false}
          treeData={treeData}
          showSearch
          treeNodeFilterProp="title"
          treeDefaultExpandAll={(units.data?.length ?? 0) <= 60}
        />
        <Button
          data-testid="assignment-add"
          disabled={scope === undefined}
          onClick={() => {
            if (scope === undefined) return;
            onChange?.(addAssignment(value, { role, orgUnit: scope === EVERYWHERE ? null : scope }));
            setScope(undefined);
          }}
        >
          {t('admin.users.addAssignment')}
        </Button>
      </Space>
    </div>
  );
}
