// A uPlot chart: time series as lines, or categories as bars. The canvas is
// described in words too (role img and a label with the latest and the
// largest values), for screen readers and for tests.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

export type ChartSeries = { label: string; color: string };

export type ChartProps = {
  title: string;
  series: ChartSeries[];
  /** [x values, one array of y values per series]; x is seconds since the epoch, or 0..n-1 for `categories`. */
  data: [number[], ...(number | null)[][]];
  /** Bars over these category names instead of lines over time. */
  categories?: string[];
  /** A fixed x range (seconds) for a live series that is still filling, instead of one stretched over its first points. */
  xRange?: [number, number];
  height?: number;
};

const AXIS = { stroke: '#9fb0a5', grid: { stroke: 'rgba(255,255,255,.06)' }, ticks: { stroke: 'rgba(255,255,255,.1)' } };

function describe({ title, series, data, categories }: ChartProps): string {
  if (data[0].length === 0) return `${title}: no data yet`;
  const parts = series.map((s, i) => {
    const values: number[] = [];
    for (const v of data[i + 1] ?? []) if (typeof v === 'number') values.push(v);
    if (values.length === 0) return `${s.label}: none`;
    if (categories) return `${s.label}: ${categories.map((c, k) => `${c} ${data[i + 1][k] ?? 0}`).join(', ')}`;
    return `${s.label}: now ${values[values.length - 1]}, highest ${Math.max(...values)}`;
  });
  return `${title}. ${parts.join('; ')}`;
}

export function Chart(props: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const xRange = useRef(props.xRange);
  xRange.current = props.xRange;
  const { series, categories, height = 180 } = props;
  const shape = `${series.map((s) => s.label).join('|')}:${categories?.join('|') ?? ''}`;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const bars = categories ? uPlot.paths.bars!({ size: [0.6, 64] }) : undefined;
    const options: uPlot.Options = {
      width: Math.max(200, element.clientWidth),
      height,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: !categories, ...(props.xRange ? { range: (_u: uPlot, min: number, max: number): uPlot.Range.MinMax => xRange.current ?? [min, max] } : {}) }, y: { range: (_u, min, max) => [Math.min(0, min), Math.max(1, max * 1.1)] } },
      axes: [
        categories ? { ...AXIS, values: (_u, ticks) => ticks.map((t) => categories[t] ?? '') , splits: () => categories.map((_, i) => i) } : AXIS,
        AXIS,
      ],
      series: [
        {},
        ...series.map((s) => ({
          label: s.label, stroke: s.color, width: 2, fill: categories ? s.color : `${s.color}22`, points: { show: !categories, size: 5 }, ...(bars ? { paths: bars } : {}),
        })),
      ],
    };
    plot.current = new uPlot(options, props.data as uPlot.AlignedData, element);
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(200, element.clientWidth), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [shape, height]);

  useEffect(() => {
    plot.current?.setData(props.data as uPlot.AlignedData);
  }, [props.data]);

  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <div ref={box} role="img" aria-label={describe(props)} />
    </figure>
  );
}
