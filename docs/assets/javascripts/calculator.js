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
  const planSelect = $("plan"), startInput = $("start"), error = $("error"), status = $("status");
  const sessionsSelect = $("sessions"), intervalSelect = $("interval"), icsButton = $("ics");
  const state = { planId: planFromAddress(data.plans) || data.defaultPlan };

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
    /* The gaps offered are the labelled ones, shortest first (an object's
     * whole-number keys always come in ascending order). */
    fillSelect(intervalSelect, Object.keys(plan.intervalLabels).map(Number), function (v) { return plan.intervalLabels[v]; }, plan.defaults.intervalDays);
    $("sessions-hint").textContent = plan.sessionsHint;
    $("interval-hint").textContent = plan.intervalHint;
  }

  /* A session's aftercare milestones, dated once there is a start; the
   * results check shows `note` (the plan's results note) instead. */
  function notes(row, start, pattern, note) {
    if (!row.aftercare.length) return note;
    const list = el("ul");
    row.aftercare.forEach(function (c) {
      const when = start === null ? fill(text.dayShort, { day: c.day }) : formatDate(dates, addDays(start, c.day), pattern);
      list.appendChild(el("li", fill(text.milestone, { when: when, title: c.title })));
    });
    return list;
  }

  /* Each step as a table row and as a card for narrow screens (the CSS
   * chooses which shows). */
  function render(rows, start, plan) {
    const body = $("rows"), cards = $("cards");
    body.textContent = cards.textContent = "";
    rows.forEach(function (row) {
      const time = start === null ? null : addDays(start, row.day);
      const tr = body.appendChild(el("tr"));
      tr.appendChild(el("th", row.label, { scope: "row" }));
      tr.appendChild(el("td", describeDay(words, row.day), { "data-days-cell": "" })).hidden = time !== null;
      const dateCell = tr.appendChild(el("td", "", { "data-date-cell": "" }));
      if (time === null) dateCell.hidden = true;
      else dateCell.appendChild(el("time", formatDate(dates, time, "table"), { datetime: isoDate(time) }));
      tr.appendChild(el("td")).appendChild(notes(row, start, "table", document.createTextNode(plan.resultsNote)));
      const card = cards.appendChild(el("li", undefined, { class: "calculator__card" }));
      card.appendChild(el("h3", fill(text.cardHeading, { label: row.label, when: time === null ? describeDay(words, row.day) : formatDate(dates, time, "full") })));
      card.appendChild(notes(row, start, "card", el("p", plan.resultsNote)));
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
    render(state.rows, start, plan);
    root.querySelector("thead [data-date-cell]").hidden = start === null;
    root.querySelector("thead [data-days-cell]").hidden = start !== null;
    $("chosen").textContent = start === null ? "" : fill(text.chosenDate, { date: formatDate(dates, start, "full") });
    icsButton.disabled = start === null;
    const short = summary(data, state.planId, sessions, interval, plan.summaryName);
    const isDefault = sessions === plan.defaults.sessions && interval === plan.defaults.intervalDays;
    $("caption").textContent = $("cards-caption").textContent = start !== null ? fill(text.captionDated, { summary: short, date: formatDate(dates, start, "table") })
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
  $("form").addEventListener("submit", function (event) { event.preventDefault(); update(true); });
  /* "Print this plan" prints the plan alone (body.printing-plan in the
   * print styles); printing the page from the browser's menu prints the page.
   * The day it is printed is in the footer (print-date.js). */
  $("print").addEventListener("click", function () {
    document.body.classList.add("printing-plan");
    window.print();
  });
  window.addEventListener("afterprint", function () { document.body.classList.remove("printing-plan"); });
  icsButton.addEventListener("click", download);
  update(false);
}

document.querySelectorAll("[data-calculator]").forEach(setup);
