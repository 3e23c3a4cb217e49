# Filipino (fil). Page chrome: header, language switcher, breadcrumb, footer, the report form.
#
# How these strings were written and checked: translated from the English
# strings (locales/en) by the language model that wrote this change, with the
# Japanese (locales/ja) beside them for meaning; checked against the
# conventions of Filipino public notices as far as that model knows them (a
# neutral register without "po"; English loanwords such as "email" and "IP
# address" kept, as written Filipino commonly keeps them), against CLDR's
# Filipino month names (Enero … Disyembre), and by translating every string
# back into English with the same model and comparing it with the English. No
# native speaker has reviewed them yet.
#
# Most in need of a native speaker's review: site-name, whether readers expect
# "Japanese" or "Hapon" for the language (CLDR writes "Japanese"), disclaimer-
# accuracy and disclaimer-intro, report-privacy, and date-year-month (Spanish-
# derived month names; many readers write English ones).

# Language names in the switcher are endonyms and live in the configuration
# ([languages.known] in config/default.toml); the title attributes below name
# each language in the reader's own language.

site-name = Ministeryo ng Kalusugan, Paggawa at Kapakanan
site-section = Mga press release
skip-to-content = Lumaktaw sa pangunahing nilalaman

switcher-label = Wika
switcher-title-ja = Japanese
switcher-title-en = Ingles
switcher-title-zh-Hans = Chinese (Pinasimple)
switcher-title-zh-Hant = Chinese (Tradisyonal)
switcher-title-ko = Korean
switcher-title-vi = Vietnamese
switcher-title-fil = Filipino
switcher-title-pt-BR = Portuguese (Brazil)
switcher-title-ne = Nepali
switcher-title-id = Indonesian
switcher-title-my = Burmese
switcher-title-th = Thai
switcher-title-es = Spanish
switcher-title-ja-x-easy = Madaling Japanese

breadcrumb-label = Nasaan ka
breadcrumb-home = Home
breadcrumb-press = Balita at ugnayang pampubliko
breadcrumb-press-releases = Mga press release

# $year and $month are numbers, e.g. 2025 and 5.
# Filipino spells out the month: "Mayo 2025".
date-year-month =
    { $month ->
        [1] Enero
        [2] Pebrero
        [3] Marso
        [4] Abril
        [5] Mayo
        [6] Hunyo
        [7] Hulyo
        [8] Agosto
        [9] Setyembre
        [10] Oktubre
        [11] Nobyembre
        [12] Disyembre
       *[other] { $month }
    } { $year }

# $year, $month and $day are numbers, e.g. 2026, 12 and 4.
date-full =
    { $month ->
        [1] Enero
        [2] Pebrero
        [3] Marso
        [4] Abril
        [5] Mayo
        [6] Hunyo
        [7] Hulyo
        [8] Agosto
        [9] Setyembre
        [10] Oktubre
        [11] Nobyembre
        [12] Disyembre
       *[other] { $month }
    } { $day }, { $year }

page-published = Inilathala: { date-year-month }
page-bureau = Tanggapang namamahala: { $bureau }
contact-heading = Makipag-ugnayan

index-title = Mga press release
index-intro = Mga press release ng Ministeryo ng Kalusugan, Paggawa at Kapakanan. Mababasa ang bawat pahina sa orihinal na Japanese at sa salin sa mga wikang nasa menu ng wika.

footer-service = Inihahatid ang site na ito ng serbisyong pagsasalin na honyaku.
footer-original-note = Sa mga isinaling pahina, ang orihinal na Japanese ang opisyal na bersyon.

# Reader feedback: the link after each translated passage, the report form
# and its answers. $max and $count are numbers of characters; $minutes is a
# number of minutes.
report-link = Iulat ang problema sa salin
report-intro = Sabihin sa amin kung ano ang mali sa salin ng bahaging ito. Binabasa ng tagasalin ang bawat ulat.
report-original-label = Orihinal na Japanese
report-translation-label = Kasalukuyang salin
report-message-label = Ano ang mali? (hanggang { $max } na character)
report-privacy = Huwag maglagay ng personal na impormasyon. Wala kaming itinatala tungkol sa nagpadala ng ulat (walang IP address, pangalan o email address).
report-honeypot-label = Iwanang blangko ang field na ito
report-submit = Ipadala ang ulat
report-back = Bumalik sa bahaging iyon
report-thanks-title = Salamat sa iyong ulat
report-thanks-body = Natanggap na namin ito. Susuriin ng tagasalin ang bahaging ito.
report-thanks-your-message = Ang isinulat mo
report-error-empty = Ilarawan muna ang problema bago ipadala.
report-error-too-long = May { $count } na character ang mensahe mo; paikliin ito sa { $max } o mas kaunti.
report-error-control = May mga control character ang mensahe mo na hindi matatanggap. Alisin ang mga ito at ipadala muli.
report-rate-limited =
    Maraming ulat ang naipadala sa maikling panahon. Subukang muli pagkalipas ng { $minutes ->
        [1] isang minuto
       *[other] { $minutes } minuto
    }.
