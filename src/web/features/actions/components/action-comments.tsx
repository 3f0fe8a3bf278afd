/**
 * An action's comments, oldest first, each with its attachments as download links; and a new comment with
 * files (evidence), whose upload shows its progress. Files above the server's limit (20 MB by default) are
 * refused by the server with 413, worded like any problem.
 */
import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Form, Input, List, Progress, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingPanel } from '../../../components/loading-panel.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { attachmentUrl, useActionComments, useAddComment } from '../../../lib/api/actions.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';

export function ActionComments({ actionId }: { readonly actionId: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const comments = useActionComments(actionId);
  const add = useAddComment(actionId);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<{ readonly uid: string; readonly file: File }[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const items = comments.data?.comments ?? [];

  const submit = () => {
    if (text.trim() === '') return;
    setProgress(files.length === 0 ? null : 0);
    add.mutate(
      { text: text.trim(), files: files.map((entry) => entry.file), onProgress: setProgress },
      {
        onSuccess: () => {
          setText('');
          setFiles([]);
        },
        onSettled: () => setProgress(null),
      },
    );
  };

  const fileList: UploadFile[] = files.map(({ uid, file }) => ({ uid, name: file.name, status: 'done' }));

  return (
    <>
      <LoadingPanel
        isLoading={comments.isPending}
        error={comments.error}
        isEmpty={comments.data !== undefined && items.length === 0}
        emptyText={t('actions.comments.empty')}
        minHeight={60}
        onRetry={() => void comments.refetch()}
      >
        <List
          data-testid="action-comment-list"
          dataSource={items}
          renderItem={(comment) => (
            <List.Item key={comment.id} data-testid={`action-comment-${comment.id}`}>
              <div style={{ width: '100%' }}>
                <div style={{ fontSize: 12, opacity: 0.7 }}>
                  {comment.author?.name ?? comment.author?.email ?? t('actions.comments.unknownAuthor')} ·{' '}
                  {formatDateTime(comment.createdAt, language)}
                </div>
                <div style={{ whiteSpace: 'pre-wrap' }}>{comment.text}</div>
                {comment.attachments.length === 0 ? null : (
                  <ul style={{ listStyle: 'none', padding: 0, margin: '4px 0 0' }}>
                    {comment.attachments.map((attachment) => (
                      <li key={attachment.id}>
                        <a
                          href={attachmentUrl(attachment.id)}
                          download={attachment.name}
                          data-testid={`attachment-${attachment.id}`}
                        >
                          <PaperClipOutlined /> {attachment.name}
                        </a>{' '}
                        <span style={{ opacity: 0.7 }}>
                          {t('actions.comments.size', {
                            size: formatNumber(attachment.size / 1024, language, 1),
                          })}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </List.Item>
          )}
        />
      </LoadingPanel>
      <Form layout="vertical" onFinish={submit} style={{ marginTop: 12 }}>
        <ProblemAlert error={add.error} />
        <Form.Item label={t('actions.comments.new')}>
          <Input.TextArea
            rows={3}
            maxLength={10000}
            value={text}
            onChange={(event) => setText(event.target.value)}
            data-testid="action-comment-text"
          />
        </Form.Item>
        <Form.Item>
          <Upload
            multiple
            fileList={fileList}
            beforeUpload={(file) => {
              setFiles((previous) => [...previous, { uid: file.uid, file }]);
              // Kept here and sent after the comment is saved (lib/api/actions.ts useAddComment).
              return false;
            }}
            onRemove={(file) => setFiles((previous) => previous.filter((entry) => entry.uid !== file.uid))}
          >
            <Button icon={<PaperClipOutlined />} data-testid="action-comment-attach">
              {t('actions.comments.attach')}
            </Button>
          </Upload>
        </Form.Item>
        {progress === null ? null : (
          <Progress percent={Math.round(progress * 100)} size="small" data-testid="action-upload-progress" />
        )}
        <Button
          type="primary"
          htmlType="submit"
          loading={add.isPending}
          disabled={text.trim() === ''}
          data-testid="action-comment-submit"
        >
          {t('actions.comments.submit')}
        </Button>
      </Form>
    </>
  );
}
