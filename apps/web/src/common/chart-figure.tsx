import { Suspense, type ReactNode } from 'react';
import { Loading } from '../layout/status';

/**
 * A chart's box: an image named by `description` for screen readers (the figures themselves are in a table
 * near it). Every chart is lazy (ECharts comes in its own chunk), so it waits in a Suspense with "Loading the
 * chart…".
 */
export function ChartFigure({
  description,
  className,
  children,
}: {
  description: string;
  /** The box's class, which sizes it (none: the chart's own height). */
  className?: string;
  /** The (lazy) chart. */
  children: ReactNode;
}) {
  return (
    <div role="img" aria-label={description} className={className}>
      <Suspense fallback={<Loading what="the chart" />}>{children}</Suspense>
    </div>
  );
}
