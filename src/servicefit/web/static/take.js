// Candidate pages: countdown, time spent, paste reporting, word count, and a retry
// when a save fails because the network dropped (the answer is kept in the page).
(function () {
  "use strict";
  var started = Date.now();
  var form = document.getElementById("answer");
  var timer = document.getElementById("timer");
  if (timer) {
    var left = parseInt(timer.dataset.seconds, 10);
    var tick = function () {
      if (left < 0) { return; }
      var m = Math.floor(left / 60), s = left % 60;
      timer.textContent = m + ":" + (s < 10 ? "0" : "") + s;
      if (left === 0 && form) { form.noValidate = true; }
      left -= 1;
    };
    tick();
    setInterval(tick, 1000);
  }
  if (!form) { return; }
  var field = function (name) { return form.querySelector("input[name='" + name + "']"); };
  form.querySelectorAll("[data-watch-paste]").forEach(function (area) {
    area.addEventListener("paste", function () {
      field("pasted").value = "1";
      var note = document.getElementById("paste-note");
      if (note) { note.hidden = false; }
    });
  });
  var counted = form.querySelector("[data-count-words]");
  var counter = document.getElementById("word-count");
  if (counted && counter) {
    var count = function () {
      var words = counted.value.trim().split(/\s+/).filter(Boolean);
      counter.textContent = String(words.length);
    };
    counted.addEventListener("input", count);
    count();
  }
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) { field("focus_lost").value = "1"; }
  });
  form.addEventListener("submit", function () {
    field("seconds").value = String(Math.round((Date.now() - started) / 100) / 10);
  });
})();
