/* Date arithmetic and filling in the build's words for the schedule
 * calculator.  Pure functions, no page access: tests/js runs them in Node.
 * Every word comes from the build (pipeline/pages/calculator_text.py) as `words`;
 * this file only puts numbers and dates into its {slots}. */

const DAY_MS = 86400000;

export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, function (_, name) { return String(values[name]); });
}

/* English plural forms as the build gives them: [one, other]. */
export function plural(forms, n) {
  return fill(n === 1 ? forms[0] : forms[1], { n: n });
}

/* Same wording as pipeline/pages/calculator_text.py describe_day. */
export function describeDay(words, day) {
  const text = words.text;
  if (day < 7) return fill(text.dayShort, { day: day });
  let span = plural(words.plurals.week, Math.floor(day / 7));
  if (day % 7) span = fill(text.weeksAndDays, { weeks: span, days: plural(words.plurals.day, day % 7) });
  return fill(text.dayLong, { day: day, span: span });
}

/* Dates are whole days counted in UTC, so time zones and daylight-saving
 * changes can never move a session to another day.  Returns null for
 * anything that is not a real yyyy-mm-dd day. */
export function parseDate(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
  if (!match) return null;
  const y = +match[1], m = +match[2], d = +match[3];
  const time = Date.UTC(y, m - 1, d);
  const date = new Date(time);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return time;
}

export function isoDate(time) {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(time, days) {
  return time + days * DAY_MS;
}

/* A date in words with one of the build's patterns ("table", "card", "full"). */
export function formatDate(dates, time, pattern) {
  const d = new Date(time);
  return fill(dates[pattern], {
    weekdayShort: dates.weekdaysShort[d.getUTCDay()], weekdayLong: dates.weekdaysLong[d.getUTCDay()],
    day: d.getUTCDate(), monthShort: dates.monthsShort[d.getUTCMonth()], monthLong: dates.monthsLong[d.getUTCMonth()],
    year: d.getUTCFullYear()
  });
}

/* Same sum as pipeline/pages/schedule.py compute_schedule and results_day. */
export function schedule(data, planId, sessions, interval) {
  const plan = data.plans[planId], text = data.words.text, rows = [];
  for (let n = 1; n <= sessions; n++) {
    const day = (n - 1) * interval;
    rows.push({
      kind: "session", label: fill(text.sessionLabel, { n: n }), day: day,
      aftercare: data.aftercare.map(function (m) { return { title: m.title, day: day + m.day }; })
    });
  }
  const last = (sessions - 1) * interval;
  const check = Math.max((plan.resultsFromFirst ? 0 : last) + plan.resultsCheckDays, last + interval);
  rows.push({ kind: "results", label: text.resultsLabel, day: check, aftercare: [] });
  return rows;
}

/* "Acne scars: 3 sessions, 4 weeks apart" (status) or the lower-case form (caption). */
export function summary(data, planId, sessions, interval, name) {
  const plan = data.plans[planId], words = data.words;
  return fill(words.text.summary, {
    plan: name === undefined ? plan.name : name,
    sessions: plural(words.plurals.session, sessions), interval: plan.intervalLabels[String(interval)]
  });
}
