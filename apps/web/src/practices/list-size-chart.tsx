import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ListSizeEntry } from './words';

// Only what this chart uses, so the lazily loaded chunk stays small (ECharts itself is shared with the dashboard's).
echarts.use([LineChart, GridComponent, TooltipComponent, SVGRenderer]);

/**
 * The practice's list size over time, drawn by ECharts (SVG) as steps: a list size holds from its
 * effective date until the next one (DESIGN.md "List size"). NHS blue with circle markers, more than 3:1
 * against the white page (WCAG 1.4.11). Loaded lazily by list-sizes.tsx; its accessible name and its data
 * as a table are given there, the drawing itself is hidden from assistive technology.
 */
export default function ListSizeChart({ entries }: { entries: ListSizeEntry[] }) {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    const oldestFirst = [...entries].reverse();
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toLocaleString('en-GB')} patients` : '–'),
      },
      xAxis: { type: 'time', axisLabel: { color: '#212b32' } },
      // From 0, always: an axis cut above 0 makes a change of a few patients look like a doubling.
      yAxis: {
        type: 'value',
        min: 0,
        axisLabel: { color: '#212b32', formatter: (v: number) => v.toLocaleString('en-GB') },
      },
      series: [
        {
          type: 'line',
          name: 'Registered patients',
          step: 'end',
          data: oldestFirst.map((e) => [e.effectiveDate, e.patients]),
          color: '#005eb8',
          symbol: 'circle',
          symbolSize: 7,
          lineStyle: { width: 3 },
        },
      ],
    });
    element.current?.setAttribute('data-drawn', 'true');
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [entries]);

  return <div ref={element} className="app-list-size-chart__canvas" aria-hidden="true" />;
}
