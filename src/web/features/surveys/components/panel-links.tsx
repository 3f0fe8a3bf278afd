/**
 * The panel and their personal links. A link's token is shown once (the server keeps only its hash), so the page
 * keeps the links it made while it is open: "Remind" shows that invitation again to copy, or makes a new link
 * (which revokes the old one; the expert's answers stay and the questionnaire resumes). The invitation can be
 * copied, shown as a QR code and printed; each expert's paper questionnaire is downloadable as XLSX or PDF.
 */
import { Alert, Button, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemDetail } from '../../../components/problem-words.ts';
import {
  type CreatedSurveyLink,
  questionnaireFileUrl,
  type SurveyDetail,
  useCreateSurveyLink,
  useRevokeSurveyLink,
} from '../../../lib/api/surveys.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { invitationText, linkAddress } from '../model/invitation.ts';
import { LINK_STATE_LABELS } from '../model/labels.ts';

type Expert = SurveyDetail['experts'][number];

export function PanelLinks({ survey }: { readonly survey: SurveyDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const createLink = useCreateSurveyLink(survey.id);
  const revoke = useRevokeSurveyLink(survey.id);
  const [links, setLinks] = useState<ReadonlyMap<number, CreatedSurveyLink>>(new Map());
  const [shown, setShown] = useState<CreatedSurveyLink | null>(null);
  const open = survey.status === 'open';

  const issue = (expertId: number) =>
    createLink.mutate(
      { expertId },
      {
        onSuccess: (link) => {
          setLinks(new Map(links).set(expertId, link));
          setShown(link);
        },
      },
    );
  const remind = (expert: Expert) => {
    const known = links.get(expert.id);
    if (known !== undefined && expert.link.state === 'active') setShown(known);
    else issue(expert.id);
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <p style={{ margin: 0 }}>{t('surveys.links.intro')}</p>
      <Table<Expert>
        data-testid="panel-table"
        size="small"
        rowKey="id"
        dataSource={survey.experts}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('surveys.links.expert'), dataIndex: 'name', key: 'name' },
          { title: t('surveys.links.email'), key: 'email', render: (_, row) => row.email ?? '—' },
          {
            title: t('surveys.links.weight'),
            key: 'weight',
            render: (_, row) => formatNumber(row.weight, language, 2),
          },
          {
            title: t('surveys.links.link'),
            key: 'link',
            render: (_, row) => (
              <Space orientation="vertical" size={0}>
                <Tag data-testid={`link-state-${row.id}`} data-state={row.link.state}>
                  {t(LINK_STATE_LABELS[row.link.state])}
                </Tag>
                {row.link.expiresAt === null ? null : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('surveys.links.expires', { when: formatDateTime(row.link.expiresAt, language) })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('surveys.links.answered'),
            key: 'answered',
            render: (_, row) =>
              `${row.answered}/${row.total}${row.submittedAt === null ? '' : ` · ${t('surveys.links.submitted')}`}`,
          },
          {
            title: t('surveys.links.actions'),
            key: 'actions',
            render: (_, row) => (
              <Space wrap size={4}>
                {row.link.state === 'active' ? (
                  <>
                    <Button
                      size="small"
                      data-testid={`remind-${row.id}`}
                      disabled={!open}
                      onClick={() => remind(row)}
                    >
                      {t('surveys.links.remind')}
                    </Button>
                    <Popconfirm
                      title={t('surveys.links.revokeConfirm', { name: row.name })}
                      okText={t('surveys.links.revoke')}
                      cancelText={t('surveys.create.cancel')}
                      onConfirm={() => revoke.mutate({ expertId: row.id })}
                    >
                      <Button size="small" danger data-testid={`revoke-${row.id}`} disabled={!open}>
                        {t('surveys.links.revoke')}
                      </Button>
                    </Popconfirm>
                  </>
                ) : (
                  <Button
                    size="small"
                    type="primary"
                    data-testid={`issue-link-${row.id}`}
                    disabled={!open || createLink.isPending}
                    onClick={() => issue(row.id)}
                  >
                    {row.link.state === 'none' ? t('surveys.links.create') : t('surveys.links.renew')}
                  </Button>
                )}
                <a href={questionnaireFileUrl(survey.id, row.id, 'xlsx', survey.language)} download>
                  {t('surveys.links.xlsx')}
                </a>
                <a href={questionnaireFileUrl(survey.id, row.id, 'pdf', survey.language)} download>
                  {t('surveys.links.pdf')}
                </a>
              </Space>
            ),
          },
        ]}
      />
      {createLink.error ? <Alert type="error" showIcon title={problemDetail(t, createLink.error)} /> : null}
      {revoke.error ? <Alert type="error" showIcon title={problemDetail(t, revoke.error)} /> : null}
      {shown === null ? null : <InvitationModal link={shown} onClose={() => setShown(null)} />}
    </Space>
  );
}

function InvitationModal({
  link,
  onClose,
}: {
  readonly link: CreatedSurveyLink;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [copied, setCopied] = useState<'text' | 'link' | 'failed' | null>(null);
  const address = linkAddress(window.location.origin, link.path);
  const text = invitationText(link.invitation.text, address);
  const copy = (what: 'text' | 'link') => {
    navigator.clipboard.writeText(what === 'text' ? `${link.invitation.subject}\n\n${text}` : address).then(
      () => setCopied(what),
      () => setCopied('failed'),
    );
  };
  return (
    <Modal
      open
      title={t('surveys.links.invitationFor', { name: link.expert.name })}
      onCancel={onClose}
      footer={
        <Space wrap>
          <Button data-testid="copy-invitation" onClick={() => copy('text')}>
            {t('surveys.links.copyText')}
          </Button>
          <Button data-testid="copy-link" onClick={() => copy('link')}>
            {t('surveys.links.copyLink')}
          </Button>
          <Button onClick={() => window.print()}>{t('surveys.links.print')}</Button>
          <Button type="primary" onClick={onClose}>
            {t('surveys.links.done')}
          </Button>
        </Space>
      }
    >
      <div className="survey-invitation" data-testid="invitation" data-path={link.path}>
        <p style={{ fontWeight: 600 }}>{link.invitation.subject}</p>
        <p style={{ whiteSpace: 'pre-wrap' }} data-testid="invitation-text">
          {text}
        </p>
        <p>
          <a href={address} data-testid="invitation-link" target="_blank" rel="noreferrer">
            {address}
          </a>
        </p>
        <img
          src={link.qr.dataUrl}
          alt={t('surveys.links.qrAlt', { name: link.expert.name })}
          data-testid="invitation-qr"
          style={{ width: 180, height: 180 }}
        />
        <p style={{ fontSize: 12 }}>
          {t('surveys.links.expires', { when: formatDateTime(link.expiresAt, language) })}
        </p>
      </div>
      {copied === null ? null : (
        <Alert
          type={copied === 'failed' ? 'warning' : 'success'}
          showIcon
          data-testid="copied"
          title={copied === 'failed' ? t('surveys.links.copyFailed') : t('surveys.links.copied')}
        />
      )}
    </Modal>
  );
}
