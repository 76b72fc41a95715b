// Charts of the reports page, drawn from the report's own data block; every figure is also in a table.
(function () {
  'use strict';
  var block = document.getElementById('report-data');
  if (!block || typeof Chart === 'undefined') {
    return;
  }
  var report = JSON.parse(block.textContent);
  // readable names of the codes (channels, categories, causes, stages, statuses) in the reader's language
  var labelBlock = document.getElementById('report-labels');
  var labels = labelBlock ? JSON.parse(labelBlock.textContent) : {};
  function label(code) {
    return Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : code;
  }
  var palette = ['#1f6f8b', '#e07a1f', '#4c9a2a', '#b23a48', '#6c5b7b', '#c9a227', '#2a9d8f', '#8d6e63', '#5c6bc0', '#7f8c8d'];

  function datasets(series) {
    return Object.keys(series).map(function (name, i) {
      return { label: label(name), data: series[name], backgroundColor: palette[i % palette.length], stack: 'received' };
    });
  }

  function stacked(id, title, series) {
    var canvas = document.getElementById(id);
    if (!canvas) { return; }
    new Chart(canvas, {
      type: 'bar',
      data: { labels: report.received.buckets, datasets: datasets(series) },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { title: { display: true, text: title } },
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }

  stacked('chart-channel', 'Received by channel', report.received.byChannel);
  stacked('chart-category', 'Received by category', report.received.byCategory);
  stacked('chart-product', 'Received by product or service', report.received.byProduct);

  new Chart(document.getElementById('chart-sla'), {
    type: 'bar',
    data: {
      labels: report.sla.map(function (s) { return label(s.stage); }),
      datasets: [
        { label: 'met', data: report.sla.map(function (s) { return s.met; }), backgroundColor: '#4c9a2a' },
        { label: 'missed', data: report.sla.map(function (s) { return s.missed; }), backgroundColor: '#b23a48' },
        { label: 'not yet known', data: report.sla.map(function (s) { return s.pending; }), backgroundColor: '#bbbbbb' }
      ]
    },
    options: { animation: false, indexAxis: 'y', responsive: true, maintainAspectRatio: false,
      scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } } }
  });

  new Chart(document.getElementById('chart-backlog'), {
    type: 'bar',
    data: { labels: Object.keys(report.backlog.byAge),
      datasets: [{ label: 'open complaints', data: Object.values(report.backlog.byAge), backgroundColor: '#e07a1f' }] },
    options: { animation: false, responsive: true, maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });

  var causes = report.recurringCauses;
  new Chart(document.getElementById('chart-pareto'), {
    data: {
      labels: causes.map(function (b) { return label(b.name); }),
      datasets: [
        { type: 'bar', label: 'complaints', data: causes.map(function (b) { return b.count; }),
          backgroundColor: '#1f6f8b', yAxisID: 'y' },
        { type: 'line', label: 'cumulative %', data: causes.map(function (b) { return b.cumulativePercent; }),
          borderColor: '#b23a48', backgroundColor: '#b23a48', yAxisID: 'percent' }
      ]
    },
    options: { animation: false, responsive: true, maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } },
        percent: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false } } } }
  });

  if (report.satisfaction) {
    var questions = { 'handling': report.satisfaction.handling, 'outcome': report.satisfaction.outcome,
      'ease of complaining': report.satisfaction.ease };
    var colours = ['#b23a48', '#e07a1f', '#bbbbbb', '#7fb069', '#4c9a2a'];
    new Chart(document.getElementById('chart-satisfaction'), {
      type: 'bar',
      data: { labels: Object.keys(questions),
        datasets: [1, 2, 3, 4, 5].map(function (score) {
          return { label: String(score), backgroundColor: colours[score - 1],
            data: Object.keys(questions).map(function (q) { return questions[q].distribution[score]; }) };
        }) },
      options: { animation: false, indexAxis: 'y', responsive: true, maintainAspectRatio: false,
        scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } }
    });
  }

  if (report.correctiveActions) {
    new Chart(document.getElementById('chart-capa'), {
      type: 'bar',
      data: { labels: Object.keys(report.correctiveActions.openNowByStatus).map(label),
        datasets: [{ label: 'open corrective actions', data: Object.values(report.correctiveActions.openNowByStatus),
          backgroundColor: '#1f6f8b' }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
}());
