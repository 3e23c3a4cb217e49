# Spanish (es). Page chrome: header, language switcher, breadcrumb, footer, the report form.
#
# How these strings were written and checked: translated from the English
# strings (locales/en) by the language model that wrote this change, with the
# Japanese (locales/ja) beside them for meaning; checked against the
# conventions of Spanish-language public notices as far as that model knows
# them ("usted", neutral Spanish that Latin American readers, the largest
# group in Japan, also read as theirs), against CLDR's Spanish long date
# patterns ("mayo de 2025", month names in lower case), and by translating
# every string back into English with the same model and comparing it with the
# English. No native speaker has reviewed them yet.
#
# Most in need of a native speaker's review: site-name (the ministry's
# customary Spanish name), disclaimer-accuracy and disclaimer-intro, report-
# privacy, and whether "informe" or "reporte" (more usual in Latin America)
# suits report-*.

# Language names in the switcher are endonyms and live in the configuration
# ([languages.known] in config/default.toml); the title attributes below name
# each language in the reader's own language.

site-name = Ministerio de Salud, Trabajo y Bienestar
site-section = Comunicados de prensa
skip-to-content = Ir al contenido principal

switcher-label = Idioma
switcher-title-ja = Japonés
switcher-title-en = Inglés
switcher-title-zh-Hans = Chino (simplificado)
switcher-title-zh-Hant = Chino (tradicional)
switcher-title-ko = Coreano
switcher-title-vi = Vietnamita
switcher-title-fil = Filipino
switcher-title-pt-BR = Portugués (Brasil)
switcher-title-ne = Nepalí
switcher-title-id = Indonesio
switcher-title-my = Birmano
switcher-title-th = Tailandés
switcher-title-es = Español
switcher-title-ja-x-easy = Japonés fácil

breadcrumb-label = Usted está aquí
breadcrumb-home = Inicio
breadcrumb-press = Noticias y relaciones públicas
breadcrumb-press-releases = Comunicados de prensa

# $year and $month are numbers, e.g. 2025 and 5.
# Spanish spells out the month, in lower case: "mayo de 2025".
date-year-month =
    { $month ->
        [1] enero
        [2] febrero
        [3] marzo
        [4] abril
        [5] mayo
        [6] junio
        [7] julio
        [8] agosto
        [9] septiembre
        [10] octubre
        [11] noviembre
        [12] diciembre
       *[other] { $month }
    } de { $year }

# $year, $month and $day are numbers, e.g. 2026, 12 and 4.
date-full = { $day } de { $month ->
        [1] enero
        [2] febrero
        [3] marzo
        [4] abril
        [5] mayo
        [6] junio
        [7] julio
        [8] agosto
        [9] septiembre
        [10] octubre
        [11] noviembre
        [12] diciembre
       *[other] { $month }
    } de { $year }

page-published = Publicado: { date-year-month }
page-bureau = Oficina responsable: { $bureau }
contact-heading = Contacto

index-title = Comunicados de prensa
index-intro = Comunicados de prensa del Ministerio de Salud, Trabajo y Bienestar. Cada página está disponible en el original en japonés y traducida a los idiomas del menú de idiomas.

footer-service = Este sitio lo ofrece el servicio de traducción honyaku.
footer-original-note = En las páginas traducidas, el original en japonés es la versión oficial.

# Reader feedback: the link after each translated passage, the report form
# and its answers. $max and $count are numbers of characters; $minutes is a
# number of minutes.
report-link = Informar de un problema de traducción
report-intro = Díganos qué está mal en la traducción de este pasaje. Un traductor lee cada informe.
report-original-label = Original en japonés
report-translation-label = Traducción actual
report-message-label = ¿Qué está mal? (hasta { $max } caracteres)
report-privacy = No incluya datos personales. No registramos nada sobre quién envía un informe (ni dirección IP, ni nombre, ni correo electrónico).
report-honeypot-label = Deje este campo vacío
report-submit = Enviar informe
report-back = Volver al pasaje
report-thanks-title = Gracias por su informe
report-thanks-body = Lo hemos recibido. Un traductor revisará este pasaje.
report-thanks-your-message = Lo que escribió
report-error-empty = Describa el problema antes de enviarlo.
report-error-too-long = Su mensaje tiene { $count } caracteres; acórtelo a { $max } o menos.
report-error-control = Su mensaje contiene caracteres de control que no se pueden aceptar. Elimínelos y envíelo de nuevo.
report-rate-limited =
    Se han enviado muchos informes en poco tiempo. Inténtelo de nuevo dentro de { $minutes ->
        [1] un minuto
       *[other] { $minutes } minutos
    }.
