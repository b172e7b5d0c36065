// The plotting toolkit for the course notebooks. Helpers return plain plotly figures; show() draws one in the
// notebook, savePng() writes one to a file, progress() reports on long loops.
// Notebooks must name this file, `import { show, lossCurves } from "./src/plot/index"`: tslab 1.0.22 resolves a
// local import to `<path>.js` only, so the folder form "./src/plot" is not found in the kernel (scripts can use it).
export { type BarChartOptions, barChart } from "./bar";
export { type BoundaryPoint, type DecisionBoundaryOptions, decisionBoundary } from "./boundary";
export { colorAt, PALETTE, withAlpha } from "./colors";
export { type ConfusionOptions, confusionHeatmap } from "./confusion";
export { type ScatterByGroupOptions, scatterByGroup } from "./groups";
export type { LabelOptions } from "./layout";
export { type LineChartOptions, type LineSeries, lineChart } from "./line";
export { type EpochRecord, lossCurves } from "./loss";
export { extent, linspace } from "./math";
export { plotlyBundlePath, type SavePngOptions, savePng } from "./png";
export { type Progress, type ProgressOptions, progress } from "./progress";
export { type RocCurveData, rocCurve } from "./roc";
export { type ScatterWithLineOptions, scatterWithLine } from "./scatter";
export { PLOTLY_MIME, type ShowOptions, show } from "./show";
export type { Annotation, Axis, ColorScale, Datum, Figure, Layout, Line, Marker, Title, Trace } from "./types";
