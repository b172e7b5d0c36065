/**
 * The small slice of plotly.js's figure format that the helpers in this folder produce.
 *
 * A figure is plain JSON: `data` is a list of traces (one drawable series each) and `layout` holds axes, titles,
 * annotations and the legend. We describe only the fields we use instead of depending on @types/plotly.js, which is
 * large and tracks a different plotly.js version than the renderer bundled in JupyterLab. The index signatures let a
 * learner add any other plotly attribute (https://plotly.com/javascript/reference/) without a type error.
 */

/** A number, or `null` to leave a gap: plotly breaks a line wherever it meets `null`. */
export type Datum = number | string | null;

/** Axis and colour-bar titles are objects in plotly.js 3 (the old plain-string form was removed). */
export interface Title {
  text: string;
  [key: string]: unknown;
}

export interface Line {
  color?: string;
  width?: number;
  dash?: "solid" | "dot" | "dash" | "longdash" | "dashdot";
  shape?: "linear" | "spline" | "hv";
  [key: string]: unknown;
}

export interface Marker {
  color?: string | string[];
  size?: number;
  symbol?: string;
  opacity?: number;
  line?: Line;
  [key: string]: unknown;
}

/** A colour scale: pairs of (position from 0 to 1, CSS colour). */
export type ColorScale = [number, string][];

export interface Trace {
  type: "scatter" | "bar" | "heatmap" | "contour";
  name?: string;
  x?: Datum[];
  y?: Datum[];
  /** Heatmaps and contours: z[row][col], rows follow y and columns follow x. */
  z?: number[][];
  mode?: "markers" | "lines" | "lines+markers" | "text" | "markers+text" | "none";
  line?: Line;
  marker?: Marker;
  text?: string | string[];
  orientation?: "v" | "h";
  /** `toself` closes the trace's outline and fills it: used for error bands. */
  fill?: "none" | "toself" | "tonexty" | "tozeroy";
  fillcolor?: string;
  opacity?: number;
  showlegend?: boolean;
  legendgroup?: string;
  hoverinfo?: string;
  hovertemplate?: string;
  /** Which y-axis to draw on: "y" (left, default) or "y2" (the second axis, e.g. accuracy next to loss). */
  yaxis?: "y" | "y2";
  colorscale?: ColorScale;
  showscale?: boolean;
  zmin?: number;
  zmax?: number;
  colorbar?: { title?: Title; [key: string]: unknown };
  /** Contours: which levels to draw, e.g. { start: 0.5, end: 0.5, size: 1 } for just the 0.5 line. */
  contours?: {
    start?: number;
    end?: number;
    size?: number;
    coloring?: "fill" | "lines" | "none";
    [key: string]: unknown;
  };
  /** Heatmaps: false keeps cells as hard-edged blocks (class regions), "best" blurs them. */
  zsmooth?: false | "fast" | "best";
  /** Draw a line across `null` gaps instead of breaking it. */
  connectgaps?: boolean;
  /** Position in the legend, smaller first, independent of drawing order. */
  legendrank?: number;
  [key: string]: unknown;
}

export interface Axis {
  title?: Title;
  type?: "linear" | "log" | "category";
  range?: [number, number];
  autorange?: boolean | "reversed";
  /** Ties this axis's scale to another ("x"), so that a unit square stays square (ROC curves). */
  scaleanchor?: "x" | "y";
  overlaying?: "x" | "y";
  side?: "left" | "right" | "top" | "bottom";
  constrain?: "range" | "domain";
  showgrid?: boolean;
  zeroline?: boolean;
  gridcolor?: string;
  tickformat?: string;
  /** Distance between ticks; on a log axis 1 means "one tick per power of ten". */
  dtick?: number | string;
  /** Let plotly widen the margin to fit long tick labels. */
  automargin?: boolean;
  [key: string]: unknown;
}

/** A text label placed on the plot in data coordinates (e.g. the count in a confusion-matrix cell). */
export interface Annotation {
  x: Datum;
  y: Datum;
  text: string;
  showarrow?: boolean;
  font?: { color?: string; size?: number; [key: string]: unknown };
  [key: string]: unknown;
}

export interface Layout {
  title?: Title;
  xaxis?: Axis;
  yaxis?: Axis;
  yaxis2?: Axis;
  annotations?: Annotation[];
  showlegend?: boolean;
  legend?: { [key: string]: unknown };
  width?: number;
  height?: number;
  margin?: { l?: number; r?: number; t?: number; b?: number; [key: string]: unknown };
  [key: string]: unknown;
}

export interface Figure {
  data: Trace[];
  layout?: Layout;
}
