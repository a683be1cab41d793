// The calendar file from a Spanish page: the same script, the Spanish words
// the build gives it; names, dates and reminders in Spanish, escaped as RFC 5545 says.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildCalendar } from "../../docs/assets/javascripts/calendar.js";
import { formatDate, schedule } from "../../docs/assets/javascripts/dates.js";
import { spanishWords } from "./words.mjs";

const plan = { name: "Cicatrices de acné", resultsFromFirst: false, resultsCheckDays: 84,
  resultsNote: "Compare con sus fotos, junto con su profesional.", intervalLabels: { 28: "4 semanas" } };
const data = { words: spanishWords, plans: { "acne-scars": plan }, aftercare: [{ id: "a", day: 1, title: "el enrojecimiento suele estar bajando" }] };

function calendar(extra) {
  const start = Date.UTC(2027, 11, 6); // Monday 6 December 2027
  return buildCalendar(spanishWords, plan, Object.assign({ planId: "acne-scars", start, sessions: 2, interval: 28,
    rows: schedule(data, "acne-scars", 2, 28) }, extra), new Date(Date.UTC(2027, 0, 2, 3, 4, 5)), "example.org")
    .replace(/\r\n /g, ""); // unfolded, to read whole lines
}

test("a Spanish page's dates are in Spanish words", () => {
  // 3 December 2027 is a Friday.
  assert.equal(formatDate(spanishWords.dates, Date.UTC(2027, 11, 3), "full"), "viernes, 3 de diciembre de 2027");
  assert.equal(formatDate(spanishWords.dates, Date.UTC(2028, 0, 3), "table"), "lun 3 ene 2028");
});

test("events, reminders and the calendar's name are in Spanish", () => {
  const file = calendar();
  assert.ok(file.includes("PRODID:-//Microneedling explained//Schedule calculator//ES\r\n"));
  assert.ok(file.includes("X-WR-CALNAME:Plan de microneedling: Cicatrices de acné\r\n"), file);
  assert.deepEqual(file.match(/^SUMMARY:.*$/gm).map((l) => l.trim()), [
    "SUMMARY:Microneedling: Sesión 1 (Cicatrices de acné)",
    "SUMMARY:Microneedling: Sesión 2 (Cicatrices de acné)",
    "SUMMARY:Microneedling: Revisión de resultados (Cicatrices de acné)"]);
  assert.equal(file.match(/DESCRIPTION:Mañana: Sesión \d \(Cicatrices de acné\)/g).length, 2, "one Spanish reminder per session");
  // The day after Monday 6 December 2027 is Tuesday 7 December.
  assert.ok(file.includes("DESCRIPTION:Cuidados después de esta sesión:\\nmar 7 dic 2027: el enrojecimiento suele estar bajando"), file);
  assert.ok(!/Session|Tomorrow|Results check|Aftercare/.test(file), "no English words");
});

test("Spanish text is escaped: commas and semicolons in the care text", () => {
  const file = calendar({ careText: "Llame al 911 (Estados Unidos), si tiene; dificultad para respirar" });
  assert.ok(file.includes("Llame al 911 (Estados Unidos)\\, si tiene\\; dificultad para respirar"), file);
  assert.ok(file.includes("Compare con sus fotos\\, junto con su profesional."));
});
