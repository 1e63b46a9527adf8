// Small enhancements every page shares; the pages work without them.
(function () {
  // After a failed submit the error summary takes the focus, so a screen reader reads it and the keyboard
  // starts there; each of its links moves the focus to its field.
  var summary = document.querySelector('.error-summary');
  if (summary) {
    summary.focus();
    summary.addEventListener('click', function (event) {
      var link = event.target.closest('a[href^="#"]');
      var field = link && document.getElementById(link.getAttribute('href').slice(1));
      if (field) {
        event.preventDefault();
        field.scrollIntoView({ block: 'center' });
        field.focus();
      }
    });
  }
})();
