"""Every word the build writes outside the calculator, in each language.

The calculator's own words are in calculator_text.py (they are also sent to
its scripts).  Words that come from the site's content (warning signs, plan
names, milestone titles, the publisher setting) are in docs/_data/ and their
Spanish twins (*.es.yml), never here.  Templates (overrides/) take their words
from `template_words(lang)`, which the glue puts in config.extra.site_words.

Both languages have the same keys and the same `{slots}` (tests/unit/test_wording.py).
"""
from __future__ import annotations

from .calculator_text import MONTHS, SPANISH_MONTHS, fill
from .language import language_folder

WORDS: dict[str, dict[str, str]] = {
    "en": {
        # Ranges of numbers from the protocol file.
        "range": "{low} to {high}",
        "rangeWeeks": "{low} to {high} weeks",
        "rangeDays": "{low} to {high} days",
        "resultsWeeks": "{weeks} weeks",
        "resultsMonths": "about {months} months",
        "resultsAfterFirst": "{amount} after your first session",
        "resultsAfterLast": "{amount} after your last session",
        "resultsNote": "Studies judged results {time}. Compare with your starting photos, with your clinician.",
        # The calculator's captions and hints (render.py).
        "captionClinic": "{clinic}'s usual schedule for",
        "captionMixed": "Schedule for",
        "captionTypical": "Typical schedule for",
        "captionStudies": "A schedule studies used for",
        "studiesUsed": "Studies used {range}",
        "hintEnd": "{studies}.",
        "hintClinicSessions": "{studies}; {clinic} usually plans {sessions}.",
        "hintNoTypical": "{studies}; no source gives a usual number.",
        "hintTypical": "{studies}; {typical} is typical.",
        "hintClinicInterval": "{studies}; {clinic} usually plans {interval}.",
        "calcLegend": "Work out your own dates",
        "calcPlan": "What is being treated",
        "calcStart": "Date of your first session",
        "calcSessions": "Number of sessions",
        "calcInterval": "Time between sessions",
        "calcIcs": "Download to your calendar (.ics)",
        "calcPrint": "Print this plan",
        "colStep": "Step",
        "colDays": "Days from first session",
        "colDate": "Date",
        "colAftercare": "Aftercare milestones",
        "calcPrivacy": "Nothing you enter here leaves your device. The dates are worked out by your own browser, "
                       "and nothing is sent to us or to anyone else.",
        # The aftercare table.
        "treatmentDay": "Treatment day",
        "aftercareCaption": "What to expect after each session, day by day",
        "colWhen": "When",
        "colWhat": "What to expect and do",
        # The plans table.
        "colTreated": "What is treated",
        "colStudySessions": "Sessions in studies",
        "colGap": "Time between sessions",
        "colEvidence": "Strength of evidence",
        "often": " (often {typical})",
        "evidence.moderate": "Moderate",
        "evidence.low": "Low",
        "evidence.very low": "Very low",
        # The reference list and each page's sources.
        "whatWeChecked": "What we checked: {checked}.",
        "checked.full text": "full text",
        "checked.abstract": "abstract",
        "checked.secondary source": "secondary source",
        "checked.not seen": "not seen",
        "sourcePage": "Source page",
        "sourcesHeading": "Sources for this page",
        "sourceName": "Source {number}: {label}",
        # The box at the end of condition and treatment pages (Markdown).
        "ctaNoClinic": "**Thinking about microneedling?** Talk it through with a qualified practitioner, such as a "
                       "dermatologist, before you book. Take our [questions to ask a practitioner]({questions}) with you.",
        "ctaLabel": "Next step",
        "planLink": "**Plan your dates:** [work out a schedule for {plan}]({target}).",
        "ctaTalkTo": "**Talk to {clinic}.** ",
        "ctaContactLabel": "Contact {clinic}",
        "ctaBeforeYouBook": "Before you book, read our [questions to ask a practitioner]({questions}).",
        "clinicPlanBoth": "{clinic}'s usual plan for {own}. This is the clinic's own choice, within what studies used: {studies}.",
        "clinicPlanOne": "{clinic} usually plans {own}. This is the clinic's own choice, within what studies used: {studies}.",
        "studiesSessions": "{range} sessions",
        "studiesInterval": "{range} apart",
        "bothStudies": "{sessions}, {interval}",
        "ownSessions": "{sessions} for {plan}",
        "ownInterval": "{interval} between sessions for {plan}",
        "call": "Call {phone}",
        "book": "Book an appointment",
        # Care cards (pipeline/data/warning_signs.py).
        "cardContactHeading": "Contact your clinic or a doctor",
        "cardContactAction": "Contact them soon if you have:",
        "cardUrgentHeading": "Get help now",
        "cardUrgentAction": "Go to urgent care, if you have:",
        "cardUrgentActionAdvice": "Go to urgent care, or call {advice} for advice, if you have:",
        "cardEmergencyHeading": "Call {numbers}",
        "cardEmergencyLocal": "Call your local emergency number",
        "cardEmergencyAction": "Call now if you have:",
        # Under the emergency card's numbers, for readers elsewhere ("": no line).
        # The English pages are written for the countries whose numbers the card
        # gives; Spanish readers live in many countries besides those.
        "cardEmergencyElsewhere": "",
        "numberIn": "{number} ({country})",
        "or": " or ",
        # Dates in words (review dates, corrections).
        "longDate": "{day} {month} {year}",
        # The review box at the end of every page (page_footer.py, governance.status_text).
        "ourEditors": "our editors",
        "checkedBy": "Checked by {who} on {date}.",
        "notReviewed": "Not yet reviewed by a clinician.",
        "reviewedBy": "Reviewed by {who}, on {date}{covers}.",
        "changedSince": "This page has changed since clinical review on {date} by {who}{covers}; "
                        "the changes have not been reviewed by a clinician.",
        "sections": " (sections: {sections})",
        "registered": "Registered with {body}, number {number}. Declared conflicts of interest: {conflicts}.",
        "dueNotice": "This page is due for review; the information may be out of date.",
        "reuse": "You may reuse it if you keep the credit to this site, the review dates and a link to this page.",
        "reportProblem": "Report a problem with this page",
        "reportEmail": "E-mail us about this page",
        "reportByEmail": "Report a problem with this page by e-mail",
        # The publisher setting (publisher.py).
        "runBy": "Run by the {name}.",
        "runByDescribed": "Run by the {name}, {description}.",
        "funding": "Funding: {funding}.",
        "noAdverts": "No adverts.",
        "adverts": "Carries adverts.",
        "emergencyCall": "{number} in the {country}",
        "emergency": "In an emergency, call {calls}.",
        "callsJoin": ", ",
        "callsLast": " or ",
        "urgentAdvice": " In the {country}, call {number} for urgent advice when it is not an emergency.",
        "countryName": "the {country}",
        "countriesLast": " and ",
        "host": "Our host is {host}.",
        "routeIssue": "open an issue on our public issue tracker, <{repository}/issues>, where the site's files are kept "
                      "(the link at the end of each page fills in the page's address and review date for you)",
        "routeEmail": "e-mail us at <{email}>",
        "routes": "You can {routes}.",
        "routesOr": " or ",
        "noRoutes": "We do not have a public contact address or issue tracker yet. "
                    "When we have one, it will be shown here and at the end of every page.",
        # The corrections log.
        "whatChanged": "What changed:",
        "why": "Why:",
        "sources": "Sources:",
        # The "Embed these pages" snippets.
        "embedAddress": "Address:",
        # How many pages a clinician signed off (the About page).
        "noSignOff": "No clinician has reviewed any page of this site yet: all {count} pages say so at their end.",
        "someSignOff": "A clinician has signed off {signed} of {count} pages; each page says at its end "
                       "who reviewed it, when, and whether it has changed since.",
        # Structured data (structured_data.py): read by search engines, shown in their results.
        "sdProcedureName": "Microneedling for {plan}",
        "sdAlternateName": "Collagen induction therapy",
        "sdDescription": "Typical course of microneedling for {plan} in published studies. Strength of evidence: {evidence}.",
        "sdBodyLocation": "Skin",
        "sdHowPerformed": "A trained practitioner moves a pen or roller with many fine, sterile needles over the skin. "
                          "Studies used {sessions}, {gap}.",
        "sdSessionsRange": "{low} to {high} sessions",
        "sdTypical": " ({typical} is typical)",
        "sdApart": "{gap} apart",
        "sdDaysRangeApart": "{low} to {high} days apart",
        "sdFollowupFirst": "Results are checked with the clinician about {weeks} weeks after the first session.",
        "sdFollowupLast": "Results are checked with the clinician about {weeks} weeks after the last session.",
        "sdEditors": "Editors of the {publisher}",
        # The title of the link after each heading (the toc extension's permalink_title).
        "permalinkTitle": "Link to this section",
    },
    "es": {
        "range": "{low} a {high}",
        "rangeWeeks": "{low} a {high} semanas",
        "rangeDays": "{low} a {high} días",
        "resultsWeeks": "{weeks} semanas",
        "resultsMonths": "unos {months} meses",
        "resultsAfterFirst": "{amount} después de su primera sesión",
        "resultsAfterLast": "{amount} después de su última sesión",
        "resultsNote": "Los estudios valoraron los resultados {time}. Compare con sus fotos del inicio, junto con su profesional.",
        "captionClinic": "Calendario habitual de {clinic} para",
        "captionMixed": "Calendario para",
        "captionTypical": "Calendario típico para",
        "captionStudies": "Un calendario que usaron los estudios para",
        "studiesUsed": "En los estudios: {range}",
        "hintEnd": "{studies}.",
        "hintClinicSessions": "{studies}; {clinic} suele planear {sessions}.",
        "hintNoTypical": "{studies}; ninguna fuente da un número habitual.",
        "hintTypical": "{studies}; lo típico es {typical}.",
        "hintClinicInterval": "{studies}; {clinic} suele dejar {interval}.",
        "calcLegend": "Calcule sus propias fechas",
        "calcPlan": "Qué se trata",
        "calcStart": "Fecha de su primera sesión",
        "calcSessions": "Número de sesiones",
        "calcInterval": "Tiempo entre sesiones",
        "calcIcs": "Descargar a su calendario (.ics)",
        "calcPrint": "Imprimir este plan",
        "colStep": "Paso",
        "colDays": "Días desde la primera sesión",
        "colDate": "Fecha",
        "colAftercare": "Cuidados después",
        "calcPrivacy": "Nada de lo que escribe aquí sale de su dispositivo. Las fechas las calcula su propio navegador, "
                       "y no se envía nada ni a nosotros ni a nadie más.",
        "treatmentDay": "Día del tratamiento",
        "aftercareCaption": "Qué esperar después de cada sesión, día a día",
        "colWhen": "Cuándo",
        "colWhat": "Qué esperar y qué hacer",
        "colTreated": "Qué se trata",
        "colStudySessions": "Sesiones en los estudios",
        "colGap": "Tiempo entre sesiones",
        "colEvidence": "Fuerza de las pruebas",
        "often": " (a menudo {typical})",
        "evidence.moderate": "Moderadas",
        "evidence.low": "Bajas",
        "evidence.very low": "Muy bajas",
        "whatWeChecked": "Qué revisamos: {checked}.",
        "checked.full text": "Texto completo",
        "checked.abstract": "Resumen",
        "checked.secondary source": "Fuente secundaria",
        "checked.not seen": "No vista",
        "sourcePage": "Página de la fuente",
        "sourcesHeading": "Fuentes de esta página",
        "sourceName": "Fuente {number}: {label}",
        "ctaNoClinic": "**¿Está pensando en el microneedling?** Háblelo con un profesional calificado, como un "
                       "dermatólogo, antes de pedir una cita. Lleve con usted nuestras [preguntas para hacerle a un profesional]({questions}).",
        "ctaLabel": "Siguiente paso",
        "planLink": "**Planee sus fechas:** [calcule un calendario para {plan}]({target}).",
        "ctaTalkTo": "**Hable con {clinic}.** ",
        "ctaContactLabel": "Contactar a {clinic}",
        "ctaBeforeYouBook": "Antes de pedir una cita, lea nuestras [preguntas para hacerle a un profesional]({questions}).",
        "clinicPlanBoth": "Plan habitual de {clinic} para {own}. Es una elección de la propia clínica, dentro de lo que usaron los estudios: {studies}.",
        "clinicPlanOne": "{clinic} suele planear {own}. Es una elección de la propia clínica, dentro de lo que usaron los estudios: {studies}.",
        "studiesSessions": "{range} sesiones",
        "studiesInterval": "cada {range}",
        "bothStudies": "{sessions}, {interval}",
        "ownSessions": "{sessions} para {plan}",
        "ownInterval": "{interval} entre sesiones para {plan}",
        "call": "Llamar al {phone}",
        "book": "Pedir una cita",
        "cardContactHeading": "Contacte a su clínica o a un médico",
        "cardContactAction": "Contáctelos pronto si tiene:",
        "cardUrgentHeading": "Pida ayuda ahora",
        "cardUrgentAction": "Vaya a un centro de atención urgente si tiene:",
        "cardUrgentActionAdvice": "Vaya a un centro de atención urgente, o llame al {advice} para pedir consejo, si tiene:",
        "cardEmergencyHeading": "Llame al {numbers}",
        "cardEmergencyLocal": "Llame al número de emergencias de su zona",
        "cardEmergencyAction": "Llame ahora si tiene:",
        "cardEmergencyElsewhere": "Si está en otro país, llame al número de emergencias de ese país.",
        "numberIn": "{number} ({country})",
        "or": " o al ",
        "longDate": "{day} de {month} de {year}",
        "ourEditors": "nuestro equipo editorial",
        "checkedBy": "Control editorial: {who}, el {date}.",
        "notReviewed": "Todavía sin revisión clínica.",
        "reviewedBy": "Revisión clínica: {who}, el {date}{covers}.",
        "changedSince": "Esta página cambió después de la revisión clínica del {date} por {who}{covers}; "
                        "los cambios no tienen revisión clínica.",
        "sections": " (secciones: {sections})",
        "registered": "Registro: {body}, número {number}. Conflictos de interés declarados: {conflicts}.",
        "dueNotice": "Esta página debe revisarse; la información puede estar desactualizada.",
        "reuse": "Puede volver a usarlo si mantiene el crédito a este sitio, las fechas de revisión y un enlace a esta página.",
        "reportProblem": "Informar de un problema en esta página",
        "reportEmail": "Escríbanos sobre esta página",
        "reportByEmail": "Informar de un problema en esta página por correo electrónico",
        "runBy": "Publicado por: {name}.",
        "runByDescribed": "Publicado por: {name}, {description}.",
        "funding": "Financiación: {funding}.",
        "noAdverts": "Sin publicidad.",
        "adverts": "Incluye publicidad.",
        "emergencyCall": "{number} en {country}",
        "emergency": "En una emergencia, llame al {calls}.",
        "callsJoin": ", al ",
        "callsLast": " o al ",
        "urgentAdvice": " En {country}, llame al {number} para pedir consejo urgente cuando no sea una emergencia.",
        "countryName": "{country}",
        "countriesLast": " y ",
        "host": "Nuestro servicio de alojamiento es {host}.",
        "routeIssue": "abrir un aviso en nuestro registro público de problemas, <{repository}/issues>, donde están los archivos "
                      "del sitio (el enlace al final de cada página pone por usted la dirección de la página y su fecha de revisión)",
        "routeEmail": "escribirnos a <{email}>",
        "routes": "Puede {routes}.",
        "routesOr": " o ",
        "noRoutes": "Todavía no tenemos una dirección de contacto pública ni un registro de problemas. "
                    "Cuando lo tengamos, aparecerá aquí y al final de cada página.",
        "whatChanged": "Qué cambió:",
        "why": "Por qué:",
        "sources": "Fuentes:",
        "embedAddress": "Dirección:",
        "noSignOff": "Ningún profesional clínico ha revisado todavía ninguna página de este sitio: las {count} páginas lo dicen al final.",
        "someSignOff": "Un profesional clínico ha aprobado {signed} de {count} páginas; cada página dice al final "
                       "quién la revisó, cuándo y si ha cambiado desde entonces.",
        "sdProcedureName": "Microneedling para {plan}",
        "sdAlternateName": "Terapia de inducción de colágeno",
        "sdDescription": "Curso típico de microneedling para {plan} en estudios publicados. Fuerza de las pruebas: {evidence}.",
        "sdBodyLocation": "Piel",
        "sdHowPerformed": "Un profesional capacitado pasa sobre la piel un bolígrafo o un rodillo con muchas agujas finas y estériles. "
                          "Los estudios usaron {sessions}, {gap}.",
        "sdSessionsRange": "{low} a {high} sesiones",
        "sdTypical": " (lo típico es {typical})",
        "sdApart": "cada {gap}",
        "sdDaysRangeApart": "cada {low} a {high} días",
        "sdFollowupFirst": "Los resultados se revisan con el profesional unas {weeks} semanas después de la primera sesión.",
        "sdFollowupLast": "Los resultados se revisan con el profesional unas {weeks} semanas después de la última sesión.",
        "sdEditors": "Equipo editorial de {publisher}",
        "permalinkTitle": "Enlace a esta sección",
    },
}

