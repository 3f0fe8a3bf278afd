/** A labelled form row: the label is tied to the control by `id`, so screen readers announce it. */
import { Form } from 'antd';
import type { ReactNode } from 'react';

export function Field({
  id,
  label,
  children,
  help,
}: {
  id: string;
  label: ReactNode;
  children: ReactNode;
  help?: ReactNode;
}) {
  return (
    <Form.Item label={label} htmlFor={id} help={help} layout="vertical" style={{ marginBottom: 12 }}>
      {children}
    </Form.Item>
  );
}
