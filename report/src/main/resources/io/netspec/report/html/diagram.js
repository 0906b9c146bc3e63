// netspec diagram: collapse and expand the Inception modules of the inline Graphviz SVG.
// A module is a cluster <g class="cluster module" data-module="NAME">; collapsing it hides its members
// (class member-NAME: the fan-out point, the four branches and their edges) and draws one line from the
// fan-out point to the concatenation, the module's own node (data-layer="NAME").
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';

  function centre(box) {
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  function titled(svg, title) {
    var groups = svg.querySelectorAll('g.node');
    for (var i = 0; i < groups.length; i++) {
      var t = groups[i].querySelector('title');
      if (t && t.textContent === title) {
        return groups[i];
      }
    }
    return null;
  }

  function bypass(cluster) {
    var name = cluster.getAttribute('data-module');
    var svg = cluster.ownerSVGElement;
    var existing = svg.querySelector('g.bypass-group[data-for="' + name + '"]');
    if (existing) {
      return existing;
    }
    var split = titled(svg, name + '/split');
    var concat = svg.querySelector('g[data-layer="' + name + '"]');
    if (!split || !concat) {
      return null;
    }
    var from = centre(split.getBBox());
    var to = concat.getBBox();
    var group = document.createElementNS(SVG, 'g');
    group.setAttribute('class', 'bypass-group');
    group.setAttribute('data-for', name);
    var line = document.createElementNS(SVG, 'line');
    line.setAttribute('class', 'bypass');
    line.setAttribute('x1', from.x);
    line.setAttribute('y1', from.y);
    line.setAttribute('x2', to.x + to.width / 2);
    line.setAttribute('y2', to.y);
    var note = document.createElementNS(SVG, 'text');
    note.setAttribute('class', 'bypass-note');
    note.setAttribute('x', from.x + 6);
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
    var clusters = modules();
    for (var i = 0; i < clusters.length; i++) {
      (function (cluster) {
        cluster.setAttribute('tabindex', '0');
        cluster.setAttribute('role', 'button');
        setCollapsed(cluster, false);
        cluster.addEventListener('click', function () {
          setCollapsed(cluster, !cluster.classList.contains('collapsed'));
        });
        cluster.addEventListener('keydown', function (event) {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            setCollapsed(cluster, !cluster.classList.contains('collapsed'));
          }
        });
      })(clusters[i]);
    }
    var buttons = document.querySelectorAll('button[data-action]');
    for (var j = 0; j < buttons.length; j++) {
      buttons[j].addEventListener('click', function (event) {
        var collapse = event.currentTarget.getAttribute('data-action') === 'collapse-all';
        var all = modules();
        for (var k = 0; k < all.length; k++) {
          setCollapsed(all[k], collapse);
        }
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
