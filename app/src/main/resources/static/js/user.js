// The signed-in pages' small script (the Content-Security-Policy allows scripts from this server only, none inline):
// htmx sends the page's CSRF token on every state-changing request, and the repositories table gets its filter and
// sortable columns. Without JavaScript the forms post as plain forms and the table is a plain table.
(function () {
  'use strict';

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }

  document.addEventListener('htmx:configRequest', function (e) {
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header && e.detail.verb !== 'get') {
      e.detail.headers[header] = token;
    }
  });

  // --- the repositories table: filter by text, sort by a column (both kept across htmx swaps of the table) ---
  var state = { filter: '', column: null, descending: false };

  function cellValue(row, column) {
    var cell = row.querySelector('[data-column="' + column + '"]');
    if (!cell) {
      return '';
    }
    return cell.getAttribute('data-sort') !== null ? cell.getAttribute('data-sort') : cell.textContent.trim();
  }

  function compare(a, b) {
    var x = Number(a);
    var y = Number(b);
    if (a !== '' && b !== '' && !isNaN(x) && !isNaN(y)) {
      return x - y;
    }
    return a.localeCompare(b);
  }

  function apply() {
    var table = document.getElementById('repositories-table');
    if (!table) {
      return;
    }
    var words = state.filter.toLowerCase().split(/\s+/).filter(function (w) { return w; });
    var shown = 0;
    table.querySelectorAll('tbody.owner-group').forEach(function (group) {
      var rows = Array.prototype.slice.call(group.querySelectorAll('tr.repository'));
      if (state.column) {
        rows.sort(function (a, b) {
          var c = compare(cellValue(a, state.column), cellValue(b, state.column));
          return state.descending ? -c : c;
        });
        rows.forEach(function (r) { group.appendChild(r); });
      }
      var visible = 0;
      rows.forEach(function (r) {
        var text = (r.getAttribute('data-search') || r.textContent).toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        r.hidden = !match;
        if (match) {
          visible++;
        }
      });
      var head = group.querySelector('tr.group-head');
      if (head) {
        head.hidden = visible === 0 && words.length > 0;
      }
      shown += visible;
    });
    var count = document.getElementById('repositories-shown');
    if (count) {
      count.textContent = words.length ? shown + ' shown' : '';
    }
    table.querySelectorAll('th[data-sort-column]').forEach(function (th) {
      var column = th.getAttribute('data-sort-column');
      th.setAttribute('aria-sort', column === state.column ? (state.descending ? 'descending' : 'ascending')
        : 'none');
    });
  }

  function enhance() {
    var table = document.getElementById('repositories-table');
    if (!table) {
      return;
    }
    var filter = document.getElementById('repositories-filter');
    if (filter && !filter.dataset.ready) {
      filter.dataset.ready = 'true';
      filter.hidden = false;
      filter.addEventListener('input', function () {
        state.filter = filter.value;
        apply();
      });
    }
    table.querySelectorAll('th[data-sort-column]').forEach(function (th) {
      if (th.querySelector('button')) {
        return;
      }
      // the header's text becomes a button: sortable columns are reachable by keyboard
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = th.textContent.trim();
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', function () {
        var column = th.getAttribute('data-sort-column');
        state.descending = state.column === column ? !state.descending : false;
        state.column = column;
        apply();
      });
    });
    apply();
  }

  document.addEventListener('DOMContentLoaded', enhance);
  document.addEventListener('htmx:afterSettle', enhance);
}());
