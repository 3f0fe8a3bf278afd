/** A thin horizontal bar for a 0–100 value: decoration beside a number that is also written out. */
import { theme } from 'antd';

export function MeterBar({ value, color }: { readonly value: number | null; readonly color?: string }) {
  const { token } = theme.useToken();
  const width = value === null || !Number.isFinite(value) ? 0 : Math.max(0, Math.min(100, value));
  return (
    <div
      aria-hidden
      style={{ height: 6, borderRadius: 3, background: token.colorFillSecondary, overflow: 'hidden' }}
    >
      <div style={{ width: `${width}%`, height: '100%', background: color ?? token.colorPrimary }} />
    </div>
  );
}
