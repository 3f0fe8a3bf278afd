/** A judgment scale's meanings (lib/judgment-scale.ts), folded under one line so what follows stays in view on a phone. */
import { Collapse } from 'antd';
import { useTranslation } from 'react-i18next';
import { intensities, meaningKey, type SurveyScale } from '../lib/judgment-scale.ts';

export function ScaleLegend({
  scale,
  open = false,
}: {
  readonly scale: SurveyScale;
  readonly open?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Collapse
      size="small"
      {...(open ? { defaultActiveKey: ['scale'] } : {})}
      items={[
        {
          key: 'scale',
          label: t('judgmentScale.legend', {
            scale: t(scale === 'saaty' ? 'judgmentScale.names.saaty' : 'judgmentScale.names.fivePoint'),
          }),
          children: (
            <dl
              data-testid="scale-legend"
              style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px' }}
            >
              {intensities(scale).map((k) => (
                <div key={k} style={{ display: 'contents' }}>
                  <dt style={{ fontWeight: 600 }}>{k}</dt>
                  <dd style={{ margin: 0 }}>{t(meaningKey(scale, k))}</dd>
                </div>
              ))}
            </dl>
          ),
        },
      ]}
    />
  );
}
