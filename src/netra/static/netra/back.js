// "Back to the form" on a page that refused what was sent: the browser's own back step keeps
// what the user typed in the form, which a link to the form's address would lose. A static
// file rather than an onclick attribute, which the content policy refuses.
(function () {
  "use strict";
  function setUp() {
    document.querySelectorAll("[data-history-back]").forEach(function (button) {
      button.addEventListener("click", function () { history.back(); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
