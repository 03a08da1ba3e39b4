import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only what the bar chart uses, so the lazily loaded chunk stays small.
echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** NHS blue bars (more than 3:1 against the white page, WCAG 1.4.11) and NHS black text. */
const BAR = '#005eb8';
const TEXT = '#212b32';
/** Height per bar and for the axis: the chart grows with its rows instead of squeezing them. */
const ROW_HEIGHT = 28;
const AXIS_HEIGHT = 40;

const percent = (value: unknown) => (typeof value === 'number' ? `${value.toFixed(1)}%` : 'No data');

/**
 * One figure per group as horizontal bars, in the order of the table's rows (the first at the top), each
 * labelled with the API's value. Loaded lazily by breakdown.tsx; the caller gives the accessible name, and
 * the table beside it is the data: the drawing itself is hidden from assistive technology.
 */
export default function BreakdownChart({ rows }: { rows: { name: string; value: number | null }[] }) {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: percent },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: TEXT, formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.name),
        axisLabel: { color: TEXT, width: 220, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.value),
          color: BAR,
          barMaxWidth: 20,
          label: { show: true, position: 'right', color: TEXT, formatter: (p: { value: unknown }) => percent(p.value) },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows]);

  return (
    <div
      ref={element}
      className="app-breakdown__canvas"
      style={{ height: `${rows.length * ROW_HEIGHT + AXIS_HEIGHT}px` }}
      aria-hidden="true"
    />
  );
}
