// Live blueprint: when a weight, target, minimum or the minutes change, fetch the
// blueprint for the edited profile (nothing is saved until "Save").
(function () {
  "use strict";
  var form = document.getElementById("profile-form");
  if (!form) { return; }
  var pending = null;
  var refresh = function () {
    var data = new URLSearchParams(new FormData(form));
    data.delete("csrf_token");
    fetch(form.dataset.blueprint + "?" + data.toString(), { credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var box = document.getElementById("blueprint");
        if (box) { box.outerHTML = html; }
      });
  };
  form.addEventListener("change", function () {
    clearTimeout(pending);
    pending = setTimeout(refresh, 150);
  });
})();
