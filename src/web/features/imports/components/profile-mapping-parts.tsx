/**
 * The parts of the wizard's mapping step that are lists the user edits: a code table (source code → ours, with
 * suggestions), the filters (keep rows where a column is / is not / is one of / starts with), and the derived
 * values (the product of cells × a factor).
 */
import { AutoComplete, Button, InputNumber, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CodeMapping, DerivedDraft, FilterDraft, FilterOp } from '../profile-draft.ts';

export interface Option {
  readonly value: string;
  readonly label: string;
}

/** Source code → a code of ours; each target typed or picked from `targets` (code and name). */
export function CodeTable(props: {
  readonly rows: readonly CodeMapping[];
  readonly targets: readonly Option[];
  readonly testId: string;
  readonly onChange: (rows: CodeMapping[]) => void;
}) {
  const { t } = useTranslation();
  const set = (source: string, target: string) =>
    props.onChange(props.rows.map((r) => (r.source === source ? { ...r, target } : r)));
  return (
    <Table
      size="small"
      rowKey="source"
      data-testid={props.testId}
      dataSource={[...props.rows]}
      pagination={props.rows.length > 10 ? { pageSize: 10 } : false}
      columns={[
        { title: t('profileWizard.codes.source'), dataIndex: 'source' },
        {
          title: t('profileWizard.codes.target'),
          render: (_: unknown, r: CodeMapping) => (
            <AutoComplete
              data-testid={`${props.testId}-${r.source}`}
              style={{ width: 260 }}
              value={r.target}
              options={[...props.targets]}
              placeholder={t('profileWizard.codes.none')}
              filterOption={(input, option) =>
                (option?.label ?? '').toLowerCase().includes(input.toLowerCase())
              }
              onChange={(target: string) => set(r.source, target)}
            />
          ),
        },
      ]}
    />
  );
}

/** The words of each filter operation (literal keys, so the i18n check sees them used). */
const OPS = {
  in: 'profileWizard.filterOps.in',
  notIn: 'profileWizard.filterOps.notIn',
  startsWith: 'profileWizard.filterOps.startsWith',
} as const satisfies Record<FilterOp, string>;

/** Keep the rows whose cell in a column is one of some values, none of them, or starts with one. */
export function FiltersEditor(props: {
  readonly filters: readonly FilterDraft[];
  readonly columns: readonly Option[];
  readonly valuesOf: (column: string) => readonly string[];
  readonly onChange: (filters: FilterDraft[]) => void;
}) {
  const { t } = useTranslation();
  const { filters, onChange } = props;
  const set = (i: number, change: Partial<FilterDraft>) =>
    onChange(filters.map((f, j) => (i === j ? { ...f, ...change } : f)));
  return (
    <Space direction="vertical" data-testid="profile-wizard-filters">
      {filters.map((f, i) => (
        // The filters have no identity but their place; a removal re-renders the rows below.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Space key={i} wrap data-testid={`profile-wizard-filter-${i}`}>
          <Select
            data-testid={`profile-wizard-filter-${i}-column`}
            style={{ width: 220 }}
            value={f.column === '' ? undefined : f.column}
            placeholder={t('profileWizard.column')}
            options={[...props.columns]}
            onChange={(column: string) => set(i, { column, values: [] })}
          />
          <Select
            data-testid={`profile-wizard-filter-${i}-op`}
            style={{ width: 160 }}
            value={f.op}
            options={Object.entries(OPS).map(([op, key]) => ({ value: op, label: t(key) }))}
            onChange={(op: FilterOp) => set(i, { op })}
          />
          <Select
            data-testid={`profile-wizard-filter-${i}-values`}
            mode="tags"
            style={{ width: 320 }}
            value={[...f.values]}
            placeholder={t('profileWizard.filterValues')}
            options={props.valuesOf(f.column).map((v) => ({ value: v, label: v }))}
            onChange={(values: string[]) => set(i, { values })}
          />
          <Button onClick={() => onChange(filters.filter((_, j) => j !== i))}>
            {t('profileWizard.remove')}
          </Button>
        </Space>
      ))}
      <Button
        data-testid="profile-wizard-add-filter"
        onClick={() => onChange([...filters, { column: '', op: 'in', values: [] }])}
      >
        {t('profileWizard.addFilter')}
      </Button>
    </Space>
  );
}

/** Values computed from cells of the same row: their product × a factor, into a data element. */
export function DerivedEditor(props: {
  readonly derived: readonly DerivedDraft[];
  readonly columns: readonly Option[];
  readonly elements: readonly Option[];
  readonly onChange: (derived: DerivedDraft[]) => void;
}) {
  const { t } = useTranslation();
  const { derived, onChange } = props;
  const set = (i: number, change: Partial<DerivedDraft>) =>
    onChange(derived.map((d, j) => (i === j ? { ...d, ...change } : d)));
  return (
    <Space direction="vertical" data-testid="profile-wizard-derived">
      {derived.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are known by their place only
        <Space key={i} wrap data-testid={`profile-wizard-derived-${i}`}>
          <AutoComplete
            data-testid={`profile-wizard-derived-${i}-element`}
            style={{ width: 240 }}
            value={d.dataElement}
            placeholder={t('profileWizard.dataElement')}
            options={[...props.elements]}
            onChange={(dataElement: string) => set(i, { dataElement })}
          />
          <span>=</span>
          <Select
            data-testid={`profile-wizard-derived-${i}-product`}
            mode="multiple"
            style={{ width: 360 }}
            value={[...d.product]}
            placeholder={t('profileWizard.derivedProduct')}
            options={[...props.columns]}
            onChange={(product: string[]) => set(i, { product })}
          />
          <span>×</span>
          <InputNumber
            data-testid={`profile-wizard-derived-${i}-scale`}
            value={d.scale}
            onChange={(scale) => set(i, { scale: scale ?? 1 })}
          />
          <Button onClick={() => onChange(derived.filter((_, j) => j !== i))}>
            {t('profileWizard.remove')}
          </Button>
        </Space>
      ))}
      <Button
        data-testid="profile-wizard-add-derived"
        onClick={() => onChange([...derived, { dataElement: '', product: [], scale: 1 }])}
      >
        {t('profileWizard.addDerived')}
      </Button>
    </Space>
  );
}
