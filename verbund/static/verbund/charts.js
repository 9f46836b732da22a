/* Verbund's charts: every <canvas data-chart="ID"> is drawn with the vendored Chart.js from the
 * JSON the server put into <script type="application/json" id="ID"> (Django's json_script), so
 * templates carry no inline script. Readable without colour: each series has its own line dash,
 * point shape and bar pattern, lines are labelled at their end and bars carry their figures.
 * The same figures are always in a table next to the chart (<details>), for screen readers and
 * for anyone who prefers numbers.
 *
 * Spec: {kind: "line"|"bar", horizontal, stacked, unit: "count"|"eur"|"percent"|"score"|"points",
 *        labels: [...], series: [{label, values: [...], style?, colors?: [...]}], min?, max?,
 *        suggestedMax?}
 */
(function () {
  "use strict";
  // Okabe–Ito: distinguishable with the common colour-vision deficiencies.
  var COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];
  var DASHES = [[], [8, 4], [2, 3], [12, 3, 2, 3], [4, 4], [1, 5]];
  var POINTS = ["circle", "rect", "triangle", "rectRot", "star", "crossRot"];
  var PATTERNS = ["solid", "stripes", "dots", "cross", "back", "grid"];
  var language = document.documentElement.lang || "de";

  function formatter(unit) {
    if (unit === "eur") {
      var money = new Intl.NumberFormat(language, { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
      return function (v) { return money.format(v); };
    }
    var number = new Intl.NumberFormat(language, { maximumFractionDigits: unit === "count" ? 0 : 1 });
    if (unit === "percent") return function (v) { return number.format(v) + " %"; };
    return function (v) { return number.format(v); };
  }

  function pattern(kind, colour) {
    if (kind === "solid") return colour;
    var tile = document.createElement("canvas");
    tile.width = tile.height = 8;
    var c = tile.getContext("2d");
    c.fillStyle = colour;
    c.globalAlpha = 0.35;
    c.fillRect(0, 0, 8, 8);
    c.globalAlpha = 1;
    c.strokeStyle = colour;
    c.fillStyle = colour;
    c.lineWidth = 2;
    c.beginPath();
    if (kind === "stripes") { c.moveTo(0, 8); c.lineTo(8, 0); }
    if (kind === "back") { c.moveTo(0, 0); c.lineTo(8, 8); }
    if (kind === "cross") { c.moveTo(0, 8); c.lineTo(8, 0); c.moveTo(0, 0); c.lineTo(8, 8); }
    if (kind === "grid") { c.moveTo(4, 0); c.lineTo(4, 8); c.moveTo(0, 4); c.lineTo(8, 4); }
    c.stroke();
    if (kind === "dots") { c.beginPath(); c.arc(4, 4, 2, 0, 2 * Math.PI); c.fill(); }
    return c.createPattern(tile, "repeat");
  }

  // A series name cut to `width` pixels: "A → B" keeps both ends ("Vennemann Sonder… →
  // Hörnemann Marken…"), anything else is cut at the end. The table and tooltip keep the name.
  function fit(c, text, width) {
    if (c.measureText(text).width <= width) return text;
    var parts = text.split(" → ");
    for (var keep = 24; keep >= 4; keep -= 2) {
      var short = parts.map(function (part) {
        return part.length > keep ? part.slice(0, keep).trim() + "…" : part;
      }).join(" → ");
      if (c.measureText(short).width <= width) return short;
    }
    return null;
  }

  // Direct labels: the series name at the end of each line, the figure on each bar.
  var directLabels = {
    id: "verbundDirectLabels",
    afterDatasetsDraw: function (chart, _args, options) {
      var c = chart.ctx;
      var format = options.format;
      c.save();
      c.font = "12px system-ui, sans-serif";
      c.fillStyle = "#222";
      var lineLabels = [];
      chart.data.datasets.forEach(function (dataset, index) {
        var meta = chart.getDatasetMeta(index);
        if (meta.hidden) return;
        if (chart.config.type === "line") {
          var last = -1;
          dataset.data.forEach(function (v, i) { if (v !== null && v !== undefined) last = i; });
          if (last < 0 || chart.data.datasets.length < 2) return;
          var point = meta.data[last];
          // Above the last point, or below it when that would run into the legend; cut to
          // what fits left of the point (a phone is narrower than two company names).
          var y = point.y - 6 - 13 < chart.chartArea.top ? point.y + 20 : point.y - 6;
          var text = fit(c, dataset.label, point.x - 6 - chart.chartArea.left);
          if (text) lineLabels.push({ text: text, x: point.x - 6, y: y });
          return;
        }
        if (meta.data.length > 24) return;
        // Figures wider than their bar's share of the axis would overlap their neighbours: then
        // none of this series is labelled (tooltip and table have them).
        var area = chart.chartArea;
        var slot = (options.horizontal ? area.bottom - area.top : area.right - area.left) /
          Math.max(meta.data.length, 1) / Math.max(chart.data.datasets.length, 1);
        var fits = options.horizontal ? slot >= 14 : dataset.data.every(function (value) {
          return value === null || value === undefined || c.measureText(format(value)).width <= slot - 2;
        });
        if (!fits) return;
        meta.data.forEach(function (bar, i) {
          var value = dataset.data[i];
          if (value === null || value === undefined) return;
          var text = format(value);
          if (options.horizontal) {
            c.textAlign = "left";
            c.textBaseline = "middle";
            c.fillText(text, Math.max(bar.x, bar.base) + 4, bar.y);
          } else {
            c.textAlign = "center";
            c.textBaseline = "bottom";
            c.fillText(text, bar.x, Math.min(bar.y, bar.base) - 2);
          }
        });
      });
      // Lines ending on the same value would print their names on top of each other: stack
      // the names upwards, at least one text line apart.
      lineLabels.sort(function (a, b) { return b.y - a.y; });
      for (var i = 1; i < lineLabels.length; i++) {
        if (lineLabels[i - 1].y - lineLabels[i].y < 14) lineLabels[i].y = lineLabels[i - 1].y - 14;
      }
      c.textAlign = "right";
      c.textBaseline = "bottom";
      lineLabels.forEach(function (label) {
        c.fillStyle = "rgba(255,255,255,.85)";
        var width = c.measureText(label.text).width;
        c.fillRect(label.x - width - 2, label.y - 13, width + 4, 14);
        c.fillStyle = "#222";
        c.fillText(label.text, label.x, label.y);
      });
      c.restore();
    }
  };

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof Chart === "undefined") return;
    var spec = JSON.parse(source.textContent);
    var format = formatter(spec.unit);
    var line = spec.kind === "line";
    var datasets = spec.series.map(function (series, index) {
      var style = series.style === undefined ? index : series.style;
      var colour = COLOURS[style % COLOURS.length];
      var colours = series.colors || null;
      var patterns = (series.patterns || []).map(function (p, i) {
        return pattern(p, colours ? colours[i] : colour);
      });
      return {
        label: series.label,
        data: series.values,
        borderColor: colours || colour,
        backgroundColor: line ? colour : (patterns.length ? patterns : pattern(PATTERNS[style % PATTERNS.length], colour)),
        borderWidth: line ? 2.5 : 1.5,
        borderDash: line ? DASHES[style % DASHES.length] : undefined,
        pointStyle: POINTS[style % POINTS.length],
        pointRadius: line ? 4 : undefined,
        pointHoverRadius: line ? 6 : undefined,
        spanGaps: true,
        tension: 0
      };
    });
    var valueAxis = {
      beginAtZero: true,
      stacked: !!spec.stacked,
      ticks: { callback: function (v) { return format(v); }, precision: spec.unit === "count" ? 0 : undefined }
    };
    if (spec.min !== undefined) valueAxis.min = spec.min;
    if (spec.max !== undefined) valueAxis.max = spec.max;
    if (spec.suggestedMax !== undefined) valueAxis.suggestedMax = spec.suggestedMax;
    var categoryAxis = { stacked: !!spec.stacked, ticks: { autoSkip: true, maxRotation: 0 } };
    var labels = spec.labels;
    if (!spec.horizontal && !line && labels.length <= 6 && canvas.parentNode.clientWidth < 576) {
      // A few bars on a phone: every bar keeps its name, on as many lines as it needs.
      labels = labels.map(function (label) { return label.indexOf(" ") > 0 ? label.split(" ") : label; });
      categoryAxis.ticks.autoSkip = false;
    }
    new Chart(canvas, {
      type: line ? "line" : "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: spec.horizontal ? "y" : "x",
        layout: { padding: { top: 18 + (line ? 14 * Math.max(spec.series.length - 1, 0) : 0), right: spec.horizontal ? 56 : 12 } },
        scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
        plugins: {
          legend: {
            display: datasets.length > 1,
            labels: {
              usePointStyle: true,
              // Each entry on one line of the chart's width (long company names on a phone).
              generateLabels: function (chart) {
                var items = Chart.defaults.plugins.legend.labels.generateLabels(chart);
                chart.ctx.save();
                chart.ctx.font = "12px system-ui, sans-serif";
                items.forEach(function (item) {
                  item.text = fit(chart.ctx, item.text, chart.width - 40) || item.text.slice(0, 12) + "…";
                });
                chart.ctx.restore();
                return items;
              }
            }
          },
          tooltip: { callbacks: { label: function (item) { return item.dataset.label + ": " + format(item.raw); } } },
          verbundDirectLabels: { format: format, horizontal: !!spec.horizontal }
        }
      },
      plugins: [directLabels]
    });
    canvas.dataset.drawn = "1";
  }

  function drawAll(root) {
    (root || document).querySelectorAll("canvas[data-chart]:not([data-drawn])").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { drawAll(); });
  } else {
    drawAll();
  }
  // Panels swapped in by htmx get their charts too.
  document.addEventListener("htmx:afterSettle", function () { drawAll(); });
})();
