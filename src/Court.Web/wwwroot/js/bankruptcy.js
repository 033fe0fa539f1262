// The joint meeting's chart: loads Chart.js (wwwroot/lib/chart.js, from npm) and draws the figures the page
// serialised into data-chart. The table beside it carries the same numbers for readers without script.
(function () {
  "use strict";
  var canvas = document.getElementById("agenda-chart");
  if (!canvas) {
    return;
  }

  var data = JSON.parse(canvas.getAttribute("data-chart") || "{}");
  var script = document.createElement("script");
  script.src = "/lib/chart.js/chart.umd.min.js";
  script.onload = function () {
    var colors = ["#9b1c1c", "#b45309"];
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels || [],
        datasets: (data.series || []).map(function (s, i) {
          return { label: s.label, data: s.data, backgroundColor: colors[i % colors.length] };
        }),
      },
      options: { responsive: true, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    canvas.setAttribute("data-rendered", "true");
  };
  document.head.appendChild(script);
})();
