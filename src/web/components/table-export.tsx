/**
 * The one export of a table: wraps any rendered table and offers it as XLSX (figures as numbers) or CSV, exactly
 * as displayed (current filters, sorting and page), read from the rendered table (lib/table-export.ts). ExcelJS
 * loads only when a reader exports. Hidden in print.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob, readRenderedTable, safeFileName, toCellValue, toCsv } from '../lib/table-export.ts';

export interface ExportableTableProps {
  /** The file's name without extension (e.g. "AZ 2016 financial"); default: the page's title. */
  readonly name?: string;
  readonly children: ReactNode;
}

async function downloadXlsx(rows: readonly (readonly string[])[], name: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(safeFileName(name).slice(0, 31));
  rows.forEach((row, i) => {
    const added = sheet.addRow(i === 0 ? [...row] : row.map(toCellValue));
    if (i === 0) added.font = { bold: true };
  });
  const bytes = await workbook.xlsx.writeBuffer();
  downloadBlob(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    `${safeFileName(name)}.xlsx`,
  );
}

export function ExportableTable({ name, children }: ExportableTableProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const rows = () => (box.current === null ? [] : readRenderedTable(box.current));
  const fileName = () => name ?? (document.title || 'HealthBSC');
  return (
    <div style={{ position: 'relative' }}>
      <div className="table-export" style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 4 }}>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'xlsx', label: t('printExport.exportXlsx') },
              { key: 'csv', label: t('printExport.exportCsv') },
            ],
            onClick: ({ key }) => {
              if (key === 'csv') {
                downloadBlob(
                  new Blob([toCsv(rows())], { type: 'text/csv;charset=utf-8' }),
                  `${safeFileName(fileName())}.csv`,
                );
              } else void downloadXlsx(rows(), fileName());
            },
          }}
        >
          <Button
            size="small"
            icon={<DownloadOutlined />}
            aria-label={t('printExport.exportLabel', { what: name ?? t('printExport.table') })}
            data-testid="table-export"
          >
            {t('printExport.export')}
          </Button>
        </Dropdown>
      </div>
      <div ref={box}>{children}</div>
    </div>
  );
}
