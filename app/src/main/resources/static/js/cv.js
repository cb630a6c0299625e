/*
 * The CV page's charts (Apache ECharts), drawn over the tables the server rendered: each chart reads the page's JSON
 * (#cv-data: "cv" holds the same fields as /api/v1/cv/{login}, "view" the colours and groupings the tables use), and
 * once drawn folds its table into the "The numbers" disclosure. Without JavaScript, or when a chart fails, the table
 * stays open. Sets data-charts="ready" on <html> when every chart has finished rendering (the browser test waits for
 * it).
 */
(function () {
  'use strict';

  var root = document.documentElement;
  root.classList.add('js');
  var source = document.getElementById('cv-data');
  if (!source || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  var cv = data.cv;
  var view = data.view;

  var TEXT = '#c9d1e0';
  var MUTED = '#8d96a8';
  var GRID_LINE = '#222b3f';
  var COMMITS = '#5b8cff';
  var DAYS = '#2ec4a6';
  var TYPE_COLORS = {
    feat: '#5b8cff', fix: '#f0883e', refactor: '#a371f7', perf: '#f778ba', test: '#3fb950', docs: '#79c0ff',
    style: '#d2a8ff', build: '#e3b341', ci: '#56d4dd', chore: '#8b949e', revert: '#ff7b72', other: '#4a5468'
  };
  var SPARE = ['#ffa657', '#7ee787', '#ff9bce', '#b3bac5', '#a5d6ff', '#ffdf5d'];
  var HEAT = ['#1b2233', '#0e4429', '#006d32', '#26a641', '#39d353'];
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function typeColor(key, i) {
    return TYPE_COLORS[key] || SPARE[i % SPARE.length];
  }

  function formatNumber(n) {
    return Number(n).toLocaleString('en');
  }

  function column(name) {
    return cv.months.columns.indexOf(name);
  }

  /** Every month from the first with commits to the last, "2024-03", with its row (or null). */
  function continuousMonths() {
    var rows = cv.months.rows;
    if (rows.length === 0) {
      return [];
    }
    var byKey = {};
    rows.forEach(function (r) { byKey[r.month] = r; });
    var first = rows[0].month.split('_').map(Number);
    var last = rows[rows.length - 1].month.split('_').map(Number);
    var months = [];
    for (var y = first[0], m = first[1]; y < last[0] || (y === last[0] && m <= last[1]);) {
      var key = y + '_' + (m < 10 ? '0' + m : '' + m);
      months.push({ label: y + '-' + (m < 10 ? '0' + m : '' + m), row: byKey[key] || null });
      m++;
      if (m > 12) { m = 1; y++; }
    }
    return months;
  }

  function base(extra) {
    var o = {
      backgroundColor: 'transparent',
      animation: !reducedMotion,
      textStyle: { color: TEXT, fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
      tooltip: { confine: true },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true }
    };
    Object.keys(extra).forEach(function (k) { o[k] = extra[k]; });
    return o;
  }

  function valueAxis() {
    return {
      type: 'value', axisLabel: { color: MUTED }, splitLine: { lineStyle: { color: GRID_LINE } }
    };
  }

  function categoryAxis(values) {
    return {
      type: 'category', data: values, axisLabel: { color: MUTED }, axisLine: { lineStyle: { color: '#34405c' } },
      axisTick: { show: false }
    };
  }

  function legend() {
    return { top: 0, type: 'scroll', textStyle: { color: TEXT }, pageTextStyle: { color: MUTED },
      pageIconColor: TEXT, itemWidth: 12, itemHeight: 10 };
  }

  var charts = {
    years: function () {
      var years = view.years;
      return base({
        legend: legend(),
        tooltip: { trigger: 'axis', confine: true },
        xAxis: categoryAxis(years.map(function (y) { return String(y.year); })),
        yAxis: valueAxis(),
        series: [
          { name: 'Commits', type: 'bar', color: COMMITS, data: years.map(function (y) { return y.commits; }) },
          { name: 'Commit days', type: 'bar', color: DAYS, data: years.map(function (y) { return y.commit_days; }) }
        ]
      });
    },

    'year-types': function () {
      var years = view.years;
      return base({
        legend: legend(),
        tooltip: { trigger: 'axis', confine: true },
        xAxis: categoryAxis(years.map(function (y) { return String(y.year); })),
        yAxis: valueAxis(),
        series: view.types.map(function (t, i) {
          return {
            name: t.label, type: 'bar', stack: 'types', color: typeColor(t.key, i),
            data: years.map(function (y) { return y.types[i]; })
          };
        })
      });
    },

    daily: function () {
      // every day from the first commit to today, days without commits as 0, and a four-week average over them
      var byDay = {};
      cv.days.forEach(function (d) { byDay[d.day] = d.commits; });
      var bars = [];
      var average = [];
      var recent = [];
      var sum = 0;
      if (cv.days.length > 0) {
        var day = new Date(cv.days[0].day + 'T00:00:00Z');
        var end = new Date(view.today + 'T00:00:00Z');
        for (; day <= end; day.setUTCDate(day.getUTCDate() + 1)) {
          var key = day.toISOString().slice(0, 10);
          var n = byDay[key] || 0;
          bars.push([key, n]);
          recent.push(n);
          sum += n;
          if (recent.length > 28) { sum -= recent.shift(); }
          average.push([key, Math.round(sum / recent.length * 100) / 100]);
        }
      }
      return base({
        legend: legend(),
        tooltip: { trigger: 'axis', confine: true },
        grid: { left: 8, right: 12, top: 36, bottom: 56, containLabel: true },
        xAxis: { type: 'time', axisLabel: { color: MUTED, hideOverlap: true },
          axisLine: { lineStyle: { color: '#34405c' } } },
        yAxis: valueAxis(),
        dataZoom: [
          { type: 'inside' },
          { type: 'slider', height: 22, bottom: 8, borderColor: '#34405c', textStyle: { color: MUTED },
            fillerColor: 'rgba(91,140,255,0.15)', dataBackground: { lineStyle: { color: COMMITS },
              areaStyle: { color: 'rgba(91,140,255,0.3)' } } }
        ],
        series: [
          { name: 'Commits', type: 'bar', color: '#7aa2ff', barMaxWidth: 10, large: true, data: bars },
          { name: 'Four-week average', type: 'line', color: DAYS, showSymbol: false, smooth: true,
            lineStyle: { width: 2 }, data: average }
        ]
      });
    },

    'languages-time': function () {
      var months = continuousMonths();
      var top = view.top_languages;
      var total = column('additions');
      var series = top.map(function (lang) {
        var c = column('additions_' + lang);
        return {
          name: lang, type: 'bar', stack: 'lines', color: view.colors[lang], barCategoryGap: '20%',
          data: months.map(function (m) { return m.row && c >= 0 ? m.row.values[c] : 0; })
        };
      });
      var other = months.map(function (m) {
        if (!m.row) { return 0; }
        var rest = m.row.values[total];
        top.forEach(function (lang) {
          var c = column('additions_' + lang);
          if (c >= 0) { rest -= m.row.values[c]; }
        });
        return Math.max(0, rest);
      });
      if (other.some(function (v) { return v > 0; })) {
        series.push({ name: 'Other', type: 'bar', stack: 'lines', color: view.other_color, data: other });
      }
      return base({
        legend: legend(),
        tooltip: { trigger: 'axis', confine: true, valueFormatter: formatNumber },
        xAxis: categoryAxis(months.map(function (m) { return m.label; })),
        yAxis: valueAxis(),
        series: series
      });
    },

    'languages-share': function (el) {
      var top = view.top_languages;
      var items = top.map(function (lang) {
        return { name: lang, value: cv.languages[lang].additions, itemStyle: { color: view.colors[lang] } };
      });
      var rest = cv.additions - items.reduce(function (s, i) { return s + i.value; }, 0);
      if (rest > 0) {
        items.push({ name: 'Other', value: rest, itemStyle: { color: view.other_color } });
      }
      var total = items.reduce(function (s, i) { return s + i.value; }, 0);
      var narrow = el.clientWidth < 480;
      return base({
        tooltip: { trigger: 'item', confine: true, valueFormatter: formatNumber },
        legend: {
          orient: narrow ? 'horizontal' : 'vertical', type: narrow ? 'plain' : 'scroll', textStyle: { color: TEXT },
          pageTextStyle: { color: MUTED }, pageIconColor: TEXT, itemWidth: 12, itemHeight: 10,
          left: narrow ? 'center' : '58%', top: narrow ? undefined : 'middle', bottom: narrow ? 0 : undefined,
          formatter: function (name) {
            var item = items.filter(function (i) { return i.name === name; })[0];
            return name + '  ' + (total ? (100 * item.value / total).toFixed(1) : '0') + ' %';
          }
        },
        series: [{
          type: 'pie', radius: narrow ? ['30%', '52%'] : ['45%', '75%'], center: narrow ? ['50%', '32%'] : ['30%', '50%'],
          itemStyle: { borderColor: '#171e2e', borderWidth: 2 }, label: { show: false },
          data: items
        }]
      });
    },

    'types-time': function () {
      // months, or quarters over a long span, where months would be bars too thin to read
      var months = continuousMonths();
      var periods = [];
      var quarters = months.length > 36;
      months.forEach(function (m) {
        var label = quarters ? m.label.slice(0, 4) + ' Q' + (Math.floor((Number(m.label.slice(5, 7)) - 1) / 3) + 1)
            : m.label;
        if (periods.length === 0 || periods[periods.length - 1].label !== label) {
          periods.push({ label: label, rows: [] });
        }
        if (m.row) { periods[periods.length - 1].rows.push(m.row); }
      });
      return base({
        legend: legend(),
        tooltip: { trigger: 'axis', confine: true },
        xAxis: categoryAxis(periods.map(function (p) { return p.label; })),
        yAxis: valueAxis(),
        series: view.types.map(function (t, i) {
          var c = column('type_' + t.key);
          return {
            name: t.label, type: 'bar', stack: 'types', color: typeColor(t.key, i), barCategoryGap: '20%',
            data: periods.map(function (p) {
              return c < 0 ? 0 : p.rows.reduce(function (s, r) { return s + r.values[c]; }, 0);
            })
          };
        })
      });
    },

    calendar: function (el) {
      var points = [];
      var counts = [];
      cv.days.forEach(function (d) {
        if (d.day >= view.calendar_from && d.day <= view.today) {
          points.push([d.day, d.commits]);
          counts.push(d.commits);
        }
      });
      return base({
        tooltip: { confine: true, formatter: function (p) {
          return p.value[0] + ': ' + formatNumber(p.value[1]) + (p.value[1] === 1 ? ' commit' : ' commits');
        } },
        visualMap: { show: false, type: 'piecewise', pieces: heatPieces(counts), outOfRange: { color: HEAT[0] } },
        calendar: {
          range: [view.calendar_from, view.today],
          top: 28, left: 36, right: 8, bottom: 8,
          cellSize: ['auto', 'auto'],
          splitLine: { show: false },
          itemStyle: { color: HEAT[0], borderColor: '#171e2e', borderWidth: 2 },
          yearLabel: { show: false },
          dayLabel: { firstDay: 1, nameMap: 'en', color: MUTED, fontSize: 10 },
          monthLabel: { nameMap: 'en', color: MUTED, fontSize: 10 }
        },
        series: [{ type: 'heatmap', coordinateSystem: 'calendar', data: points }]
      });
    },

    'punch-card': function () {
      var hours = [];
      for (var h = 0; h < 24; h++) { hours.push(h < 10 ? '0' + h : String(h)); }
      var points = [];
      var max = 1;
      cv.punch_card.forEach(function (row, day) {
        row.forEach(function (n, hour) {
          points.push([hour, day, n]);
          max = Math.max(max, n);
        });
      });
      return base({
        grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
        tooltip: { confine: true, formatter: function (p) {
          return view.weekdays[p.value[1]] + ' ' + hours[p.value[0]] + ':00 – ' + formatNumber(p.value[2])
              + ' commits';
        } },
        xAxis: { type: 'category', data: hours, splitArea: { show: false }, axisLabel: { color: MUTED },
          axisLine: { show: false }, axisTick: { show: false } },
        yAxis: { type: 'category', data: view.weekdays, inverse: true, axisLabel: { color: MUTED },
          axisLine: { show: false }, axisTick: { show: false } },
        visualMap: { show: false, min: 0, max: max, inRange: { color: ['#1b2233', '#1f3d7a', COMMITS, '#9ec0ff'] } },
        series: [{ type: 'heatmap', data: points, itemStyle: { borderColor: '#171e2e', borderWidth: 2 } }]
      });
    }
  };

  /** Four shades for the days with commits, split at the quartiles of their counts (as GitHub's calendar does). */
  function heatPieces(counts) {
    var sorted = counts.slice().sort(function (a, b) { return a - b; });
    var pieces = [];
    var lo = 1;
    [0.25, 0.5, 0.75, 1].forEach(function (q, i) {
      var hi = sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 1;
      if (i === 3) { hi = Math.max(hi, lo); }
      if (hi >= lo) {
        pieces.push({ min: lo, max: hi, color: HEAT[i + 1] });
        lo = hi + 1;
      }
    });
    return pieces;
  }

  var drawn = [];
  var finished = 0;
  var looped = false;

  function checkReady() {
    if (looped && finished === drawn.length) {
      root.setAttribute('data-charts', 'ready');
    }
  }

  document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
    var build = charts[el.getAttribute('data-chart')];
    if (!build) {
      return;
    }
    try {
      var option = build(el);
      var chart = echarts.init(el, null, { renderer: 'canvas' });
      var done = false;
      chart.on('finished', function () { // once drawn and animated
        if (!done) {
          done = true;
          finished++;
          checkReady();
        }
      });
      chart.setOption(option);
      var scroller = el.closest('.chart-scroll');
      if (scroller) {
        scroller.scrollLeft = scroller.scrollWidth; // the most recent weeks first on a narrow screen
      }
      drawn.push({ el: el, chart: chart, build: build });
      var figure = el.closest('figure');
      var table = figure && figure.querySelector('details.numbers');
      if (table) {
        table.removeAttribute('open');
      }
    } catch (e) {
      console.error('cannot draw the chart ' + el.getAttribute('data-chart') + ': ' + e);
    }
  });
  looped = true;
  checkReady();

  // Charts follow their containers' widths; the language share changes layout when narrow.
  var resizing = 0;
  window.addEventListener('resize', function () {
    cancelAnimationFrame(resizing);
    resizing = requestAnimationFrame(function () {
      drawn.forEach(function (d) {
        d.chart.resize();
        if (d.el.getAttribute('data-chart') === 'languages-share') {
          d.chart.setOption(d.build(d.el), true);
        }
      });
    });
  });
})();
