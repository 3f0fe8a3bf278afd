/**
 * The heatmap, its piecewise visual map and dataZoom (scrolling long category axes), registered on
 * `echarts/core` by the pages that need them, so the overview's chunk does not carry them.
 */
import { HeatmapChart } from 'echarts/charts';
import {
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import { use } from 'echarts/core';

use([HeatmapChart, VisualMapPiecewiseComponent, DataZoomInsideComponent, DataZoomSliderComponent]);
