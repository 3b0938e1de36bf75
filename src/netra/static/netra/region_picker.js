// The region picker: a type-ahead over a real <select data-region-picker>, which stays in the
// form and is what gets submitted. Without JavaScript the plain select works as before.
//
// Typing filters the options by name or code, ignoring case and accents ("jemb", "35.09",
// "jawa timur" all find Kabupaten Jember — Jawa Timur (35.09)); every word typed must match.
// Keys: Down/Up move through the list (Down opens it), Enter chooses, Escape closes it and puts
// back the chosen region, Home/End move the text cursor as usual. ARIA combobox pattern
// (an input with role=combobox controlling a listbox, the active option by
// aria-activedescendant). A multiple select shows its chosen regions as a list, each with a
// remove button, and the type-ahead adds to it.
//
// The select's options are read afresh on each search, so that a list replaced later (the
// districts of a regency, swapped in by htmx) is searched as it is then.
(function () {
  "use strict";
  var SHOWN = 50; // options listed at once; typing narrows the rest
  var TEXT = {
    id: {
      none: "Tidak ada wilayah yang cocok.",
      more: function (n) { return n + " lainnya: ketik untuk mempersempit."; },
      remove: "Hapus",
      chosen: "Wilayah terpilih",
      count: function (n) { return n + " pilihan tersedia."; }
    },
    en: {
      none: "No region matches.",
      more: function (n) { return n + " more: keep typing to narrow them down."; },
      remove: "Remove",
      chosen: "Chosen regions",
      count: function (n) { return n + " choices available."; }
    }
  };
  var text = TEXT[(document.documentElement.lang || "id").slice(0, 2)] || TEXT.id;
  var counter = 0;

  function fold(value) {
    return (value || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(query) {
    return fold(query).split(/\s+/).filter(Boolean);
  }

  var folded = new WeakMap(); // option -> its searchable text, folded once
  function matches(option, terms) {
    var haystack = folded.get(option);
    if (haystack === undefined || haystack.source !== option.text) {
      haystack = { source: option.text, text: fold(option.text + " " + option.value) };
      folded.set(option, haystack);
    }
    haystack = haystack.text;
    return terms.every(function (term) { return haystack.indexOf(term) !== -1; });
  }

  function enhance(select) {
    if (select.dataset.regionPickerReady) return;
    select.dataset.regionPickerReady = "1";
    var multiple = select.multiple;
    var base = (select.id || "region-picker-" + ++counter) + "-picker";
    var wrap = document.createElement("div");
    wrap.className = "region-picker";
    var input = document.createElement("input");
    input.type = "text";
    input.id = base;
    input.className = "region-picker-input";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", base + "-list");
    // A hidden required select would make the browser refuse the form with nothing to show
    // where: the input carries the requirement instead (the server checks it all the same).
    if (select.required) {
      select.required = false;
      if (!multiple) input.required = true;
    }
    var described = select.getAttribute("aria-describedby");
    if (described) input.setAttribute("aria-describedby", described);
    if (select.getAttribute("aria-invalid")) input.setAttribute("aria-invalid", "true");
    var list = document.createElement("ul");
    list.id = base + "-list";
    list.className = "region-picker-list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    var chosen = null;
    if (multiple) {
      chosen = document.createElement("ul");
      chosen.className = "region-picker-chosen plain";
      chosen.setAttribute("aria-label", text.chosen);
      wrap.appendChild(chosen);
    }
    wrap.appendChild(input);
    wrap.appendChild(list);
    wrap.appendChild(status);
    select.parentNode.insertBefore(wrap, select.nextSibling);
    // The label names the input now; the select stays in the form, out of sight and reach.
    if (select.id) {
      document.querySelectorAll('label[for="' + select.id + '"]').forEach(function (label) {
        label.htmlFor = input.id;
      });
    }
    select.hidden = true;
    select.tabIndex = -1;
    select.setAttribute("aria-hidden", "true");

    var shown = []; // the options listed, in order
    var active = -1;

    function selectedOption() {
      return select.selectedIndex >= 0 ? select.options[select.selectedIndex] : null;
    }

    function showSelection() {
      if (multiple) {
        chosen.textContent = "";
        Array.prototype.forEach.call(select.options, function (option) {
          if (!option.selected || !option.value) return;
          var item = document.createElement("li");
          var name = document.createElement("span");
          name.textContent = option.text;
          var remove = document.createElement("button");
          remove.type = "button";
          remove.className = "link";
          remove.textContent = text.remove;
          remove.setAttribute("aria-label", text.remove + " " + option.text);
          remove.addEventListener("click", function () {
            option.selected = false;
            changed();
            input.focus();
          });
          item.appendChild(name);
          item.appendChild(document.createTextNode(" "));
          item.appendChild(remove);
          chosen.appendChild(item);
        });
        return;
      }
      var option = selectedOption();
      input.value = option && option.value ? option.text : "";
    }

    function changed() {
      showSelection();
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      var items = list.querySelectorAll("[role=option]");
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) {
        item.classList.toggle("active", i === active);
        item.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function open(query) {
      var terms = words(query);
      var found = Array.prototype.filter.call(select.options, function (option) {
        return option.value && !option.disabled && !(multiple && option.selected) &&
          matches(option, terms);
      });
      shown = found.slice(0, SHOWN);
      list.textContent = "";
      shown.forEach(function (option, i) {
        var item = document.createElement("li");
        item.id = base + "-option-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = option.text;
        // mousedown, not click: the input keeps its focus (no blur closing the list first).
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(i);
        });
        list.appendChild(item);
      });
      if (!found.length) {
        var none = document.createElement("li");
        none.className = "region-picker-note";
        none.textContent = text.none;
        list.appendChild(none);
      } else if (found.length > shown.length) {
        var more = document.createElement("li");
        more.className = "region-picker-note";
        more.textContent = text.more(found.length - shown.length);
        list.appendChild(more);
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      input.removeAttribute("aria-activedescendant");
      active = -1;
      status.textContent = found.length ? text.count(found.length) : text.none;
      if (terms.length && shown.length) setActive(0);
    }

    function choose(index) {
      var option = shown[index];
      if (!option) return;
      option.selected = true;
      close();
      if (multiple) input.value = "";
      changed();
    }

    input.addEventListener("input", function () { open(input.value); });
    input.addEventListener("click", function () {
      if (list.hidden) open(multiple ? input.value : "");
    });
    input.addEventListener("focus", function () {
      if (!multiple) input.select();
    });
    input.addEventListener("keydown", function (event) {
      var isOpen = !list.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!isOpen) open(multiple ? input.value : "");
        else setActive(active + 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (!isOpen) open(multiple ? input.value : "");
        else setActive(active - 1);
      } else if (event.key === "Enter") {
        // Enter with the list open chooses; it never submits the form half chosen.
        if (isOpen) {
          event.preventDefault();
          if (active >= 0) choose(active);
        }
      } else if (event.key === "Escape") {
        if (isOpen) {
          event.preventDefault();
          close();
          if (multiple) input.value = "";
          else showSelection();
        }
      } else if (event.key === "Tab") {
        close();
      }
    });
    input.addEventListener("blur", function () {
      close();
      if (multiple) {
        input.value = "";
        return;
      }
      // Emptied on purpose: the select's blank choice, where it has one; else back to the
      // chosen region (typed text that chose nothing never stands for a choice).
      if (!input.value.trim()) {
        var blank = Array.prototype.find.call(select.options, function (o) { return !o.value; });
        if (blank && !blank.selected) {
          blank.selected = true;
          changed();
          return;
        }
      }
      showSelection();
    });
    // Someone else set the select (the language switch restoring a form, htmx swapping in
    // new options): show what it holds now.
    select.addEventListener("change", showSelection);
    select.addEventListener("region-picker:sync", showSelection);
    new MutationObserver(showSelection).observe(select, { childList: true, subtree: true });
    showSelection();
  }

  function setUp(root) {
    (root || document).querySelectorAll("select[data-region-picker]").forEach(enhance);
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    setUp(event.target);
    document.querySelectorAll("select[data-region-picker]").forEach(function (select) {
      select.dispatchEvent(new Event("region-picker:sync"));
    });
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { setUp(); });
  else setUp();
})();
