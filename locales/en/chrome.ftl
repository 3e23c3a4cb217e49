# Page chrome: header, language switcher, breadcrumb, footer.
# Language names in the switcher are endonyms and live in the configuration
# ([languages.known] in config/default.toml);
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
switcher-title-vi = Vietnamese
switcher-title-fil = Filipino
switcher-title-pt-BR = Portuguese (Brazil)
switcher-title-ne = Nepali
switcher-title-id = Indonesian
switcher-title-my = Burmese
switcher-title-th = Thai
switcher-title-es = Spanish
switcher-title-ja-x-easy = Easy Japanese

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

# $year, $month and $day are numbers, e.g. 2026, 12 and 4: "December 4, 2026".
date-full =
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
    } { $day }, { $year }

page-published = Published: { date-year-month }
page-bureau = Responsible office: { $bureau }
contact-heading = Contact

index-title = Press releases
index-intro = Press releases from the Ministry of Health, Labour and Welfare. Each page is available in the original Japanese and in English, Chinese (Simplified and Traditional) and Korean translation.

footer-service = This site is delivered by the honyaku translation service.
footer-original-note = For translated pages, the Japanese original is the authoritative version.

# Reader feedback: the link after each translated passage, the report form
# and its answers. $max and $count are numbers of characters; $minutes is a
# number of minutes.
report-link = Report a translation problem
report-intro = Tell us what is wrong with the translation of this passage. A translator reads every report.
report-original-label = Japanese original
report-translation-label = Current translation
report-message-label = What is wrong? (up to { $max } characters)
report-privacy = Please do not include personal information. We do not record anything about who sent a report (no IP address, name or e-mail address).
report-honeypot-label = Leave this field empty
report-submit = Send report
report-back = Back to the passage
report-thanks-title = Thank you for your report
report-thanks-body = We have received it. A translator will check this passage.
report-thanks-your-message = What you wrote
report-error-empty = Please describe the problem before sending.
report-error-too-long = Your message has { $count } characters; please shorten it to { $max } or fewer.
report-error-control = Your message contains control characters that cannot be accepted. Please remove them and send it again.
report-rate-limited =
    Many reports have been sent in a short time. Please try again in { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }.
