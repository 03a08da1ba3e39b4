import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { barrierName, SERVICES } from '../common/words';
import type { BarrierMatrix } from './barrier-matrix';

// Only what the bar chart uses; ECharts' core is shared with the trend charts' chunk.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const TEXT = '#212b32';

/**
 * One look per service: NHS dark blue plain, NHS orange with diagonal stripes, NHS aqua green with dots.
 * Their lightness differs (dark, light, middle) and the patterns tell them apart where colours do not (any
 * colour vision, or a grey print); a dark edge gives every bar more than 3:1 contrast with the white page
 * (WCAG 1.4.11), whatever its fill.
 */
const LOOKS = [
  { color: '#003087', decal: undefined },
  {
    color: '#ed8b00',
    decal: {
      symbol: 'rect',
      color: 'rgba(33, 43, 50, 0.55)',
      dashArrayX: [1, 0],
      dashArrayY: [2, 4],
      rotation: -Math.PI / 4,
    },
  },
  {
    color: '#00a499',
    decal: { symbol: 'circle', color: 'rgba(33, 43, 50, 0.6)', symbolSize: 0.5, dashArrayX: 6, dashArrayY: 6 },
  },
] as const;

/** Height for the bars of this many barriers: three bars each, with room between the groups. */
export const chartHeight = (barriers: number) => 96 + barriers * 72;

/**
 * Practices reporting each barrier, per service, as horizontal bars (ECharts, SVG). Loaded lazily by
 * barriers.tsx; the accessible name and the table of the same figures are the caller's, the drawing is
 * hidden from assistive technology.
 */
export default function BarrierChart({ matrix }: { matrix: BarrierMatrix }) {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      baseOption: {
        animation: false,
        grid: { left: 8, right: 40, top: 40, bottom: 8, containLabel: true },
        legend: { top: 0, left: 0, textStyle: { color: TEXT, fontSize: 14 }, itemWidth: 28, itemHeight: 16 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: matrix.categories.map(barrierName),
          axisLabel: { color: TEXT, fontSize: 14, width: 180, overflow: 'break' },
          // Each barrier's band shaded in turn and ruled off: where a service has no bar, its name would
          // otherwise seem to sit between two barriers' bars.
          splitLine: { show: true, lineStyle: { color: '#aeb7bd' } },
          splitArea: { show: true, areaStyle: { color: ['rgba(255, 255, 255, 0)', 'rgba(216, 221, 224, 0.45)'] } },
        },
        series: SERVICES.map((service, i) => ({
          type: 'bar',
          name: service.name,
          // No bar, and no "0", for a barrier no practice reported for this service (the table says 0).
          data: matrix.practices[service.key].map((n) => (n === 0 ? null : n)),
          barMaxWidth: 20,
          itemStyle: { color: LOOKS[i].color, borderColor: TEXT, borderWidth: 1, decal: LOOKS[i].decal },
          label: { show: true, position: 'right', color: TEXT },
        })),
      },
      // On a phone the legend takes three lines: the bars start below them.
      media: [{ query: { maxWidth: 600 }, option: { grid: { top: 96 } } }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [matrix]);

  return (
    <div
      ref={element}
      className="app-barrier-chart__canvas"
      style={{ height: chartHeight(matrix.categories.length) }}
      aria-hidden="true"
    />
  );
}