# The words the templates show (overrides/main.html, embed.html, partials/).
TEMPLATE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "whoRuns": "Who runs this site",
        "aboutSite": "About this site",
        "aboutPage": "About this page",
        "nextReview": "Next review due:",
        "licensedUnder": "Text licensed under",
        "foundMistake": "Found a mistake?",
        "howToTell": "How to tell us",
        "allChanges": "All changes to clinical facts:",
        "correctionsLog": "corrections log",
        "printedFrom": "Printed from",
        "printedOn": "on",
        # The printed date's order and month names, as the rest of the site
        # writes dates (long_date): "1 December 2026", not the US "December 1, 2026".
        "dateLocale": "en-GB",
        "privacy": "Privacy",
        "accessibility": "Accessibility",
        "corrections": "Corrections",
        "licences": "Text: CC BY 4.0; code: MIT",
        "yourClinic": "Your clinic",
        "call": "Call",
        "book": "Book an appointment",
        "independent": "independent information",
        "sharedBy": "shared by",
        "openFullPage": "Open the full page",
        "newTab": "(opens in a new tab)",
        # When search finds nothing (search-hint.js): "<searchHint> <link>."
        "searchHint": "Try other words, or see the",
        "searchHintLink": "common questions",
    },
    "es": {
        "whoRuns": "Quién publica este sitio",
        "aboutSite": "Sobre este sitio",
        "aboutPage": "Sobre esta página",
        "nextReview": "Próxima revisión:",
        "licensedUnder": "Texto con licencia",
        "foundMistake": "¿Encontró un error?",
        "howToTell": "Cómo avisarnos",
        "allChanges": "Todos los cambios en datos clínicos:",
        "correctionsLog": "registro de correcciones",
        "printedFrom": "Impreso desde",
        "printedOn": "el",
        "dateLocale": "es",
        "privacy": "Privacidad",
        "accessibility": "Accesibilidad",
        "corrections": "Correcciones",
        "licences": "Texto: CC BY 4.0; código: MIT",
        "yourClinic": "Su clínica",
        "call": "Llamar al",
        "book": "Pedir una cita",
        "independent": "información independiente",
        "sharedBy": "compartida por",
        "openFullPage": "Abrir la página completa",
        "newTab": "(se abre en una pestaña nueva)",
        "searchHint": "Pruebe con otras palabras, o vea las",
        "searchHintLink": "preguntas frecuentes",
    },
}

_MONTHS = {"en": MONTHS, "es": SPANISH_MONTHS}


def say(key: str, lang: str = "en", **values) -> str:
    """The sentence `key` in `lang`, its {slots} filled with `values`."""
    return fill(WORDS[lang][key], **values)


def template_words(lang: str = "en") -> dict[str, str]:
    """TEMPLATE_WORDS[lang], and `folder`: where the pages of `lang` are, for
    the templates' links to the site's own pages ('about/' on a Spanish page
    is the Spanish one: folder ~ 'about/')."""
    return dict(TEMPLATE_WORDS[lang], folder=language_folder(lang))


def long_date(day, lang: str = "en") -> str:
    """'3 December 2027', '3 de diciembre de 2027': month names written here,
    not by the machine's locale (strftime's %B)."""
    return say("longDate", lang, day=day.day, month=_MONTHS[lang][day.month - 1], year=day.year)
