/**
 * The dialogs that make a scorecard: a new one (the smallest valid file, POST /api/scorecards) and a copy for a
 * department (model/copy-for-department.ts: POST the copy, then assign it to the unit and the units below).
 */
import { Alert, Input, Modal, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScorecardFile } from '../../../../core/scorecard/scorecard-schema.ts';
import { problemDetail } from '../../../components/problem-words.ts';
import { isApiError } from '../../../lib/api/api-error.ts';
import { useOrgUnits } from '../../../lib/api/org-units.ts';
import { useCreateScorecard } from '../../../lib/api/scorecards.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { buildUnitTree } from '../../../lib/org-unit-tree.ts';
import { copyForDepartment, departmentAssignment } from '../model/copy-for-department.ts';
import { newScorecardFile, validateFile } from '../model/scorecard-edits.ts';
import { withCodes } from '../model/unit-options.ts';
import { Field } from './field.tsx';
import { IssuesList } from './issues-list.tsx';

const CODE = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;

interface NamesForm {
  code: string;
  nameEn: string;
  nameZh: string;
}

function NameInputs({
  form,
  onChange,
  idPrefix,
}: {
  form: NamesForm;
  onChange: (form: NamesForm) => void;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field id={`${idPrefix}-code`} label={t('designer.fields.code')} help={t('designer.fields.codeHelp')}>
        <Input
          id={`${idPrefix}-code`}
          data-testid={`${idPrefix}-code`}
          value={form.code}
          status={form.code === '' || CODE.test(form.code) ? undefined : 'error'}
          onChange={(e) => onChange({ ...form, code: e.target.value.trim() })}
        />
      </Field>
      <Field id={`${idPrefix}-name-en`} label={t('designer.fields.nameEn')}>
        <Input
          id={`${idPrefix}-name-en`}
          data-testid={`${idPrefix}-name-en`}
          value={form.nameEn}
          onChange={(e) => onChange({ ...form, nameEn: e.target.value })}
        />
      </Field>
      <Field id={`${idPrefix}-name-zh`} label={t('designer.fields.nameZh')}>
        <Input
          id={`${idPrefix}-name-zh`}
          data-testid={`${idPrefix}-name-zh`}
          value={form.nameZh}
          onChange={(e) => onChange({ ...form, nameZh: e.target.value })}
        />
      </Field>
    </>
  );
}

const namesOk = (form: NamesForm) => CODE.test(form.code) && form.nameEn.trim() !== '';

function ServerError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return isApiError(error) && error.problem.issues.length > 0 ? (
    <IssuesList testId="create-server-issues" title={problemDetail(t, error)} issues={error.problem.issues} />
  ) : (
    <Alert type="error" showIcon data-testid="create-error" title={problemDetail(t, error)} />
  );
}

export function NewScorecardModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<NamesForm>({ code: '', nameEn: '', nameZh: '' });
  const create = useCreateScorecard();
  return (
    <Modal
      open={open}
      title={t('designer.create.title')}
      okText={t('designer.create.ok')}
      cancelText={t('designer.actions.cancel')}
      okButtonProps={{ disabled: !namesOk(form), loading: create.isPending }}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      onOk={() =>
        create.mutate(
          { file: newScorecardFile(form.code, form.nameEn, form.nameZh) },
          {
            onSuccess: () => {
              onCreated(form.code);
              setForm({ code: '', nameEn: '', nameZh: '' });
            },
          },
        )
      }
    >
      <p>{t('designer.create.intro')}</p>
      <NameInputs idPrefix="create" form={form} onChange={setForm} />
      <ServerError error={create.error} />
    </Modal>
  );
}

export function CopyScorecardModal({
  open,
  source,
  onClose,
  onCreated,
}: {
  open: boolean;
  source: ScorecardFile;
  onClose: () => void;
  onCreated: (code: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const orgUnits = useOrgUnits();
  const tree = useMemo(
    () => withCodes(buildUnitTree(orgUnits.data ?? [], language)),
    [orgUnits.data, language],
  );
  const [form, setForm] = useState<NamesForm>({ code: '', nameEn: '', nameZh: '' });
  const [orgUnit, setOrgUnit] = useState<string | null>(null);
  const create = useCreateScorecard();
  const copy =
    orgUnit === null
      ? null
      : copyForDepartment(source, { code: form.code, nameEn: form.nameEn, nameZh: form.nameZh, orgUnit });
  const valid = copy !== null && namesOk(form) && validateFile(copy).ok;
  return (
    <Modal
      open={open}
      title={t('designer.copy.title', { code: source.code })}
      okText={t('designer.copy.ok')}
      cancelText={t('designer.actions.cancel')}
      okButtonProps={{ disabled: !valid, loading: create.isPending, ...{ 'data-testid': 'copy-submit' } }}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      onOk={() => {
        if (copy === null || orgUnit === null) return;
        create.mutate(
          { file: copy, orgUnits: departmentAssignment(orgUnit).orgUnits },
          {
            onSuccess: () => {
              onCreated(copy.code);
              setForm({ code: '', nameEn: '', nameZh: '' });
              setOrgUnit(null);
            },
          },
        );
      }}
    >
      <p>{t('designer.copy.intro')}</p>
      <Field id="copy-org-unit" label={t('designer.copy.orgUnit')}>
        <TreeSelect
          id="copy-org-unit"
          data-testid="copy-org-unit"
          showSearch
          treeDefaultExpandAll
          treeNodeFilterProp="title"
          loading={orgUnits.isPending}
          value={orgUnit ?? undefined}
          treeData={tree}
          placeholder={t('designer.copy.orgUnitPlaceholder')}
          onChange={(value: string) => {
            setOrgUnit(value);
            if (form.code === '') setForm({ ...form, code: `${value}-BSC` });
          }}
        />
      </Field>
      <NameInputs idPrefix="copy" form={form} onChange={setForm} />
      <ServerError error={create.error} />
    </Modal>
  );
}
