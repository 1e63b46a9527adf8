// The duplicate check while the requester types the system's name and vendor: the server renders the list of
// like systems and requests (the same fragment as after a submit), and the note field appears when there is one.
(function () {
  var box = document.getElementById('duplicates');
  var name = document.getElementById('field-systemName');
  var vendor = document.getElementById('field-vendor');
  var note = document.getElementById('existing-system-note');
  if (!box || !name || !vendor) {
    return;
  }
  var timer = null;
  var asked = '';
  function check() {
    var query = 'systemName=' + encodeURIComponent(name.value.trim()) + '&vendor=' + encodeURIComponent(vendor.value.trim());
    if (query === asked) {
      return;
    }
    asked = query;
    if (name.value.trim().length < 3) {
      box.replaceChildren();
      return;
    }
    fetch(box.dataset.similarUrl + '?' + query, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : ''; })
      .then(function (html) {
        if (query !== asked) {
          return; // an older answer arriving after a newer question
        }
        var found = new DOMParser().parseFromString(html, 'text/html').querySelector('.duplicates');
        box.replaceChildren();
        if (found) {
          box.appendChild(document.importNode(found, true));
          note.hidden = false;
        }
      })
      .catch(function () {
        asked = ''; // ask again at the next keystroke; the check is a help, the form works without it
      });
  }
  function later() {
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  }
  name.addEventListener('input', later);
  vendor.addEventListener('input', later);
})();
