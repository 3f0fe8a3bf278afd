/**
 * "Add from library" (issue 17 §3): search the indicator library by words, source and perspective, read an
 * entry's definition, numerator and denominator, see how its data elements map to the installation's (same
 * code, same name, or new), and add the indicator with its new elements to the draft's chosen perspective. A
 * monitored (监测比较) indicator is added as `scored: false`: shown, no weight, not scored. The performance office
 * also adds the installation's own entries here, marked 本院 / Own, and changes or deletes them; built-in
 * entries are read only, and a user who does not design sees no write at all.
 */
import {
  Alert,
  Button,
  type ButtonProps,
  Descriptions,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type LibraryEntry,
  type LibrarySource,
  planLibraryAddition,
} from '../../../../core/indicator-library/index.ts';
import type { ScorecardFile } from '../../../../core/scorecard/scorecard-schema.ts';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import type { DataElement } from '../../../lib/api/data-elements.ts';
import {
  type LibraryEntryItem,
  useDeleteLibraryEntry,
  useIndicatorLibrary,
} from '../../../lib/api/indicator-library.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { EMPTY_LIBRARY_FORM, formValuesOfEntry } from '../model/library-entry-form.ts';
import { addIndicator, allIndicatorIds } from '../model/scorecard-edits.ts';
import { useCanDesign } from '../use-can-design.ts';
import { LibraryEntryForm } from './library-entry-form.tsx';

/** The wording keys, written out so the i18n check sees each one. */
const SOURCE_KEYS = {
  'cn-tertiary': 'indicatorLibrary.sources.cnTertiary',
  'seed-002': 'indicatorLibrary.sources.seed002',
  'ahrq-qi': 'indicatorLibrary.sources.ahrqQi',
  'cms-ecqm': 'indicatorLibrary.sources.cmsEcqm',
  custom: 'indicatorLibrary.sources.custom',
} as const satisfies Record<LibrarySource, string>;
const PERSPECTIVE_KEYS = {
  financial: 'indicatorLibrary.perspectives.financial',
  customer: 'indicatorLibrary.perspectives.customer',
  internal: 'indicatorLibrary.perspectives.internal',
  learning: 'indicatorLibrary.perspectives.learning',
  social: 'indicatorLibrary.perspectives.social',
} as const;
const DIRECTION_KEYS = {
  higher: 'indicatorLibrary.directions.higher',
  lower: 'indicatorLibrary.directions.lower',
  monitor: 'indicatorLibrary.directions.monitor',
} as const satisfies Record<LibraryEntry['direction'], string>;
const MATCH_KEYS = {
  code: 'indicatorLibrary.matches.code',
  name: 'indicatorLibrary.matches.name',
  new: 'indicatorLibrary.matches.new',
} as const;
const SOURCES = Object.keys(SOURCE_KEYS) as LibrarySource[];
const PERSPECTIVES = ['financial', 'customer', 'internal', 'learning', 'social'] as const;

