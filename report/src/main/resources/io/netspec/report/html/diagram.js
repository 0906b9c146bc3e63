// netspec diagram: zoom, pan, search and row details for the inline SVG diagram, and collapsible Inception
// modules. Hooks (written by SvgDiagram): g.layer[data-layer] with data-kind, data-detail, data-input,
// data-output, data-weights, data-params, data-ops; g.module[data-module]; .member-NAME on what collapsing
// module NAME hides; circle[data-split=NAME], the module's fan-out point; g.viewport holds everything.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';

  function number(n) {
    return Number(n).toLocaleString('en-US');
  }

  function kilo(n) {
    return n >= 1024 ? number(Math.round(n / 1024)) + 'K' : number(n);
  }

  // ---- zoom and pan: the svg's viewBox is the visible part of the drawing
  function Viewer(canvas, svg) {
    var full = svg.getAttribute('viewBox').split(/\s+/).map(Number);
    var view = full.slice();
    svg.setAttribute('width', '100%');
    svg.setAttribute('height', '100%');
    svg.setAttribute('preserveAspectRatio', 'xMidYMin meet');

    function apply() {
      svg.setAttribute('viewBox', view.map(function (v) { return v.toFixed(1); }).join(' '));
    }

    function aspect() {
      return canvas.clientHeight / Math.max(1, canvas.clientWidth);
    }

    this.fit = function () {
      view = [full[0], full[1], full[2], full[2] * aspect()];
      apply();
    };

    this.zoom = function (factor, fx, fy) {
      // fx, fy: the fixed point as a fraction of the canvas
      var w = view[2] * factor;
      var h = view[3] * factor;
      view = [view[0] + (view[2] - w) * fx, view[1] + (view[3] - h) * fy, w, h];
      apply();
    };

    this.pan = function (dx, dy) {
      view[0] -= dx * view[2] / canvas.clientWidth;
      view[1] -= dy * view[3] / canvas.clientHeight;
      apply();
    };

    this.centre = function (box) {
      view[0] = box.x + box.width / 2 - view[2] / 2;
      view[1] = box.y + box.height / 2 - view[3] / 2;
      apply();
    };

    var self = this;
    canvas.addEventListener('wheel', function (event) {
      event.preventDefault();
      var rect = canvas.getBoundingClientRect();
      self.zoom(event.deltaY > 0 ? 1.15 : 1 / 1.15, (event.clientX - rect.left) / rect.width,
          (event.clientY - rect.top) / rect.height);
    }, { passive: false });
    var drag = null;
    canvas.addEventListener('pointerdown', function (event) {
      drag = { x: event.clientX, y: event.clientY, moved: false };
    });
    window.addEventListener('pointermove', function (event) {
      if (drag) {
        var dx = event.clientX - drag.x;
        var dy = event.clientY - drag.y;
        if (drag.moved || Math.abs(dx) + Math.abs(dy) > 3) {
          drag.moved = true;
          canvas.classList.add('panning');
          self.pan(dx, dy);
          drag.x = event.clientX;
          drag.y = event.clientY;
        }
      }
    });
    window.addEventListener('pointerup', function () {
      canvas.classList.remove('panning');
      self.dragged = drag !== null && drag.moved;
      drag = null;
    });
    this.fit();
  }

  // ---- row details
  function show(layer, panel) {
    var all = document.querySelectorAll('g.layer.selected');
    for (var i = 0; i < all.length; i++) {
      all[i].classList.remove('selected');
    }
    layer.classList.add('selected');
    var d = layer.dataset;
    var rows = [['kind', d.kind], ['', d.detail], ['input', d.input], ['output', d.output],
      ['params (weights)', kilo(+d.weights) + (+d.weights >= 1024 ? ' (' + number(d.weights) + ')' : '')],
      ['trainable parameters', number(d.params)], ['ops (multiply-adds)', number(d.ops)]];
    var html = '<h3>' + escape(d.layer) + '</h3><dl>';
    rows.forEach(function (row) {
      if (row[1]) {
        html += '<dt>' + escape(row[0] || 'detail') + '</dt><dd>' + escape(String(row[1])) + '</dd>';
      }
    });
    panel.innerHTML = html + '</dl>';
  }

  function escape(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  // ---- search
  function search(text, viewer, panel, counter) {
    var layers = document.querySelectorAll('g.layer[data-layer]');
    var query = text.trim().toLowerCase();
    var first = null;
    var count = 0;
    for (var i = 0; i < layers.length; i++) {
      var hit = query !== '' && layers[i].getAttribute('data-layer').toLowerCase().indexOf(query) >= 0;
      layers[i].classList.toggle('match', hit);
      if (hit) {
        count++;
        first = first || layers[i];
      }
    }
    document.querySelector('svg.network').classList.toggle('searching', query !== '');
    counter.textContent = query === '' ? '' : count + (count === 1 ? ' row' : ' rows');
    if (first) {
      viewer.centre(first.getBBox());
      show(first, panel);
    }
  }

  // ---- collapsible modules
  function bypass(cluster) {
    var name = cluster.getAttribute('data-module');
    var svg = cluster.ownerSVGElement;
    var existing = svg.querySelector('g.bypass-group[data-for="' + name + '"]');
    if (existing) {
      return existing;
    }
    var split = svg.querySelector('[data-split="' + name + '"]');
    var concat = svg.querySelector('g[data-layer="' + name + '"]');
    if (!split || !concat) {
      return null;
    }
    var from = split.getBBox();
    var to = concat.getBBox();
    var group = document.createElementNS(SVG, 'g');
    group.setAttribute('class', 'bypass-group');
    group.setAttribute('data-for', name);
    var line = document.createElementNS(SVG, 'line');
    line.setAttribute('class', 'bypass');
    line.setAttribute('x1', from.x + from.width / 2);
    line.setAttribute('y1', from.y + from.height / 2);
    line.setAttribute('x2', to.x + to.width / 2);
    line.setAttribute('y2', to.y);
    var note = document.createElementNS(SVG, 'text');
    note.setAttribute('class', 'bypass-note');
    note.setAttribute('x', from.x + from.width / 2 + 6);
    note.setAttribute('y', (from.y + to.y) / 2);
    note.textContent = '4 branches collapsed';
    group.appendChild(line);
    group.appendChild(note);
    cluster.parentNode.appendChild(group);
    return group;
  }

  function setCollapsed(cluster, collapsed) {
    var name = cluster.getAttribute('data-module');
    var members = cluster.ownerSVGElement.querySelectorAll('.member-' + name);
    for (var i = 0; i < members.length; i++) {
      members[i].classList.toggle('collapsed-member', collapsed);
    }
    var line = bypass(cluster);
    if (line) {
      line.style.display = collapsed ? '' : 'none';
    }
    cluster.classList.toggle('collapsed', collapsed);
    cluster.setAttribute('aria-expanded', String(!collapsed));
    var label = cluster.querySelector('text');
    if (label) {
      label.textContent = (collapsed ? '\u25b8 ' : '\u25be ') + name;
    }
  }

  function modules() {
    return document.querySelectorAll('g.module[data-module]');
  }

  function init() {
    var canvas = document.getElementById('diagram');
    var svg = canvas && canvas.querySelector('svg.network');
    if (!svg) {
      return;
    }
    var viewer = new Viewer(canvas, svg);
    var panel = document.getElementById('layer-details');
    var layers = svg.querySelectorAll('g.layer[data-layer]');
    for (var l = 0; l < layers.length; l++) {
      layers[l].addEventListener('click', function (event) {
        event.stopPropagation();
        if (!viewer.dragged) {
          show(event.currentTarget, panel);
        }
      });
    }
    var clusters = modules();
    for (var i = 0; i < clusters.length; i++) {
      (function (cluster) {
        cluster.setAttribute('tabindex', '0');
        cluster.setAttribute('role', 'button');
        setCollapsed(cluster, false);
        cluster.addEventListener('click', function () {
          if (!viewer.dragged) {
            setCollapsed(cluster, !cluster.classList.contains('collapsed'));
          }
        });
        cluster.addEventListener('keydown', function (event) {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            setCollapsed(cluster, !cluster.classList.contains('collapsed'));
          }
        });
      })(clusters[i]);
    }
    var input = document.getElementById('layer-search');
    var counter = document.getElementById('layer-matches');
    input.addEventListener('input', function () {
      search(input.value, viewer, panel, counter);
    });
    var buttons = document.querySelectorAll('button[data-action]');
    for (var j = 0; j < buttons.length; j++) {
      buttons[j].addEventListener('click', function (event) {
        var action = event.currentTarget.getAttribute('data-action');
        if (action === 'zoom-in' || action === 'zoom-out') {
          viewer.zoom(action === 'zoom-in' ? 1 / 1.25 : 1.25, 0.5, 0.5);
        } else if (action === 'fit') {
          viewer.fit();
        } else {
          var all = modules();
          for (var k = 0; k < all.length; k++) {
            setCollapsed(all[k], action === 'collapse-all');
          }
        }
      });
    }
    window.netspecDiagram = viewer;
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
