/**
 * The scorecard designer (issue 5), for the performance office: choose or create a scorecard, edit its tree
 * (perspectives → objectives → indicators, formulas checked as they are typed), save it as a new structure
 * version, set manual weights as a new weight version, copy it for a department, and keep each indicator's
 * targets. The file is checked in the browser with the server's own compiler before it is sent.
 */
import { Alert, Button, Col, Input, Row, Select, Space, Tabs, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportScorecardResult } from '../../../core/contracts/scorecards.ts';
import type { ScorecardFile } from '../../../core/scorecard/scorecard-schema.ts';
import { LoadingPanel } from '../../components/loading-panel.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { problemDetail } from '../../components/problem-words.ts';
import { isApiError } from '../../lib/api/api-error.ts';
import { useDataElements } from '../../lib/api/data-elements.ts';
import { useSaveScorecard, useScorecard, useScorecards } from '../../lib/api/scorecards.ts';
import { localize } from '../../lib/i18n/languages.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { useSelection } from '../../lib/use-selection.ts';
import { IssuesList } from './components/issues-list.tsx';
import { LibraryPicker } from './components/library-picker.tsx';
import { CopyScorecardModal, NewScorecardModal } from './components/scorecard-modals.tsx';
import { StructureEditor } from './components/structure-editor.tsx';
import { VersionsList } from './components/versions-list.tsx';
import { WeightsEditor } from './components/weights-editor.tsx';
import { allIndicatorIds, sameFile, validateFile, withReferencedElements } from './model/scorecard-edits.ts';
import type { DesignerSelection } from './model/tree-nodes.ts';

type Tab = 'structure' | 'weights' | 'versions';

