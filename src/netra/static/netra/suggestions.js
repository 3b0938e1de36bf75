// The report form's name suggestions: a tapped suggestion fills in the person's name, agency
// and position. Delegated, because HTMX swaps the list in after the page has loaded.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-fill-person]");
    if (!button) return;
    var fields = { id_person_name: "name", id_person_agency: "agency", id_person_position: "position" };
    Object.keys(fields).forEach(function (id) {
      var input = document.getElementById(id);
      if (input) input.value = button.dataset[fields[id]];
    });
    var list = document.getElementById("suggestions");
    if (list) list.innerHTML = "";
    var name = document.getElementById("id_person_name");
    if (name) name.focus();
  });
})();
