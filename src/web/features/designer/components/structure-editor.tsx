/**
 * The structure tab: the tree of perspectives → objectives → indicators with add/remove buttons, and the edit
 * panel of the selected node (with the targets of a saved indicator).
 */
import { Alert, Button, Col, Empty, Row, Space, Tree } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataElement } from '../../../../core/contracts/data-elements.ts';
import type { ScorecardFile } from '../../../../core/scorecard/scorecard-schema.ts';
import { Panel } from '../../../components/panel.tsx';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import {
  addIndicator,
  addObjective,
  addPerspective,
  allIndicatorIds,
  findIndicator,
  newIndicator,
  removeIndicator,
  removeObjective,
  removePerspective,
  uniqueId,
  updateIndicator,
  updateObjective,
  updatePerspective,
} from '../model/scorecard-edits.ts';
import {
  buildDesignerTree,
  type DesignerSelection,
  type DesignerTreeNode,
  selectionKey,
  selectionOf,
} from '../model/tree-nodes.ts';
import { IndicatorEditor } from './indicator-editor.tsx';
import { EDITING_LABELS } from './labels.ts';
import { ObjectiveEditor, PerspectiveEditor, ScorecardSettingsEditor } from './node-editors.tsx';
import { SaveToLibrary } from './save-to-library.tsx';
import { TargetsPanel } from './targets-panel.tsx';

/** A node as antd's Tree takes it. */
interface TreeItem {
  readonly key: string;
  readonly title: string;
  readonly children: TreeItem[];
}

export interface StructureEditorProps {
  readonly draft: ScorecardFile;
  readonly onChange: (file: ScorecardFile) => void;
  readonly selection: DesignerSelection;
  readonly onSelect: (selection: DesignerSelection) => void;
  readonly catalog: readonly DataElement[];
  /** Indicators of the saved version: only those can have targets yet. */
  readonly savedIndicatorIds: ReadonlySet<string>;
}

/** The perspective a selection lies in (null for the scorecard node). */
function perspectiveOf(file: ScorecardFile, selection: DesignerSelection): string | null {
  switch (selection.type) {
    case 'perspective':
      return selection.id;
    case 'objective':
      return selection.perspectiveId;
    case 'indicator':
      return findIndicator(file, selection.id)?.perspective.id ?? null;
    default:
      return null;
  }
}

