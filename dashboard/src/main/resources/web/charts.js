// Charts with Apache ECharts (served by the dashboard from its WebJar as /static/echarts.min.js).
/* global echarts */

const UP = '#3ddc84', DOWN = '#ff6b6b', MUTED = '#a9b3bd', LINE = '#2c3a46';
const key = t => Date.parse(t);
const axisLabel = { color: MUTED };
const split = { lineStyle: { color: LINE } };

function chartOn(el, existing) {
  if (existing && !existing.isDisposed()) return existing;
  return echarts.init(el, null, { renderer: 'canvas' });
}

function find(indicators, prefix) {
  if (!indicators || !indicators.indicators) return [];
  return Object.keys(indicators.indicators).filter(k => k.toUpperCase().startsWith(prefix)).sort()
    .map(k => ({ name: k, value: indicators.indicators[k] }));
}

/** Aligns an indicator series (as long as technical's bars) onto the chart's bars by time. */
function aligner(bars, indicators) {
  const index = new Map((indicators && indicators.bars ? indicators.bars : []).map((b, i) => [key(b.time), i]));
  return series => bars.map(b => {
    const i = index.get(key(b.time));
    const v = i === undefined || !series ? null : series[i];
    return v === null || v === undefined ? '-' : v;
  });
}

/**
 * Candles with volume, EMA, Bollinger Bands and VWAP overlays, RSI and MACD panes, candlestick
 * patterns as pins and chart patterns as shaded ranges.
 */
export function priceChart(el, existing, title, bars, indicators, patterns, chartPatterns) {
  const chart = chartOn(el, existing);
  // A refresh of the same chart keeps the user's zoom.
  const previous = chart.getOption();
  const zoom = previous && previous.title && previous.title[0].text === title && previous.dataZoom ? previous.dataZoom[0] : null;
  const times = bars.map(b => b.time);
  const label = t => { const d = new Date(t); return isNaN(d) ? t : d.toISOString().slice(5, 16).replace('T', ' '); };
  const at = aligner(bars, indicators);
  const byTime = new Map(bars.map((b, i) => [key(b.time), i]));

  const overlays = [];
  for (const e of find(indicators, 'EMA')) overlays.push({ name: e.name, type: 'line', data: at(e.value.value), showSymbol: false, lineStyle: { width: 1.2 } });
  for (const bb of find(indicators, 'BBANDS')) {
    for (const part of ['upper', 'middle', 'lower']) {
      overlays.push({ name: 'BB ' + part, type: 'line', data: at(bb.value[part]), showSymbol: false,
        lineStyle: { width: 1, type: part === 'middle' ? 'dotted' : 'dashed', color: '#8e7cc3' } });
    }
  }
  for (const v of find(indicators, 'VWAP')) overlays.push({ name: 'VWAP', type: 'line', data: at(v.value.value), showSymbol: false, lineStyle: { width: 1.2, color: '#ffb347' } });
  const rsi = find(indicators, 'RSI')[0];
  const macd = find(indicators, 'MACD')[0];

  const pins = (patterns || []).filter(p => byTime.has(key(p.time))).map(p => {
    const b = bars[byTime.get(key(p.time))];
    const bull = String(p.direction).toLowerCase().startsWith('bull');
    // Small triangles under bullish and over bearish bars; the name shows on hover.
    return { name: p.name + ' (' + p.direction + ')', coord: [b.time, bull ? b.low : b.high], value: p.name,
      symbol: 'triangle', symbolSize: 8, symbolRotate: bull ? 0 : 180, symbolOffset: [0, bull ? 10 : -10],
      itemStyle: { color: bull ? UP : DOWN }, label: { show: false } };
  });
  const areas = (chartPatterns || []).filter(p => p.start_time && p.end_time).map(p => [
    { name: p.type + (p.direction ? ' (' + p.direction + ')' : ''), xAxis: nearest(times, p.start_time),
      itemStyle: { color: String(p.direction).toLowerCase().startsWith('bear') ? 'rgba(255,107,107,0.10)' : 'rgba(61,220,132,0.10)' } },
    { xAxis: nearest(times, p.end_time) }]);

  const grids = [
    { left: 60, right: 20, top: 30, height: '44%' },
    { left: 60, right: 20, top: '56%', height: '9%' },
    { left: 60, right: 20, top: '69%', height: '10%' },
    { left: 60, right: 20, top: '84%', height: '10%' }];
  const xAxes = grids.map((g, i) => ({ type: 'category', data: times, gridIndex: i, boundaryGap: true,
    axisLabel: i === 3 ? { ...axisLabel, formatter: label } : { show: false }, axisLine: { lineStyle: { color: LINE } } }));
  const yAxes = [
    { scale: true, gridIndex: 0, axisLabel, splitLine: split },
    { scale: true, gridIndex: 1, axisLabel: { show: false }, splitLine: { show: false }, name: 'volume', nameTextStyle: { color: MUTED } },
    { min: 0, max: 100, gridIndex: 2, axisLabel, splitLine: split, name: rsi ? rsi.name : 'RSI', nameTextStyle: { color: MUTED } },
    { scale: true, gridIndex: 3, axisLabel, splitLine: split, name: macd ? macd.name : 'MACD', nameTextStyle: { color: MUTED } }];

  const series = [
    { name: 'price', type: 'candlestick', data: bars.map(b => [b.open, b.close, b.low, b.high]),
      itemStyle: { color: UP, color0: DOWN, borderColor: UP, borderColor0: DOWN },
      markPoint: { data: pins, tooltip: { formatter: p => p.name } },
      // Chart patterns overlap: their names show on hover rather than piling up at the top.
      markArea: { label: { show: false }, emphasis: { label: { show: true, color: '#e6e9ec', fontSize: 11, position: 'insideTop' } }, data: areas } },
    ...overlays,
    { name: 'volume', type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: bars.map(b => ({ value: b.volume,
      itemStyle: { color: b.close >= b.open ? 'rgba(61,220,132,0.5)' : 'rgba(255,107,107,0.5)' } })) }];
  if (rsi) series.push({ name: rsi.name, type: 'line', xAxisIndex: 2, yAxisIndex: 2, data: at(rsi.value.value), showSymbol: false,
    lineStyle: { width: 1.2, color: '#6cb6ff' },
    markLine: { silent: true, symbol: 'none', lineStyle: { color: MUTED, type: 'dashed' }, data: [{ yAxis: 70 }, { yAxis: 30 }] } });
  if (macd) {
    series.push({ name: 'MACD', type: 'line', xAxisIndex: 3, yAxisIndex: 3, data: at(macd.value.macd), showSymbol: false, lineStyle: { width: 1.2, color: '#6cb6ff' } });
    series.push({ name: 'MACD signal', type: 'line', xAxisIndex: 3, yAxisIndex: 3, data: at(macd.value.signal), showSymbol: false, lineStyle: { width: 1.2, color: '#ffb347' } });
    series.push({ name: 'MACD hist', type: 'bar', xAxisIndex: 3, yAxisIndex: 3, data: at(macd.value.hist).map(v => ({ value: v,
      itemStyle: { color: v !== '-' && v < 0 ? DOWN : UP } })) });
  }

  chart.setOption({
    backgroundColor: 'transparent', animation: false,
    title: { text: bars.length ? title : title + ': no bars', textStyle: { color: '#e6e9ec', fontSize: 13 }, left: 60, top: 4 },
    legend: { top: 4, right: 20, textStyle: { color: MUTED }, data: ['price', ...overlays.map(o => o.name)] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'cross' } },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: grids, xAxis: xAxes, yAxis: yAxes,
    dataZoom: [{ type: 'inside', xAxisIndex: [0, 1, 2, 3], start: zoom ? zoom.start : (bars.length > 120 ? 40 : 0), end: zoom ? zoom.end : 100 }],
    series }, true);
  return chart;
}

