# Page chrome: header, language switcher, breadcrumb, footer.
# Language names in the switcher are endonyms and live in code (src/i18n.rs);
# the title attributes below name each language in the reader's own language.

site-name = Ministry of Health, Labour and Welfare
site-section = Press releases
skip-to-content = Skip to main content

switcher-label = Language
switcher-title-ja = Japanese
switcher-title-en = English
switcher-title-zh-Hans = Chinese (Simplified)
switcher-title-zh-Hant = Chinese (Traditional)
switcher-title-ko = Korean

breadcrumb-label = You are here
breadcrumb-home = Home
breadcrumb-press = News and public relations
breadcrumb-press-releases = Press releases

# $year and $month are numbers, e.g. 2025 and 5.
# English spells out the month name, e.g. "May 2025".
date-year-month =
    { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
        [12] December
       *[other] { $month }
    } { $year }

page-published = Published: { date-year-month }
page-bureau = Responsible office: { $bureau }
contact-heading = Contact

index-title = Press releases
index-intro = Press releases from the Ministry of Health, Labour and Welfare. Each page is available in the original Japanese and in English, Chinese (Simplified and Traditional) and Korean translation.

footer-service = This site is delivered by the honyaku translation service.
footer-original-note = For translated pages, the Japanese original is the authoritative version.
