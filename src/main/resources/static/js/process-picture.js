// Shows the deployed BPMN model with the request's active elements marked. Progressive enhancement:
// the step list on the page says the same in text, and stays when scripts or the viewer are missing.
(function () {
  var figure = document.getElementById('process-figure');
  var canvas = document.getElementById('process-picture');
  if (!canvas || !window.BpmnJS || !window.fetch) {
    return;
  }
  figure.hidden = false;
  var viewer = new window.BpmnJS({ container: canvas });
  fetch(canvas.dataset.modelUrl, { credentials: 'same-origin' })
    .then(function (response) { return response.text(); })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      var active = (canvas.dataset.active || '').split(' ').filter(Boolean);
      var registry = viewer.get('elementRegistry');
      var view = viewer.get('canvas');
      active.filter(function (id) { return registry.get(id); })
        .forEach(function (id) { view.addMarker(id, 'current-activity'); });
      view.zoom('fit-viewport');
    })
    .catch(function () { figure.hidden = true; });
})();
