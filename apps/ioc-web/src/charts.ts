// ECharts, only the pieces the dashboard draws (a line for sparklines, a map with a colour scale),
// so the bundle stays small (ADR 0030).
import { LineChart, MapChart } from 'echarts/charts';
import { GeoComponent, GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  LineChart,
  MapChart,
  GeoComponent,
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export { echarts };

export function sparkline(element: HTMLElement, values: readonly (number | null)[]): void {
  const chart = echarts.getInstanceByDom(element) ?? echarts.init(element, undefined, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    xAxis: { type: 'category', show: false, data: values.map((_, i) => i) },
    yAxis: { type: 'value', show: false, scale: true },
    series: [{ type: 'line', data: values, symbol: 'none', lineStyle: { width: 2, color: '#0b5cad' } }],
  });
}

/** Charts take their size when drawn: redrawn to fit when the window changes (wall ↔ desk). */
export function fitCharts(): void {
  for (const element of document.querySelectorAll<HTMLElement>('.spark, #map')) {
    echarts.getInstanceByDom(element)?.resize();
  }
}
