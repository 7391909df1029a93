// Ordo dashboard charts: each [data-chart] element carries its data as JSON in data-series; ECharts draws it.
(function () {
  "use strict";
  if (typeof echarts === "undefined") { return; }
  var styles = getComputedStyle(document.documentElement);
  var primary = styles.getPropertyValue("--primary").trim() || "#1d4ed8";
  var accent = styles.getPropertyValue("--accent").trim() || "#b45309";
  var builders = {
    flow: function (d) {
      return {
        tooltip: { trigger: "axis" }, legend: { data: d.labels }, grid: { left: 40, right: 16, top: 32, bottom: 28 },
        xAxis: { type: "category", data: d.days }, yAxis: { type: "value" },
        series: [{ name: d.labels[0], type: "line", data: d.arrivals, showSymbol: false, color: primary },
                 { name: d.labels[1], type: "line", data: d.completions, showSymbol: false, color: accent }]
      };
    },
    aging: function (d) {
      return {
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } }, legend: { data: d.buckets },
        grid: { left: 40, right: 16, top: 32, bottom: 60 },
        xAxis: { type: "category", data: d.queues, axisLabel: { rotate: 30 } }, yAxis: { type: "value" },
        series: d.buckets.map(function (bucket, i) { return { name: bucket, type: "bar", stack: "age", data: d.counts[i] }; })
      };
    },
    sla: function (d) {
      return {
        tooltip: { trigger: "axis" }, legend: { data: d.labels }, grid: { left: 48, right: 48, top: 40, bottom: 28 },
        xAxis: { type: "category", data: d.weeks },
        yAxis: [{ type: "value", min: 0, max: 100, axisLabel: { formatter: "{value} %" } }, { type: "value" }],
        series: [{ name: d.labels[0], type: "line", data: d.attainment, connectNulls: true, color: primary },
                 { name: d.labels[1], type: "bar", yAxisIndex: 1, data: d.breached, color: accent }]
      };
    },
    trend: function (d) {
      return {
        tooltip: { trigger: "axis" }, legend: { data: d.labels }, grid: { left: 64, right: 64, top: 40, bottom: 28 },
        xAxis: { type: "category", data: d.months },
        yAxis: [{ type: "value" }, { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value} %" } }],
        series: [{ name: d.labels[0], type: "bar", data: d.recovered, color: primary },
                 { name: d.labels[1], type: "bar", data: d.writtenOff, color: accent },
                 { name: d.labels[2], type: "line", yAxisIndex: 1, data: d.attainment, connectNulls: true, color: "#15803d" }]
      };
    },
    forecast: function (d) {
      if (!d.days) { return null; }
      var lower = d.lower, band = d.upper.map(function (u, i) { return Math.max(0, u - lower[i]); });
      return {
        tooltip: { trigger: "axis" }, legend: { data: d.labels }, grid: { left: 40, right: 16, top: 32, bottom: 28 },
        xAxis: { type: "category", data: d.days }, yAxis: { type: "value" },
        series: [{ name: "lower", type: "line", data: lower, stack: "band", lineStyle: { opacity: 0 }, showSymbol: false, silent: true },
                 { name: d.labels[1], type: "line", data: band, stack: "band", lineStyle: { opacity: 0 }, showSymbol: false,
                   areaStyle: { color: primary, opacity: 0.18 } },
                 { name: d.labels[0], type: "line", data: d.expected, color: primary }]
      };
    }
  };
  function draw() {
    document.querySelectorAll("[data-chart]:not([data-rendered])").forEach(function (element) {
      var build = builders[element.getAttribute("data-chart")];
      var option = build ? build(JSON.parse(element.getAttribute("data-series") || "{}")) : null;
      if (!option) { return; }
      // the tooltip lives outside the chart, whose text alternative (role="img") stands for everything inside it
      if (option.tooltip) { option.tooltip.appendToBody = true; }
      var chart = echarts.init(element, null, { renderer: "svg" });
      chart.setOption(option);
      element.setAttribute("data-rendered", "true");
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }
  draw();
  // parts of a page that arrive after its first paint (the dashboard's outlook) bring charts of their own
  document.body.addEventListener("htmx:afterSettle", draw);
})();