export function StructureEditor({
  draft,
  onChange,
  selection,
  onSelect,
  catalog,
  savedIndicatorIds,
}: StructureEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const known = useMemo(
    () => [...new Set([...draft.dataElements.map((d) => d.code), ...catalog.map((d) => d.code)])].sort(),
    [draft.dataElements, catalog],
  );
  const treeData = useMemo(() => {
    const toData = (node: DesignerTreeNode): TreeItem => ({
      key: node.key,
      title: `${node.code} · ${localize(node.name, language)}`,
      children: node.children.map(toData),
    });
    return buildDesignerTree(draft).map(toData);
  }, [draft, language]);
  const allKeys = useMemo(() => {
    const keys: string[] = [];
    const walk = (nodes: readonly TreeItem[]) => {
      for (const node of nodes) {
        keys.push(node.key);
        walk(node.children);
      }
    };
    walk(treeData);
    return keys;
  }, [treeData]);

  // Every node starts open; the ones the user folds are remembered (new nodes then show up open).
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const expandedKeys = allKeys.filter((key) => !collapsed.has(key));
  const perspectiveId = perspectiveOf(draft, selection);
  const perspective = draft.perspectives.find((p) => p.id === perspectiveId);

  const addPerspectiveAction = () => {
    const id = uniqueId(
      'P',
      draft.perspectives.map((p) => p.id),
    );
    const indicatorId = uniqueId('new_indicator', allIndicatorIds(draft));
    onChange(addPerspective(draft, id, id, indicatorId));
    onSelect({ type: 'perspective', id });
  };
  const addObjectiveAction = () => {
    if (!perspective) return;
    const id = uniqueId(
      'objective',
      perspective.objectives.map((o) => o.id),
    );
    onChange(addObjective(draft, perspective.id, { id, name: { en: id } }));
    onSelect({ type: 'objective', perspectiveId: perspective.id, id });
  };
  const addIndicatorAction = () => {
    if (!perspective) return;
    const id = uniqueId('new_indicator', allIndicatorIds(draft));
    const indicator = newIndicator(id, id);
    onChange(
      addIndicator(
        draft,
        perspective.id,
        selection.type === 'objective' ? { ...indicator, objective: selection.id } : indicator,
      ),
    );
    onSelect({ type: 'indicator', id });
  };
  const removeAction = () => {
    if (selection.type === 'perspective') onChange(removePerspective(draft, selection.id));
    else if (selection.type === 'objective')
      onChange(removeObjective(draft, selection.perspectiveId, selection.id));
    else if (selection.type === 'indicator') onChange(removeIndicator(draft, selection.id));
    onSelect(
      perspectiveId !== null && selection.type !== 'perspective'
        ? { type: 'perspective', id: perspectiveId }
        : { type: 'scorecard' },
    );
  };

  const found = selection.type === 'indicator' ? findIndicator(draft, selection.id) : null;
  const objective =
    selection.type === 'objective' ? perspective?.objectives.find((o) => o.id === selection.id) : undefined;

  let editor: ReactNode;
  if (selection.type === 'scorecard') {
    editor = <ScorecardSettingsEditor file={draft} onChange={onChange} />;
  } else if (selection.type === 'perspective' && perspective) {
    editor = (
      <PerspectiveEditor
        perspective={perspective}
        onChange={(fields) => {
          onChange(updatePerspective(draft, perspective.id, fields));
          if (fields.id !== perspective.id) onSelect({ type: 'perspective', id: fields.id });
        }}
      />
    );
  } else if (selection.type === 'objective' && perspective && objective) {
    editor = (
      <ObjectiveEditor
        objective={objective}
        onChange={(next) => {
          onChange(updateObjective(draft, perspective.id, objective.id, next));
          if (next.id !== objective.id)
            onSelect({ type: 'objective', perspectiveId: perspective.id, id: next.id });
        }}
      />
    );
  } else if (found) {
    const set = draft.weights.indicators[found.perspective.id];
    const unweighted = set !== undefined && 'manual' in set && (set.manual[found.indicator.id] ?? 0) === 0;
    editor = (
      <>
        {unweighted ? (
          <Alert
            type="info"
            showIcon
            data-testid="zero-weight-note"
            title={t('designer.structure.zeroWeight')}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <SaveToLibrary
          key={found.indicator.id}
          indicator={found.indicator}
          perspective={found.perspective}
          known={[...draft.dataElements, ...catalog]}
        />
        <IndicatorEditor
          indicator={found.indicator}
          perspective={found.perspective}
          known={known}
          catalog={catalog}
          {...(draft.scoring.status === undefined ? {} : { schemeStatus: draft.scoring.status })}
          onChange={(indicator) => {
            onChange(updateIndicator(draft, found.indicator.id, indicator));
            if (indicator.id !== found.indicator.id) onSelect({ type: 'indicator', id: indicator.id });
          }}
        />
        <TargetsPanel
          scorecard={draft.code}
          indicator={found.indicator.id}
          saved={savedIndicatorIds.has(found.indicator.id)}
        />
      </>
    );
  } else {
    editor = <Empty description={t('designer.structure.nothingSelected')} />;
  }

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Panel title={t('designer.structure.tree')} headingId="designer-tree-title">
          <Space wrap size={4} style={{ marginBottom: 8 }}>
            <Button size="small" data-testid="add-perspective" onClick={addPerspectiveAction}>
              {t('designer.actions.addPerspective')}
            </Button>
            <Button
              size="small"
              data-testid="add-objective"
              disabled={!perspective}
              onClick={addObjectiveAction}
            >
              {t('designer.actions.addObjective')}
            </Button>
            <Button
              size="small"
              data-testid="add-indicator"
              disabled={!perspective}
              onClick={addIndicatorAction}
            >
              {t('designer.actions.addIndicator')}
            </Button>
            <Button
              size="small"
              danger
              data-testid="remove-node"
              disabled={selection.type === 'scorecard'}
              onClick={removeAction}
            >
              {t('designer.actions.removeSelected')}
            </Button>
          </Space>
          <Tree
            data-testid="designer-tree"
            aria-label={t('designer.structure.tree')}
            treeData={treeData}
            expandedKeys={expandedKeys}
            onExpand={(keys) => {
              const open = new Set(keys.map(String));
              setCollapsed(new Set(allKeys.filter((key) => !open.has(key))));
            }}
            selectedKeys={[selectionKey(selection)]}
            onSelect={(keys) => {
              const key = keys[0];
              if (key !== undefined) onSelect(selectionOf(String(key)));
            }}
            titleRender={(node) => (
              <span data-testid="tree-node" data-key={String(node.key)}>
                {String(node.title)}
              </span>
            )}
          />
        </Panel>
      </Col>
      <Col xs={24} lg={16}>
        <Panel
          title={t(EDITING_LABELS[selection.type])}
          headingId="designer-editor-title"
          testId="node-editor"
        >
          {editor}
        </Panel>
      </Col>
    </Row>
  );
}
