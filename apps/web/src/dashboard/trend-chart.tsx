import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { MEASURES } from './figures';
import { shortMonth, type TrendPoint } from './trend-range';

// Only what the line charts use, so the lazily loaded chunk stays small.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * NHS blue, solid with circles, and NHS dark grey, dashed with triangles: told apart by colour, by the
 * line's style and by the markers, so by readers who do not see the colours too. Both have more than 3:1
 * contrast with the white page (WCAG 1.4.11).
 */
const LOOKS = [
  { color: '#005eb8', type: 'solid', symbol: 'circle' },
  { color: '#425563', type: 'dashed', symbol: 'triangle' },
] as const;

/**
 * One service's two headline measures, month by month, drawn by ECharts (SVG). Loaded lazily by
 * trend-charts.tsx: ECharts is not in the first page's JavaScript. The chart's accessible name and its
 * data as a table are given by the caller; the drawing itself is hidden from assistive technology.
 */
export default function TrendChart({ points }: { points: TrendPoint[] }) {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, textStyle: { color: '#212b32', fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '–') },
      xAxis: {
        type: 'category',
        data: points.map((p) => shortMonth(p.asOf)),
        axisLabel: { color: '#212b32' },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { color: '#212b32', formatter: '{value}%' },
      },
      series: MEASURES.map((measure, i) => ({
        type: 'line',
        name: `Share of ${measure.name}`,
        data: points.map((p) => p[measure.key]),
        color: LOOKS[i].color,
        symbol: LOOKS[i].symbol,
        symbolSize: 7,
        lineStyle: { width: 3, type: LOOKS[i].type },
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points]);

  return <div ref={element} className="app-trend-chart__canvas" aria-hidden="true" />;
}
