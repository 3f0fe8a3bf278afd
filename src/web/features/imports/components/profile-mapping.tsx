/**
 * The wizard's mapping step: everything a profile file can say, built on the uploaded file's columns. The
 * layout (wide: a column per data element; long: a column names the element), the unit column with its code
 * table (suggested from our units' codes and names), the period, the value columns with their data elements
 * and scale factors, the element codes of a long layout, filters and derived values.
 */
import { Button, Checkbox, Divider, Form, Input, InputNumber, Radio, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { type PeriodFormat, periodFormatSchema } from '../../../../core/contracts/import-profiles.ts';
import { useDataElements } from '../../../lib/api/data-elements.ts';
import type { ProfileInspection } from '../../../lib/api/import-profiles.ts';
import { useOrgUnits } from '../../../lib/api/org-units.ts';
import { type Layout, type ProfileDraft, toLong, type ValueMapping } from '../profile-draft.ts';
import { codeTableOf, suggestElement, suggestUnit } from '../profile-suggest.ts';
import { CodeTable, DerivedEditor, FiltersEditor } from './profile-mapping-parts.tsx';

/** Every period format a profile may name, in the contract's order. */
const FORMATS: readonly PeriodFormat[] = periodFormatSchema.options;

export function ProfileMapping(props: {
  readonly draft: ProfileDraft;
  readonly inspection: ProfileInspection;
  readonly onChange: (draft: ProfileDraft) => void;
  readonly onPreview: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { draft, inspection, onChange } = props;
  const elements = useDataElements().data ?? [];
  const units = useOrgUnits().data ?? [];
  const zh = i18n.language.startsWith('zh');
  const named = (item: { code: string; name: { en: string; zh?: string | undefined } }) => ({
    value: item.code,
    label: `${item.code} · ${(zh ? item.name.zh : undefined) ?? item.name.en}`,
  });
  const columns = inspection.columns;
  const columnOptions = columns.map((c) => ({ value: c.name, label: c.name }));
  const valuesOf = (column: string) => columns.find((c) => c.name === column)?.distinct ?? [];
  const update = (changes: Partial<ProfileDraft>) => onChange({ ...draft, ...changes });
  const setValue = (column: string, change: Partial<ValueMapping>) =>
    update({ values: draft.values.map((x) => (x.column === column ? { ...x, ...change } : x)) });

  function chooseLayout(layout: Layout) {
    if (layout === 'wide') update({ layout, elementColumn: '', elementCodes: [] });
    else update({ layout });
  }

  function chooseElementColumn(column: string) {
    const long = toLong(draft, column);
    onChange({
      ...long,
      elementCodes: codeTableOf(valuesOf(column), [], (cell) => suggestElement(cell, elements)),
    });
  }

  function fillUnitCodes() {
    update({
      unitCodes: codeTableOf(valuesOf(draft.unitColumn), draft.unitCodes, (cell) => suggestUnit(cell, units)),
    });
  }

  return (
    <Form layout="vertical" data-testid="profile-wizard-map">
      <Space wrap align="start">
        <Form.Item label={t('profileWizard.code')}>
          <Input
            data-testid="profile-wizard-code"
            style={{ width: 260 }}
            value={draft.code}
            onChange={(e) => update({ code: e.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('profileWizard.name')}>
          <Input
            data-testid="profile-wizard-name"
            style={{ width: 360 }}
            value={draft.name}
            onChange={(e) => update({ name: e.target.value })}
          />
        </Form.Item>
      </Space>
      <Form.Item label={t('profileWizard.layout')}>
        <Radio.Group
          data-testid="profile-wizard-layout"
          value={draft.layout}
          onChange={(e) => chooseLayout(e.target.value === 'long' ? 'long' : 'wide')}
          options={[
            { value: 'wide', label: t('profileWizard.layouts.wide') },
            { value: 'long', label: t('profileWizard.layouts.long') },
          ]}
        />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item label={t('profileWizard.unitColumn')}>
          <Select
            data-testid="profile-wizard-unit"
            style={{ width: 220 }}
            value={draft.unitColumn}
            options={columnOptions}
            onChange={(unitColumn: string) =>
              update({
                unitColumn,
                unitCodes: [],
                // The unit column holds codes, never values (a numeric code looks like one).
                values: draft.values.map((v) => (v.column === unitColumn ? { ...v, include: false } : v)),
              })
            }
          />
        </Form.Item>
        <Form.Item label={t('profileWizard.prefix')}>
          <Input
            data-testid="profile-wizard-prefix"
            style={{ width: 120 }}
            value={draft.prefix}
            onChange={(e) => update({ prefix: e.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('profileWizard.identifierSystem')}>
          <Input
            style={{ width: 260 }}
            value={draft.identifierSystem}
            onChange={(e) => update({ identifierSystem: e.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('profileWizard.root')}>
          <Input
            data-testid="profile-wizard-root"
            style={{ width: 160 }}
            value={draft.rootCode}
            onChange={(e) => update({ rootCode: e.target.value })}
          />
        </Form.Item>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button data-testid="profile-wizard-unit-codes" onClick={fillUnitCodes}>
          {t('profileWizard.unitCodes')}
        </Button>
        <Checkbox
          data-testid="profile-wizard-unit-codes-only"
          checked={draft.unitCodesOnly}
          onChange={(e) => update({ unitCodesOnly: e.target.checked })}
        >
          {t('profileWizard.unitCodesOnly')}
        </Checkbox>
      </Space>
      {draft.unitCodes.length > 0 && (
        <CodeTable
          testId="profile-wizard-unit-table"
          rows={draft.unitCodes}
          targets={units.map(named)}
          onChange={(unitCodes) => update({ unitCodes })}
        />
      )}
      <Space wrap align="start">
        <Form.Item label={t('profileWizard.periodColumn')}>
          <Select
            data-testid="profile-wizard-period"
            style={{ width: 220 }}
            value={draft.periodColumn}
            options={columnOptions}
            onChange={(periodColumn: string) => update({ periodColumn })}
          />
        </Form.Item>
        <Form.Item label={t('profileWizard.periodFormat')}>
          <Select
            data-testid="profile-wizard-format"
            style={{ width: 160 }}
            value={draft.periodFormat}
            options={FORMATS.map((f) => ({ value: f, label: f }))}
            onChange={(periodFormat: PeriodFormat) => update({ periodFormat })}
          />
        </Form.Item>
        <Form.Item label={t('profileWizard.periodType')}>
          <Select
            style={{ width: 140 }}
            value={draft.periodType}
            options={[
              { value: 'month', label: t('profileWizard.periodTypes.month') },
              { value: 'quarter', label: t('profileWizard.periodTypes.quarter') },
              { value: 'year', label: t('profileWizard.periodTypes.year') },
            ]}
            onChange={(periodType: ProfileDraft['periodType']) => update({ periodType })}
          />
        </Form.Item>
        {draft.layout === 'long' && (
          <Form.Item label={t('profileWizard.elementColumn')}>
            <Select
              data-testid="profile-wizard-element-column"
              style={{ width: 220 }}
              value={draft.elementColumn === '' ? undefined : draft.elementColumn}
              options={columnOptions}
              onChange={chooseElementColumn}
            />
          </Form.Item>
        )}
      </Space>
      <Table
        size="small"
        pagination={false}
        rowKey="column"
        data-testid="profile-wizard-values"
        dataSource={draft.values.map((v) => ({
          ...v,
          samples: columns.find((c) => c.name === v.column)?.samples.join(', ') ?? '',
        }))}
        columns={[
          {
            title: t('profileWizard.include'),
            render: (_: unknown, v: ValueMapping) => (
              <Checkbox
                data-testid={`profile-wizard-include-${v.column}`}
                checked={v.include}
                onChange={(e) => setValue(v.column, { include: e.target.checked })}
              />
            ),
          },
          { title: t('profileWizard.column'), dataIndex: 'column' },
          { title: t('profileWizard.samples'), dataIndex: 'samples' },
          {
            title: t('profileWizard.dataElement'),
            render: (_: unknown, v: ValueMapping) => (
              <Input
                data-testid={`profile-wizard-element-${v.column}`}
                value={v.dataElement}
                onChange={(e) => setValue(v.column, { dataElement: e.target.value })}
              />
            ),
          },
          {
            title: t('profileWizard.scale'),
            render: (_: unknown, v: ValueMapping) => (
              <InputNumber
                data-testid={`profile-wizard-scale-${v.column}`}
                value={v.scale}
                onChange={(scale) => setValue(v.column, { scale: scale ?? 1 })}
              />
            ),
          },
        ]}
      />
      {draft.layout === 'long' && draft.elementColumn !== '' && (
        <>
          <Divider titlePlacement="start">{t('profileWizard.elementCodes')}</Divider>
          <CodeTable
            testId="profile-wizard-element-table"
            rows={draft.elementCodes}
            targets={elements.map(named)}
            onChange={(elementCodes) => update({ elementCodes })}
          />
        </>
      )}
      <Divider titlePlacement="start">{t('profileWizard.filters')}</Divider>
      <FiltersEditor
        filters={draft.filters}
        columns={columnOptions}
        valuesOf={valuesOf}
        onChange={(filters) => update({ filters })}
      />
      <Divider titlePlacement="start">{t('profileWizard.derived')}</Divider>
      <DerivedEditor
        derived={draft.derived}
        columns={columnOptions}
        elements={elements.map(named)}
        onChange={(derived) => update({ derived })}
      />
      <div>
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          data-testid="profile-wizard-preview"
          onClick={props.onPreview}
        >
          {t('profileWizard.showPreview')}
        </Button>
      </div>
    </Form>
  );
}
