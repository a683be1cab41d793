/* Schedule calculator: adds real dates, a calendar file and a print view to
 * the plain table the page already shows.  All clinical numbers come from the
 * JSON block that the build wrote next to the table; this file only adds
 * whole days to a date.  Nothing typed here leaves the browser. */
(function () {
  "use strict";

  var DAY_MS = 86400000;

  /* Dates are whole days counted in UTC, so time zones and daylight-saving
   * changes can never move a session to another day. */
  function parseDate(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!match) return null;
    var y = +match[1], m = +match[2], d = +match[3];
    var time = Date.UTC(y, m - 1, d);
    var date = new Date(time);
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
    return time;
  }

  function isoDate(time) {
    return new Date(time).toISOString().slice(0, 10);
  }

  /* Made when the first date is shown: setting up a date format costs a
   * phone a long moment that the page's first seconds do not need. */
  var dateFormat = null;
  function longDate(time) {
    dateFormat = dateFormat || new Intl.DateTimeFormat(undefined, {
      timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric"
    });
    return dateFormat.format(time);
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  /* Same wording as macros/schedule.py describe_day. */
  function describeDay(day) {
    if (day < 7) return "Day " + day;
    var text = plural(Math.floor(day / 7), "week");
    if (day % 7) text += " " + plural(day % 7, "day");
    return "Day " + day + " (" + text + ")";
  }

  function intervalText(days) {
    return days % 7 === 0 ? plural(days / 7, "week") : days + " days";
  }

  /* Same sum as macros/schedule.py compute_schedule. */
  function schedule(data, planId, sessions, interval) {
    var plan = data.plans[planId], rows = [];
    for (var n = 1; n <= sessions; n++) {
      var day = (n - 1) * interval;
      rows.push({
        kind: "session", label: "Session " + n, day: day,
        aftercare: data.aftercare.map(function (m) { return { title: m.title, day: day + m.day }; })
      });
    }
    /* Same rule as macros/schedule.py results_day. */
    var last = (sessions - 1) * interval;
    var check = Math.max((plan.resultsFromFirst ? 0 : last) + plan.resultsCheckDays, last + interval);
    rows.push({ kind: "results", label: "Results check", day: check, aftercare: [] });
    return rows;
  }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function when(day, start) {
    return start === null ? "Day " + day : longDate(start + day * DAY_MS);
  }

  function renderRows(body, rows, start, plan) {
    body.textContent = "";
    rows.forEach(function (row) {
      var tr = el("tr");
      tr.appendChild(el("th", row.label, { scope: "row" }));
      tr.appendChild(el("td", describeDay(row.day)));
      var dateCell = el("td", "", { "data-date-cell": "" });
      if (start === null) dateCell.hidden = true;
      else dateCell.appendChild(el("time", longDate(start + row.day * DAY_MS), { datetime: isoDate(start + row.day * DAY_MS) }));
      tr.appendChild(dateCell);
      var notes = el("td");
      if (row.aftercare.length) {
        var list = el("ul");
        row.aftercare.forEach(function (c) { list.appendChild(el("li", when(c.day, start) + ": " + c.title)); });
        notes.appendChild(list);
      } else {
        notes.textContent = plan.resultsNote;
      }
      tr.appendChild(notes);
      body.appendChild(tr);
    });
  }

  function fillSelect(select, values, label, chosen) {
    select.textContent = "";
    values.forEach(function (v) {
      var option = el("option", label(v), { value: String(v) });
      option.selected = v === chosen;
      select.appendChild(option);
    });
  }

  function setup(root) {
    if (root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "");
    var data = JSON.parse(root.querySelector("[data-calculator-data]").content.textContent);
    var $ = function (name) { return root.querySelector("[data-calculator-" + name + "]"); };
    var form = $("form"), planSelect = $("plan"), startInput = $("start"), error = $("error");
    var sessionsSelect = $("sessions"), intervalSelect = $("interval"), status = $("status");
    var icsButton = $("ics"), caption = $("caption"), body = $("rows");
    var state = { rows: [], start: null, planId: data.defaultPlan };

    function choosePlan(planId) {
      var plan = data.plans[planId], counts = [];
      for (var n = plan.sessions.min; n <= plan.sessions.max; n++) counts.push(n);
      fillSelect(sessionsSelect, counts, String, plan.defaults.sessions);
      fillSelect(intervalSelect, plan.intervalChoices, intervalText, plan.defaults.intervalDays);
      /* Worded by the build: a clinic's own values are labelled as the clinic's. */
      $("sessions-hint").textContent = plan.sessionsHint;
      $("interval-hint").textContent = plan.intervalHint;
    }

    function showError(message) {
      error.textContent = message;
      error.hidden = !message;
      if (message) startInput.setAttribute("aria-invalid", "true");
      else startInput.removeAttribute("aria-invalid");
    }

    function update(announce) {
      var plan = data.plans[state.planId];
      var sessions = +sessionsSelect.value, interval = +intervalSelect.value;
      var start = null;
      if (startInput.value || (startInput.validity && startInput.validity.badInput)) {
        start = parseDate(startInput.value);
        var year = start === null ? 0 : new Date(start).getUTCFullYear();
        if (start === null || year < 2000 || year > 2099) {
          start = null;
          showError("Enter a real date between the years 2000 and 2099, for example 15 March 2027.");
        } else showError("");
      } else showError("");
      state.rows = schedule(data, state.planId, sessions, interval);
      state.start = start;
      state.plan = plan; state.sessions = sessions; state.interval = interval;
      renderRows(body, state.rows, start, plan);
      root.querySelectorAll("thead [data-date-cell]").forEach(function (c) { c.hidden = start === null; });
      icsButton.disabled = start === null;
      var summary = plan.name + ": " + plural(sessions, "session") + ", " + intervalText(interval) + " apart";
      var isDefault = sessions === plan.defaults.sessions && interval === plan.defaults.intervalDays;
      var whose = start !== null ? "Your schedule for " : !isDefault ? "Schedule for " :
        plan.defaultsCaption + " ";
      caption.textContent = whose + summary.charAt(0).toLowerCase() + summary.slice(1) +
        (start === null ? "" : ", starting " + longDate(start));
      if (announce) {
        status.textContent = error.hidden
          ? "Schedule updated. " + summary + (start === null ? "." : ". Last session " + longDate(start + state.rows[sessions - 1].day * DAY_MS) + ".")
          : error.textContent;
      }
    }

    choosePlan(state.planId);
    planSelect.addEventListener("change", function () { state.planId = planSelect.value; choosePlan(state.planId); update(true); });
    [startInput, sessionsSelect, intervalSelect].forEach(function (input) {
      input.addEventListener("change", function () { update(true); });
    });
    startInput.addEventListener("blur", function () { update(false); });
    form.addEventListener("submit", function (event) { event.preventDefault(); update(true); });
    $("print").addEventListener("click", function () { window.print(); });
    icsButton.addEventListener("click", function () {
      if (state.start === null) return;
      var file = window.ScheduleCalendar.build(state, location.hostname || "localhost");
      /* A hidden helper link: readers never see it, so it needs no name. */
      var link = el("a", "", { href: URL.createObjectURL(new Blob([file], { type: "text/calendar;charset=utf-8" })), download: "microneedling-plan.ics", target: "_self", hidden: "" });
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      status.textContent = "Calendar file downloaded with " + plural(state.rows.length, "event") + ".";
    });
    update(false);
  }

  function init() {
    document.querySelectorAll("[data-calculator]").forEach(setup);
  }

  /* This file is loaded by the page that shows the calculator, and Material's
   * instant navigation runs it again each time it swaps such a page in. */
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init, { once: true });
  else init();

  window.ScheduleCalculator = { parseDate: parseDate, isoDate: isoDate, schedule: schedule, DAY_MS: DAY_MS };
})();
