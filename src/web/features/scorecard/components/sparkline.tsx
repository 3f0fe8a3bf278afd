/** An indicator's actual values over the trend's periods as a small inline line (sparkline-path.ts). */
import { theme } from 'antd';
import { sparklineGeometry } from '../sparkline-path.ts';

const WIDTH = 72;
const HEIGHT = 20;

export interface SparklineProps {
  readonly values: readonly (number | null)[];
  /** What a screen reader says instead of the drawing (the values in words). */
  readonly label: string;
}

export function Sparkline({ values, label }: SparklineProps) {
  const { token } = theme.useToken();
  const { segments, last } = sparklineGeometry(values, WIDTH, HEIGHT, 2);
  return (
    <svg
      role="img"
      aria-label={label}
      data-testid="sparkline"
      data-points={values.filter((v) => v !== null).length}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      style={{ display: 'block' }}
    >
      {segments.map((points) => (
        <polyline key={points} points={points} fill="none" stroke={token.colorPrimary} strokeWidth={1.5} />
      ))}
      {last === null ? null : <circle cx={last.x} cy={last.y} r={2.5} fill={token.colorPrimary} />}
    </svg>
  );
}