function nearest(times, t) {
  const target = key(t);
  let best = times[0];
  for (const x of times) if (key(x) <= target) best = x;
  return best;
}

/** The equity curve above its drawdown; says why when there is nothing to draw. */
export function equityChart(el, existing, points, panel) {
  const chart = chartOn(el, existing);
  const time = p => p.time || p.timestamp || p.date || p.t;
  const equity = p => Number(p.equity ?? p.value ?? p.balance);
  let peak = -Infinity;
  const draw = points.map(p => {
    if (p.drawdown !== undefined || p.drawdown_percent !== undefined) return Number(p.drawdown ?? p.drawdown_percent);
    peak = Math.max(peak, equity(p));
    return peak > 0 ? (equity(p) - peak) / peak * 100 : 0;
  });
  const why = !panel ? '' : panel.state === 'ok' ? (points.length ? '' : 'no equity points yet') : (panel.state === 'down' ? 'down: ' : 'not available yet: ') + panel.problem;
  chart.setOption({
    backgroundColor: 'transparent', animation: false,
    title: { text: why ? 'Equity: ' + why : 'Equity and drawdown', textStyle: { color: '#e6e9ec', fontSize: 13 }, left: 60, top: 0 },
    tooltip: { trigger: 'axis' },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [{ left: 70, right: 20, top: 50, height: '45%' }, { left: 70, right: 20, top: '70%', height: '20%' }],
    xAxis: [0, 1].map(i => ({ type: 'category', gridIndex: i, data: points.map(time), axisLabel: i ? axisLabel : { show: false } })),
    yAxis: [{ scale: true, gridIndex: 0, axisLabel, splitLine: split, name: 'equity', nameTextStyle: { color: MUTED } },
      { gridIndex: 1, axisLabel, splitLine: split, name: 'drawdown %', nameTextStyle: { color: MUTED } }],
    series: [{ name: 'equity', type: 'line', data: points.map(equity), showSymbol: false, lineStyle: { color: '#6cb6ff' } },
      { name: 'drawdown %', type: 'line', xAxisIndex: 1, yAxisIndex: 1, data: draw, showSymbol: false, areaStyle: { color: 'rgba(255,107,107,0.3)' }, lineStyle: { color: DOWN } }]
  }, true);
  return chart;
}
