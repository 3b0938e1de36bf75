// Switching language reloads the page, which used to wipe everything typed into its forms (a
// report half written on /lapor/). Just before the switch, the fields the user filled in are
// kept in this tab's sessionStorage; the next page puts them back into the form with the same
// action and field name, then forgets them. Passwords, files and hidden fields (CSRF tokens,
// record versions) are never kept: the server's values for those must win.
(function () {
  "use strict";
  var KEY = "netra.language-switch.fields";
  var MAX_AGE_MS = 60 * 1000; // only for the reload the switch causes, never a later visit
  var SKIPPED = ["password", "file", "hidden", "submit", "button", "reset", "image"];

  function kept(element) {
    return element.name && !element.disabled && SKIPPED.indexOf(element.type) === -1;
  }

  function formKey(form, index) {
    return form.action + "#" + index;
  }

  function keyedForms() {
    // Two forms with one action (say a list of identical row forms) are told apart by order.
    var seen = {};
    var result = [];
    Array.prototype.forEach.call(document.forms, function (form) {
      if (form.classList.contains("lang")) return;
      var index = (seen[form.action] = (seen[form.action] || 0) + 1);
      result.push([formKey(form, index), form]);
    });
    return result;
  }

  function save() {
    var forms = {};
    keyedForms().forEach(function (pair) {
      var fields = [];
      Array.prototype.forEach.call(pair[1].elements, function (element) {
        if (!kept(element)) return;
        if (element.type === "checkbox" || element.type === "radio") {
          fields.push([element.name, element.value, element.checked]);
        } else if (element.type === "select-multiple") {
          Array.prototype.forEach.call(element.options, function (option) {
            fields.push([element.name, option.value, option.selected]);
          });
        } else if (element.value !== "") {
          fields.push([element.name, element.value]);
        }
      });
      if (fields.length) forms[pair[0]] = fields;
    });
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ at: Date.now(), forms: forms }));
    } catch (error) {
      // Storage full or refused (private mode): the switch still works, without the fields.
    }
  }

  // A select whose options arrive later (the districts of the restored regency, fetched by
  // htmx) gets its value once they are in.
  var pending = [];
  document.addEventListener("htmx:afterSettle", function () {
    pending = pending.filter(function (entry) {
      entry[0].value = entry[1];
      return entry[0].value !== entry[1];
    });
  });

  function restoreField(form, field) {
    var name = field[0];
    var value = field[1];
    Array.prototype.forEach.call(form.elements, function (element) {
      if (element.name !== name || !kept(element)) return;
      if (element.type === "checkbox" || element.type === "radio") {
        if (element.value === value) element.checked = field[2];
      } else if (element.type === "select-multiple") {
        Array.prototype.forEach.call(element.options, function (option) {
          if (option.value === value) option.selected = field[2];
        });
      } else {
        element.value = value;
        if (element.value !== value) pending.push([element, value]);
      }
      // Pages that react to a field (the district list follows the regency) see the change.
      element.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }

  function restore() {
    var stored;
    try {
      stored = JSON.parse(sessionStorage.getItem(KEY) || "null");
      sessionStorage.removeItem(KEY);
    } catch (error) {
      return;
    }
    if (!stored || !stored.forms || Date.now() - stored.at > MAX_AGE_MS) return;
    keyedForms().forEach(function (pair) {
      (stored.forms[pair[0]] || []).forEach(function (field) {
        restoreField(pair[1], field);
      });
    });
  }

  document.addEventListener("submit", function (event) {
    if (event.target.classList && event.target.classList.contains("lang")) save();
  });
  // A deferred script runs before DOMContentLoaded, and htmx wires its triggers (the district
  // list) on that event: restoring after it lets a restored regency fetch its districts.
  if (document.readyState === "complete") {
    restore();
  } else {
    document.addEventListener("DOMContentLoaded", restore);
  }
})();