export function DesignerPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { selection: urlSelection, update } = useSelection();
  const code = urlSelection.scorecard ?? null;
  const scorecards = useScorecards();
  const detail = useScorecard(code);
  const catalog = useDataElements();
  const save = useSaveScorecard();
  // Drafts by scorecard, so switching scorecards in the header does not lose unsaved work.
  const [drafts, setDrafts] = useState<Readonly<Record<string, ScorecardFile>>>({});
  const [selected, setSelected] = useState<DesignerSelection>({ type: 'scorecard' });
  const [tab, setTab] = useState<Tab>('structure');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<ImportScorecardResult | null>(null);
  const [modal, setModal] = useState<'new' | 'copy' | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [fromLibrary, setFromLibrary] = useState<string | null>(null);

  const savedFile = detail.data?.file;
  const draft = code === null ? undefined : (drafts[code] ?? savedFile);
  const dirty = draft !== undefined && savedFile !== undefined && !sameFile(draft, savedFile);
  const prepared = useMemo(
    () => (draft === undefined ? undefined : withReferencedElements(draft, catalog.data ?? [])),
    [draft, catalog.data],
  );
  const validation = useMemo(() => (prepared === undefined ? null : validateFile(prepared)), [prepared]);
  const savedIds = useMemo(
    () => new Set(savedFile === undefined ? [] : allIndicatorIds(savedFile)),
    [savedFile],
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const setDraft = (file: ScorecardFile) => {
    if (code === null) return;
    setSaved(null);
    setDrafts((all) => ({ ...all, [code]: file }));
  };
  const discard = () => {
    if (code === null) return;
    setDrafts(({ [code]: _dropped, ...rest }) => rest);
    setSelected({ type: 'scorecard' });
    save.reset();
  };
  const choose = (next: string) => {
    update({ scorecard: next });
    setSelected({ type: 'scorecard' });
    setSaved(null);
    save.reset();
  };
  const onSave = () => {
    if (prepared === undefined || code === null || !validation?.ok) return;
    save.mutate(
      { file: prepared, note },
      {
        onSuccess: async (result) => {
          setSaved(result);
          setNote('');
          await detail.refetch();
          setDrafts(({ [code]: _dropped, ...rest }) => rest);
        },
      },
    );
  };

  const serverIssues = isApiError(save.error) ? save.error.problem.issues : [];

  return (
    <section aria-labelledby="designer-title" data-testid="designer-page">
      <PageHeading id="designer-title" title={t('designer.title')} selection={null} />
      <LoadingPanel
        isLoading={scorecards.isPending}
        error={scorecards.error}
        isEmpty={scorecards.data?.length === 0}
        emptyText={t('designer.noScorecards')}
        onRetry={() => void scorecards.refetch()}
      >
        <Row gutter={[8, 8]} align="bottom" style={{ marginBottom: 16 }}>
          <Col xs={24} md={12}>
            <label htmlFor="designer-scorecard">{t('designer.chooseScorecard')}</label>
            <Select
              id="designer-scorecard"
              data-testid="designer-scorecard"
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              value={code}
              placeholder={t('designer.chooseScorecard')}
              options={(scorecards.data ?? []).map((s) => ({
                value: s.code,
                label: `${s.code} · ${localize(s.name, language)}${drafts[s.code] ? ` (${t('designer.unsaved')})` : ''}`,
              }))}
              onChange={(value: string) => choose(value)}
            />
          </Col>
          <Col xs={24} md={12}>
            <Space wrap>
              <Button data-testid="new-scorecard" onClick={() => setModal('new')}>
                {t('designer.actions.newScorecard')}
              </Button>
              <Button
                data-testid="copy-scorecard"
                disabled={savedFile === undefined}
                onClick={() => setModal('copy')}
              >
                {t('designer.actions.copyForDepartment')}
              </Button>
            </Space>
          </Col>
        </Row>
      </LoadingPanel>
      {created === null ? null : (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setCreated(null) }}
          data-testid="created-alert"
          title={t('designer.createdAlert', { code: created })}
          style={{ marginBottom: 16 }}
        />
      )}
      {code === null ? (
        <Alert type="info" showIcon title={t('designer.pickFirst')} data-testid="designer-pick-first" />
      ) : (
        <LoadingPanel
          isLoading={detail.isPending || catalog.isPending}
          error={detail.error ?? catalog.error}
          onRetry={() => {
            void detail.refetch();
            void catalog.refetch();
          }}
        >
          {draft === undefined || detail.data === undefined || validation === null ? null : (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <Space wrap size={8} data-testid="designer-status">
                <strong>{localize(draft.name, language)}</strong>
                <Tag data-testid="structure-version" data-version={detail.data.structure.version}>
                  {t('designer.structureVersion', { version: detail.data.structure.version })}
                </Tag>
                <Tag data-testid="weight-version" data-version={detail.data.weights.version}>
                  {t('designer.weightVersion', { version: detail.data.weights.version })}
                </Tag>
                {detail.data.orgUnits.map((unit) => (
                  <Tag key={unit.orgUnit} color="blue" data-testid="assigned-unit">
                    {unit.includeDescendants
                      ? t('designer.assignedSubtree', { unit: unit.orgUnit })
                      : unit.orgUnit}
                  </Tag>
                ))}
                {dirty ? (
                  <Tag color="warning" data-testid="unsaved-tag">
                    {t('designer.unsaved')}
                  </Tag>
                ) : null}
              </Space>
              <Tabs
                activeKey={tab}
                onChange={(key) => setTab(key === 'weights' || key === 'versions' ? key : 'structure')}
                items={[
                  {
                    key: 'structure',
                    label: t('designer.tabs.structure'),
                    children: (
                      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                        <Row gutter={8} align="bottom">
                          <Col xs={24} md={14}>
                            <label htmlFor="designer-note">{t('designer.saveNote')}</label>
                            <Input
                              id="designer-note"
                              data-testid="designer-note"
                              value={note}
                              maxLength={500}
                              onChange={(e) => setNote(e.target.value)}
                            />
                          </Col>
                          <Col xs={24} md={10}>
                            <Space wrap style={{ marginTop: 8 }}>
                              <Button
                                type="primary"
                                data-testid="designer-save"
                                disabled={!dirty || !validation.ok || save.isPending}
                                loading={save.isPending}
                                onClick={onSave}
                              >
                                {t('designer.actions.save')}
                              </Button>
                              <Button data-testid="designer-discard" disabled={!dirty} onClick={discard}>
                                {t('designer.actions.discard')}
                              </Button>
                              <LibraryPicker
                                draft={draft}
                                catalog={catalog.data ?? []}
                                onAdd={(file, id) => {
                                  setDraft(file);
                                  setFromLibrary(id);
                                }}
                              />
                            </Space>
                          </Col>
                        </Row>
                        {fromLibrary === null || !dirty ? null : (
                          <Alert
                            type="info"
                            showIcon
                            data-testid="library-added"
                            title={t('indicatorLibrary.added', { id: fromLibrary })}
                          />
                        )}
                        {validation.ok ? null : (
                          <IssuesList
                            testId="client-issues"
                            title={t('designer.clientIssues')}
                            issues={validation.issues}
                          />
                        )}
                        {save.error ? (
                          <IssuesList
                            testId="server-issues"
                            title={problemDetail(t, save.error)}
                            issues={serverIssues}
                          />
                        ) : null}
                        {saved === null ? null : (
                          <Alert
                            type="success"
                            showIcon
                            data-testid="designer-saved"
                            data-version={saved.structure.version}
                            title={
                              saved.structure.created
                                ? t('designer.savedVersion', { version: saved.structure.version })
                                : t('designer.savedUnchanged', { version: saved.structure.version })
                            }
                          />
                        )}
                        <StructureEditor
                          draft={draft}
                          onChange={setDraft}
                          selection={selected}
                          onSelect={setSelected}
                          catalog={catalog.data ?? []}
                          savedIndicatorIds={savedIds}
                        />
                      </Space>
                    ),
                  },
                  {
                    key: 'weights',
                    label: t('designer.tabs.weights'),
                    children: (
                      <WeightsEditor
                        key={`${code}:${detail.data.structure.version}`}
                        file={detail.data.file}
                        weightVersion={detail.data.weights.version}
                        provenance={detail.data.weights.provenance ?? null}
                        dirty={dirty}
                      />
                    ),
                  },
                  {
                    key: 'versions',
                    label: t('designer.tabs.versions'),
                    children: <VersionsList code={code} />,
                  },
                ]}
              />
            </Space>
          )}
        </LoadingPanel>
      )}
      <NewScorecardModal
        open={modal === 'new'}
        onClose={() => setModal(null)}
        onCreated={(next) => {
          setModal(null);
          setCreated(next);
          choose(next);
        }}
      />
      {savedFile === undefined ? null : (
        <CopyScorecardModal
          open={modal === 'copy'}
          source={savedFile}
          onClose={() => setModal(null)}
          onCreated={(next) => {
            setModal(null);
            setCreated(next);
            choose(next);
          }}
        />
      )}
    </section>
  );
}