export function LibraryPicker({
  draft,
  catalog,
  onAdd,
}: {
  draft: ScorecardFile;
  catalog: readonly DataElement[];
  onAdd: (file: ScorecardFile, indicatorId: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [source, setSource] = useState<LibrarySource | undefined>(undefined);
  const [perspective, setPerspective] = useState<(typeof PERSPECTIVES)[number] | undefined>(undefined);
  const [picked, setPicked] = useState<LibraryEntryItem | null>(null);
  const [target, setTarget] = useState<string | undefined>(undefined);
  // The own-entry form: a new entry, or the picked own entry to change.
  const [editing, setEditing] = useState<{ entry: LibraryEntryItem | null } | null>(null);
  const [saved, setSaved] = useState<LibraryEntryItem | null>(null);
  const canDesign = useCanDesign();
  const remove = useDeleteLibraryEntry();
  const library = useIndicatorLibrary({ q, source, perspective }, open);
  const plan = useMemo(
    () =>
      picked === null
        ? null
        : planLibraryAddition(
            picked satisfies LibraryEntry,
            catalog.map((c) => ({ code: c.code, name: c.name })),
            allIndicatorIds(draft),
          ),
    [picked, catalog, draft],
  );
  const perspectiveId = target ?? draft.perspectives[0]?.id;

  const add = () => {
    if (plan === null || perspectiveId === undefined) return;
    const declared = new Set(draft.dataElements.map((d) => d.code));
    const created = plan.elements
      .filter((m) => m.match === 'new' && !declared.has(m.code))
      .map((m) => ({
        code: m.code,
        name: m.element.name,
        valueType: m.element.valueType,
        aggregation: 'sum' as const,
        timeAggregation: 'sum' as const,
      }));
    const withElements = { ...draft, dataElements: [...draft.dataElements, ...created] };
    onAdd(addIndicator(withElements, perspectiveId, plan.indicator), plan.indicator.id);
    setOpen(false);
    setPicked(null);
  };

  const known = [...(picked?.dataElements ?? []), ...draft.dataElements, ...catalog];
  const ownActions =
    picked === null || picked.source !== 'custom' || !canDesign ? null : (
      <Space>
        <Button data-testid="library-edit" onClick={() => setEditing({ entry: picked })}>
          {t('indicatorLibrary.edit')}
        </Button>
        <Popconfirm
          title={t('indicatorLibrary.deleteConfirm', { name: localize(picked.name, language) })}
          okText={t('indicatorLibrary.deleteOk')}
          cancelText={t('indicatorLibrary.cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'library-delete-ok' } as ButtonProps}
          onConfirm={() =>
            remove
              .mutateAsync(picked.id)
              .then(() => {
                setPicked(null);
                setSaved(null);
              })
              // Refused: the problem is shown above the list.
              .catch(() => undefined)
          }
        >
          <Button danger data-testid="library-delete" loading={remove.isPending}>
            {t('indicatorLibrary.delete')}
          </Button>
        </Popconfirm>
      </Space>
    );

  return (
    <>
      <Button
        data-testid="library-open"
        onClick={() => {
          // The note of a save belongs to the visit it was made in.
          setSaved(null);
          setOpen(true);
        }}
      >
        {t('indicatorLibrary.open')}
      </Button>
      <Modal
        open={open}
        width={960}
        title={t('indicatorLibrary.title')}
        onCancel={() => setOpen(false)}
        okText={t('indicatorLibrary.add')}
        okButtonProps={{ disabled: plan === null, 'data-testid': 'library-add' } as ButtonProps}
        onOk={add}
        destroyOnHidden
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            data-testid="library-search"
            aria-label={t('indicatorLibrary.search')}
            placeholder={t('indicatorLibrary.search')}
            defaultValue={q}
            onSearch={(value) => setQ(value)}
            style={{ width: 280 }}
          />
          <Select
            allowClear
            data-testid="library-source"
            aria-label={t('indicatorLibrary.source')}
            placeholder={t('indicatorLibrary.source')}
            style={{ width: 240 }}
            value={source}
            onChange={(value?: LibrarySource) => setSource(value)}
            options={SOURCES.map((s) => ({ value: s, label: t(SOURCE_KEYS[s]) }))}
          />
          <Select
            allowClear
            data-testid="library-perspective"
            aria-label={t('indicatorLibrary.perspective')}
            placeholder={t('indicatorLibrary.perspective')}
            style={{ width: 180 }}
            value={perspective}
            onChange={(value?: (typeof PERSPECTIVES)[number]) => setPerspective(value)}
            options={PERSPECTIVES.map((p) => ({ value: p, label: t(PERSPECTIVE_KEYS[p]) }))}
          />
          {canDesign ? (
            <Button data-testid="library-new" onClick={() => setEditing({ entry: null })}>
              {t('indicatorLibrary.newEntry')}
            </Button>
          ) : null}
        </Space>
        <ProblemAlert error={remove.error} testId="library-delete-problem" />
        {saved === null ? null : (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="library-saved"
            data-entry-id={saved.id}
            title={t('indicatorLibrary.saved', { name: localize(saved.name, language), id: saved.id })}
          />
        )}
        <Table<LibraryEntryItem>
          size="small"
          rowKey="id"
          data-testid="library-entries"
          loading={library.isFetching}
          dataSource={library.data?.entries ?? []}
          pagination={{ pageSize: 8, showSizeChanger: false }}
          rowSelection={{
            type: 'radio',
            selectedRowKeys: picked === null ? [] : [picked.id],
            onChange: (_, rows) => setPicked(rows[0] ?? null),
          }}
          onRow={(row) =>
            ({ onClick: () => setPicked(row), 'data-entry-id': row.id }) as Record<string, unknown>
          }
          columns={[
            {
              key: 'name',
              title: t('indicatorLibrary.name'),
              render: (_, row) => (
                <Space size={4}>
                  <span data-testid="library-entry-name">{localize(row.name, language)}</span>
                  {row.source === 'custom' ? (
                    <Tag color="purple" data-testid="library-own-tag" title={t('indicatorLibrary.ownHint')}>
                      {t('indicatorLibrary.own')}
                    </Tag>
                  ) : null}
                </Space>
              ),
            },
            {
              key: 'category',
              title: t('indicatorLibrary.category'),
              render: (_, row) => localize(row.category, language),
            },
            {
              key: 'source',
              title: t('indicatorLibrary.source'),
              render: (_, row) => t(SOURCE_KEYS[row.source]),
            },
            {
              key: 'direction',
              title: t('indicatorLibrary.direction'),
              render: (_, row) => t(DIRECTION_KEYS[row.direction]),
            },
          ]}
        />
        {picked === null || plan === null ? null : (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="library-detail">
            <Descriptions
              size="small"
              bordered
              column={1}
              items={[
                {
                  key: 'definition',
                  label: t('indicatorLibrary.definition'),
                  children: localize(picked.definition, language),
                },
                {
                  key: 'numerator',
                  label: t('indicatorLibrary.numerator'),
                  children: picked.numerator ? localize(picked.numerator, language) : '—',
                },
                {
                  key: 'denominator',
                  label: t('indicatorLibrary.denominator'),
                  children: picked.denominator ? localize(picked.denominator, language) : '—',
                },
                {
                  key: 'unit',
                  label: t('indicatorLibrary.unit'),
                  children: picked.unit ? localize(picked.unit, language) : '—',
                },
                { key: 'reference', label: t('indicatorLibrary.reference'), children: picked.reference },
              ]}
            />
            {ownActions}
            {plan.unscored ? <Alert type="info" showIcon title={t('indicatorLibrary.unscored')} /> : null}
            <Table
              size="small"
              rowKey="entryCode"
              pagination={false}
              data-testid="library-mapping"
              dataSource={[...plan.elements]}
              columns={[
                {
                  key: 'element',
                  title: t('indicatorLibrary.element'),
                  render: (_, m) => `${localize(m.element.name, language)} (${m.entryCode})`,
                },
                {
                  key: 'match',
                  title: t('indicatorLibrary.mapping'),
                  render: (_, m) => (
                    <Tag
                      color={m.match === 'new' ? 'gold' : 'green'}
                      data-testid="library-match"
                      data-match={m.match}
                    >
                      {t(MATCH_KEYS[m.match], { code: m.code })}
                    </Tag>
                  ),
                },
              ]}
            />
            <Space>
              <label htmlFor="library-target">{t('indicatorLibrary.into')}</label>
              <Select
                id="library-target"
                data-testid="library-target"
                style={{ width: 240 }}
                value={perspectiveId}
                onChange={(value: string) => setTarget(value)}
                options={draft.perspectives.map((p) => ({
                  value: p.id,
                  label: `${p.id} · ${localize(p.name, language)}`,
                }))}
              />
            </Space>
          </Space>
        )}
      </Modal>
      {editing === null ? null : (
        <LibraryEntryForm
          entry={editing.entry}
          initial={editing.entry === null ? EMPTY_LIBRARY_FORM : formValuesOfEntry(editing.entry)}
          title={
            editing.entry === null
              ? t('indicatorLibrary.form.createTitle')
              : t('indicatorLibrary.form.editTitle', { id: editing.entry.id })
          }
          known={known}
          onClose={() => setEditing(null)}
          onSaved={(item) => {
            setEditing(null);
            setSaved(item);
            setPicked(item);
          }}
        />
      )}
    </>
  );
}
