/**
 * The org-unit tree (every unit the user reads, `GET /api/org-units`), a searchable outline; choosing a unit
 * shows its details, and users who design (admin, strategist) may add a child or edit it. Names are rendered as
 * text, never as markup: a unit named `<script>…` shows those characters.
 */
import { Button, Descriptions, Input, Space, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../../core/contracts/org-units.ts';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { Panel } from '../../../components/panel.tsx';
import { useOrgUnits } from '../../../lib/api/org-units.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { buildUnitTree, type UnitTreeNode } from '../../../lib/org-unit-tree.ts';
import { UNIT_ROLE_KEYS, UNIT_TYPE_KEYS } from '../labels.ts';
import { filterUnitTree } from '../unit-tree-filter.ts';
import { OrgUnitForm, type OrgUnitFormTarget } from './org-unit-form.tsx';
import { OrgUnitGroupsPanel } from './org-unit-groups-panel.tsx';

interface AntTreeNode {
  key: string;
  title: string;
  children: AntTreeNode[];
}

function toAntTree(nodes: readonly UnitTreeNode[]): AntTreeNode[] {
  return nodes.map((node) => ({ key: node.value, title: node.title, children: toAntTree(node.children) }));
}

export function OrgUnitsTab({ canWrite }: { readonly canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const units = useOrgUnits();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [formTarget, setFormTarget] = useState<OrgUnitFormTarget | null>(null);

  const tree = useMemo(() => buildUnitTree(units.data ?? [], language), [units.data, language]);
  const filtered = useMemo(() => filterUnitTree(tree, search), [tree, search]);
  const unit: OrgUnit | undefined = units.data?.find((row) => row.code === selected);
  // Until the user opens or closes a node, show two levels (the group and its hospitals) or the search's hits.
  const expandedKeys =
    search.trim() !== '' ? filtered.expanded : (expanded ?? tree.flatMap((node) => [node.value]));

  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Panel
        title={t('admin.orgUnits.treeTitle')}
        testId="org-unit-panel"
        extra={
          canWrite ? (
            <Button
              data-testid="org-unit-add-top"
              onClick={() => setFormTarget({ kind: 'create', parent: null })}
            >
              {t('admin.orgUnits.addTop')}
            </Button>
          ) : null
        }
      >
        <LoadingPanel
          isLoading={units.isLoading}
          error={units.error}
          isEmpty={(units.data?.length ?? 0) === 0}
          emptyText={t('admin.orgUnits.empty')}
          onRetry={() => void units.refetch()}
        >
          <div
            style={{ display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))' }}
          >
            <div style={{ minWidth: 0 }}>
              <Input.Search
                allowClear
                aria-label={t('admin.orgUnits.search')}
                placeholder={t('admin.orgUnits.search')}
                value={search}
                onChange={(event) => setSearch(event.target.value)}
                style={{ marginBottom: 8 }}
                data-testid="org-unit-search"
              />
              <div data-testid="org-unit-tree" style={{ maxHeight: 520, overflow: 'auto' }}>
                <Tree<AntTreeNode>
                  treeData={toAntTree(filtered.nodes)}
                  expandedKeys={expandedKeys}
                  onExpand={(keys) => setExpanded(keys.map(String))}
                  selectedKeys={selected === null ? [] : [selected]}
                  onSelect={(keys) => setSelected(keys[0] === undefined ? null : String(keys[0]))}
                  titleRender={(node) => (
                    <span data-testid={`org-unit-node-${node.key}`}>
                      <span data-testid="org-unit-node-name">{node.title}</span>{' '}
                      <code style={{ fontSize: 12, opacity: 0.7 }}>{node.key}</code>
                    </span>
                  )}
                />
              </div>
            </div>
            <div data-testid="org-unit-details" style={{ minWidth: 0 }}>
              {unit === undefined ? (
                <p style={{ margin: 0 }}>{t('admin.orgUnits.chooseOne')}</p>
              ) : (
                <>
                  <Descriptions
                    column={1}
                    size="small"
                    bordered
                    items={[
                      { key: 'code', label: t('admin.orgUnits.code'), children: <code>{unit.code}</code> },
                      {
                        key: 'en',
                        label: t('admin.nameEn'),
                        children: <span data-testid="org-unit-detail-en">{unit.name.en}</span>,
                      },
                      {
                        key: 'zh',
                        label: t('admin.nameZh'),
                        children: <span data-testid="org-unit-detail-zh">{unit.name.zh ?? '—'}</span>,
                      },
                      {
                        key: 'type',
                        label: t('admin.orgUnits.type'),
                        children: t(UNIT_TYPE_KEYS[unit.type]),
                      },
                      {
                        key: 'role',
                        label: t('admin.orgUnits.role'),
                        children: t(UNIT_ROLE_KEYS[unit.role ?? 'none']),
                      },
                      { key: 'parent', label: t('admin.orgUnits.parent'), children: unit.parent ?? '—' },
                      { key: 'level', label: t('admin.orgUnits.level'), children: unit.level },
                      {
                        key: 'updated',
                        label: t('admin.orgUnits.updatedAt'),
                        children: formatDateTime(unit.updatedAt, language),
                      },
                    ]}
                  />
                  {canWrite ? (
                    <Space wrap style={{ marginTop: 12 }}>
                      <Button
                        type="primary"
                        data-testid="org-unit-add-child"
                        onClick={() => setFormTarget({ kind: 'create', parent: unit })}
                      >
                        {t('admin.orgUnits.addChild')}
                      </Button>
                      <Button
                        data-testid="org-unit-edit"
                        onClick={() => setFormTarget({ kind: 'edit', unit })}
                      >
                        {t('admin.edit')}
                      </Button>
                    </Space>
                  ) : null}
                </>
              )}
            </div>
          </div>
        </LoadingPanel>
      </Panel>
      <OrgUnitGroupsPanel canWrite={canWrite} />
      {formTarget === null ? null : (
        <OrgUnitForm
          target={formTarget}
          onClose={() => setFormTarget(null)}
          onSaved={(saved) => {
            setFormTarget(null);
            setSelected(saved.code);
            const parent = saved.parent;
            // Open the new unit's parent, so the unit just made is in sight.
            if (parent !== null) setExpanded((keys) => [...new Set([...(keys ?? expandedKeys), parent])]);
          }}
        />
      )}
    </div>
  );
}
