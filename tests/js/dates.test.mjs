// Date arithmetic and wording of the calculator (docs/assets/javascripts/dates.js).
// Expected values are worked out by hand, not by the code under test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { addDays, describeDay, fill, formatDate, isoDate, parseDate, schedule, summary } from "../../docs/assets/javascripts/dates.js";
import { words } from "./words.mjs";

const day = (text) => Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10));

test("parseDate accepts real days only", () => {
  assert.equal(parseDate("2028-02-29"), day("2028-02-29"));
  assert.equal(parseDate("2027-02-29"), null, "2027 is not a leap year");
  assert.equal(parseDate("2027-13-01"), null);
  assert.equal(parseDate("03/12/2027"), null, "the field's value is always yyyy-mm-dd");
  assert.equal(parseDate(""), null);
});

test("adding days crosses month ends, leap days and clock changes", () => {
  assert.equal(isoDate(addDays(day("2027-01-31"), 28)), "2027-02-28");
  assert.equal(isoDate(addDays(day("2028-02-01"), 28)), "2028-02-29");
  assert.equal(isoDate(addDays(day("2027-03-27"), 1)), "2027-03-28");  // UK clocks go forward
  assert.equal(isoDate(addDays(day("2027-12-31"), 1)), "2028-01-01");
});

test("dates in words use the build's names and patterns", () => {
  assert.equal(formatDate(words.dates, day("2027-12-03"), "full"), "Friday 3 December 2027");
  assert.equal(formatDate(words.dates, day("2027-12-06"), "table"), "Mon 6 Dec 2027");
  assert.equal(formatDate(words.dates, day("2027-12-06"), "card"), "Mon 6 Dec");
  assert.equal(formatDate(words.dates, day("2028-02-29"), "table"), "Tue 29 Feb 2028");
});

test("days are described in weeks and days, with plural forms", () => {
  assert.equal(describeDay(words, 0), "Day 0");
  assert.equal(describeDay(words, 6), "Day 6");
  assert.equal(describeDay(words, 7), "Day 7 (1 week)");
  assert.equal(describeDay(words, 8), "Day 8 (1 week 1 day)");
  assert.equal(describeDay(words, 31), "Day 31 (4 weeks 3 days)");
});

test("fill leaves no slot unfilled", () => {
  assert.equal(fill("{a} and {b}", { a: 1, b: "x" }), "1 and x");
});

const data = {
  words,
  plans: {
    last: { name: "Acne scars", resultsFromFirst: false, resultsCheckDays: 84, intervalLabels: { 28: "4 weeks", 10: "10 days" } },
    first: { name: "Fine lines", resultsFromFirst: true, resultsCheckDays: 147, intervalLabels: { 14: "2 weeks" } },
  },
  aftercare: [{ id: "a", day: 1, title: "redness" }, { id: "b", day: 3, title: "flaking" }],
};

test("sessions, aftercare and the results check, counted from the last session", () => {
  const rows = schedule(data, "last", 3, 28);
  assert.deepEqual(rows.map((r) => r.day), [0, 28, 56, 56 + 84]);
  assert.deepEqual(rows.map((r) => r.label), ["Session 1", "Session 2", "Session 3", "Results check"]);
  assert.deepEqual(rows[1].aftercare, [{ title: "redness", day: 29 }, { title: "flaking", day: 31 }]);
  assert.deepEqual(rows[3].aftercare, []);
});

test("results counted from the first session move to one gap after a long plan", () => {
  assert.deepEqual(schedule(data, "first", 2, 14).map((r) => r.day), [0, 14, 147]);
  // 12 sessions 14 days apart end on day 154, after week 21: check at 154 + 14.
  assert.equal(schedule(data, "first", 12, 14).at(-1).day, 168);
});

test("the summary uses the plan's name and the build's interval label", () => {
  assert.equal(summary(data, "last", 1, 10), "Acne scars: 1 session, 10 days apart");
  assert.equal(summary(data, "last", 3, 28, "acne scars"), "acne scars: 3 sessions, 4 weeks apart");
});
