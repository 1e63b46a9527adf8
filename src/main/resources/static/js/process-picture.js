// Shows the deployed BPMN model with the request's position marked. Progressive enhancement: the step
// list and the sentence above the picture say the same in text, and stay when scripts or the viewer fail.
(function () {
  var figure = document.getElementById('process-figure');
  var canvas = document.getElementById('process-picture');
  if (!canvas || !window.BpmnJS || !window.fetch) {
    return;
  }
  figure.hidden = false;
  var viewer = new window.BpmnJS({ container: canvas });
  var marker = canvas.dataset.ended === 'true' ? 'end-reached' : 'current-activity';

  // The whole model fitted into a phone-sized canvas has unreadable text: below scale 1 the picture
  // starts at scale 1 around the marked element instead, and the user zooms out or pans from there.
  function showPosition(marked) {
    var view = viewer.get('canvas');
    view.zoom('fit-viewport');
    if (view.zoom() >= 1 || !marked.length) {
      return;
    }
    var size = view.getSize();
    view.viewbox({
      x: marked[0].x + marked[0].width / 2 - size.width / 2,
      y: marked[0].y + marked[0].height / 2 - size.height / 2,
      width: size.width,
      height: size.height
    });
  }

  fetch(canvas.dataset.modelUrl, { credentials: 'same-origin' })
    .then(function (response) { return response.text(); })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      var registry = viewer.get('elementRegistry');
      var marked = (canvas.dataset.active || '').split(' ')
        .map(function (id) { return registry.get(id); })
        .filter(Boolean);
      marked.forEach(function (element) { viewer.get('canvas').addMarker(element.id, marker); });
      showPosition(marked);
      // A turned phone or a resized window changes the canvas: show the position again at the new size.
      window.addEventListener('resize', function () {
        viewer.get('canvas').resized();
        showPosition(marked);
      });
      figure.querySelectorAll('[data-zoom]').forEach(function (button) {
        button.addEventListener('click', function () {
          var zoom = button.dataset.zoom;
          if (zoom === 'fit') {
            viewer.get('canvas').zoom('fit-viewport');
          } else {
            viewer.get('zoomScroll').stepZoom(zoom === 'in' ? 1 : -1);
          }
        });
      });
      canvas.dataset.rendered = 'true';
    })
    .catch(function () { figure.hidden = true; });
})();
