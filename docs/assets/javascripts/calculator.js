/* Schedule calculator, page side: adds real dates, session cards, a
 * calendar file and a print view to the plain table the page already shows.
 * Numbers and words come from the JSON the build wrote next to the table
 * (<template data-calculator-data>); dates.js and calendar.js do the sums.
 * Nothing typed here leaves the browser. */
import { addDays, describeDay, fill, formatDate, isoDate, parseDate, plural, schedule, summary } from "./dates.js";
import { buildCalendar } from "./calendar.js";

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
  return node;
}

/* A plan named in the address (?plan=acne-scars or #plan-acne-scars), if it is one of ours. */
function planFromAddress(plans) {
  const hash = /^#plan-(.+)$/.exec(location.hash);
  const id = new URLSearchParams(location.search).get("plan") || (hash ? decodeURIComponent(hash[1]) : null);
  return id !== null && Object.prototype.hasOwnProperty.call(plans, id) ? id : null;
}

function setup(root) {
  if (root.hasAttribute("data-ready")) return;
  root.setAttribute("data-ready", "");
  const data = JSON.parse(root.querySelector("[data-calculator-data]").content.textContent);
  const words = data.words, text = words.text, dates = words.dates;
  const $ = function (name) { return root.querySelector("[data-calculator-" + name + "]"); };
  const form = $("form"), planSelect = $("plan"), startInput = $("start"), error = $("error"), chosen = $("chosen");
  const sessionsSelect = $("sessions"), intervalSelect = $("interval"), status = $("status");
  const icsButton = $("ics"), caption = $("caption"), body = $("rows"), cards = $("cards");
  const state = { rows: [], start: null, planId: planFromAddress(data.plans) || data.defaultPlan };

  function when(day, start, pattern) {
    return start === null ? fill(text.dayShort, { day: day }) : formatDate(dates, addDays(start, day), pattern);
  }

  function fillSelect(select, values, label, selected) {
    select.textContent = "";
    values.forEach(function (v) {
      const option = el("option", label(v), { value: String(v) });
      option.selected = v === selected;
      select.appendChild(option);
    });
  }

  function choosePlan(planId) {
    const plan = data.plans[planId], counts = [];
    for (let n = plan.sessions.min; n <= plan.sessions.max; n++) counts.push(n);
    planSelect.value = planId;
    fillSelect(sessionsSelect, counts, String, plan.defaults.sessions);
    fillSelect(intervalSelect, plan.intervalChoices, function (v) { return plan.intervalLabels[String(v)]; }, plan.defaults.intervalDays);
    $("sessions-hint").textContent = plan.sessionsHint;
    $("interval-hint").textContent = plan.intervalHint;
  }

  function renderRows(rows, start, plan) {
    body.textContent = "";
    rows.forEach(function (row) {
      const tr = el("tr");
      tr.appendChild(el("th", row.label, { scope: "row" }));
      const days = el("td", describeDay(words, row.day), { "data-days-cell": "" });
      days.hidden = start !== null;
      tr.appendChild(days);
      const dateCell = el("td", "", { "data-date-cell": "" });
      if (start === null) dateCell.hidden = true;
      else dateCell.appendChild(el("time", formatDate(dates, addDays(start, row.day), "table"), { datetime: isoDate(addDays(start, row.day)) }));
      tr.appendChild(dateCell);
      const notes = el("td");
      if (row.aftercare.length) {
        const list = el("ul");
        row.aftercare.forEach(function (c) { list.appendChild(el("li", fill(text.milestone, { when: when(c.day, start, "table"), title: c.title }))); });
        notes.appendChild(list);
      } else {
        notes.textContent = plan.resultsNote;
      }
      tr.appendChild(notes);
      body.appendChild(tr);
    });
  }

  /* One card per step for narrow screens (the CSS chooses cards or table). */
  function renderCards(rows, start, plan) {
    cards.textContent = "";
    rows.forEach(function (row) {
      const item = el("li", undefined, { class: "calculator__card" });
      item.appendChild(el("h3", fill(text.cardHeading, { label: row.label, when: start === null ? describeDay(words, row.day) : formatDate(dates, addDays(start, row.day), "full") })));
      if (row.aftercare.length) {
        const list = el("ul");
        row.aftercare.forEach(function (c) { list.appendChild(el("li", fill(text.milestone, { when: when(c.day, start, "card"), title: c.title }))); });
        item.appendChild(list);
      } else {
        item.appendChild(el("p", plan.resultsNote));
      }
      cards.appendChild(item);
    });
  }

  function showError(message) {
    error.textContent = message;
    error.hidden = !message;
    if (message) startInput.setAttribute("aria-invalid", "true");
    else startInput.removeAttribute("aria-invalid");
  }

  function readStart() {
    if (!startInput.value && !(startInput.validity && startInput.validity.badInput)) return showError(""), null;
    const start = parseDate(startInput.value);
    const year = start === null ? 0 : new Date(start).getUTCFullYear();
    if (start === null || year < 2000 || year > 2099) return showError(text.dateError), null;
    showError("");
    return start;
  }

  function update(announce) {
    const plan = data.plans[state.planId];
    const sessions = +sessionsSelect.value, interval = +intervalSelect.value;
    const start = readStart();
    Object.assign(state, { rows: schedule(data, state.planId, sessions, interval), start: start, sessions: sessions, interval: interval });
    renderRows(state.rows, start, plan);
    renderCards(state.rows, start, plan);
    root.querySelectorAll("thead [data-date-cell]").forEach(function (c) { c.hidden = start === null; });
    root.querySelectorAll("thead [data-days-cell]").forEach(function (c) { c.hidden = start !== null; });
    root.classList.toggle("calculator--dated", start !== null);
    chosen.textContent = start === null ? "" : fill(text.chosenDate, { date: formatDate(dates, start, "full") });
    icsButton.disabled = start === null;
    const short = summary(data, state.planId, sessions, interval, plan.summaryName);
    const isDefault = sessions === plan.defaults.sessions && interval === plan.defaults.intervalDays;
    caption.textContent = $("cards-caption").textContent = start !== null ? fill(text.captionDated, { summary: short, date: formatDate(dates, start, "table") })
      : isDefault ? fill(text.captionDefault, { whose: plan.defaultsCaption, summary: short })
        : fill(text.captionChanged, { summary: short });
    $("print-start").textContent = start === null ? text.printNoStart : formatDate(dates, start, "full");
    if (announce) {
      const long = summary(data, state.planId, sessions, interval);
      status.textContent = !error.hidden ? error.textContent : start === null ? fill(text.statusUpdated, { summary: long })
        : fill(text.statusUpdatedDated, { summary: long, date: formatDate(dates, addDays(start, state.rows[sessions - 1].day), "table") });
    }
  }

  function download() {
    if (state.start === null) return;
    const plan = data.plans[state.planId];
    const file = buildCalendar(words, plan, Object.assign({ planId: state.planId, careText: data.careText }, state), new Date(), location.hostname || "localhost");
    /* A hidden helper link: readers never see it, so it needs no name. */
    const link = el("a", "", { href: URL.createObjectURL(new Blob([file], { type: "text/calendar;charset=utf-8" })), download: words.calendar.fileName, target: "_self", hidden: "" });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    status.textContent = fill(text.statusDownloaded, { events: plural(words.plurals.event, state.rows.length) });
  }

  choosePlan(state.planId);
  planSelect.addEventListener("change", function () { state.planId = planSelect.value; choosePlan(state.planId); update(true); });
  [startInput, sessionsSelect, intervalSelect].forEach(function (input) {
    input.addEventListener("change", function () { update(true); });
  });
  startInput.addEventListener("input", function () { update(false); });
  startInput.addEventListener("blur", function () { update(false); });
  form.addEventListener("submit", function (event) { event.preventDefault(); update(true); });
  /* "Print this plan" prints the plan alone (body.printing-plan in the
   * print styles); printing the page from the browser's menu prints the page. */
  function stampToday() {
    const now = new Date();
    $("printed-on").textContent = formatDate(dates, Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()), "full");
  }
  $("print").addEventListener("click", function () {
    stampToday();
    document.body.classList.add("printing-plan");
    window.print();
  });
  window.addEventListener("beforeprint", stampToday);
  window.addEventListener("afterprint", function () { document.body.classList.remove("printing-plan"); });
  icsButton.addEventListener("click", download);
  update(false);
}

function init() {
  document.querySelectorAll("[data-calculator]").forEach(setup);
}

init();
