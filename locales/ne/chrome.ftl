# Nepali (ne). Page chrome: header, language switcher, breadcrumb, footer, the report form.
#
# How these strings were written and checked: translated from the English
# strings (locales/en) by the language model that wrote this change, with the
# Japanese (locales/ja) beside them for meaning; checked against the
# conventions of Nepali public notices as far as that model knows them (the
# honorific "तपाईं" and requests ending in "-नुहोस्"), with Gregorian month
# names as Nepali writes them (जनवरी … डिसेम्बर) and ASCII digits, and by
# translating every string back into English with the same model and comparing
# it with the English. That model writes Nepali less well than the other
# languages here: treat every string as a draft. No native speaker has
# reviewed them yet.
#
# Most in need of a native speaker's review: all of them, and first site-name,
# disclaimer-intro, disclaimer-accuracy, disclaimer-authoritative, report-
# privacy and date-year-month (Gregorian months; many readers count in Bikram
# Sambat and write Devanagari digits).

# Language names in the switcher are endonyms and live in the configuration
# ([languages.known] in config/default.toml); the title attributes below name
# each language in the reader's own language.

site-name = स्वास्थ्य, श्रम तथा कल्याण मन्त्रालय
site-section = प्रेस विज्ञप्ति
skip-to-content = मुख्य सामग्रीमा जानुहोस्

switcher-label = भाषा
switcher-title-ja = जापानी
switcher-title-en = अङ्ग्रेजी
switcher-title-zh-Hans = चिनियाँ (सरलीकृत)
switcher-title-zh-Hant = चिनियाँ (परम्परागत)
switcher-title-ko = कोरियाली
switcher-title-vi = भियतनामी
switcher-title-fil = फिलिपिनो
switcher-title-pt-BR = पोर्चुगिज (ब्राजिल)
switcher-title-ne = नेपाली
switcher-title-id = इन्डोनेसियाली
switcher-title-my = बर्मेली
switcher-title-th = थाई
switcher-title-es = स्पेनी
switcher-title-ja-x-easy = सजिलो जापानी

breadcrumb-label = तपाईं यहाँ हुनुहुन्छ
breadcrumb-home = गृहपृष्ठ
breadcrumb-press = समाचार र जनसम्पर्क
breadcrumb-press-releases = प्रेस विज्ञप्ति

# $year and $month are numbers, e.g. 2025 and 5.
# The Gregorian year, then the month by name: "2025 मे".
date-year-month = { $year } { $month ->
        [1] जनवरी
        [2] फेब्रुअरी
        [3] मार्च
        [4] अप्रिल
        [5] मे
        [6] जुन
        [7] जुलाई
        [8] अगस्ट
        [9] सेप्टेम्बर
        [10] अक्टोबर
        [11] नोभेम्बर
        [12] डिसेम्बर
       *[other] { $month }
    }

# $year, $month and $day are numbers, e.g. 2026, 12 and 4.
date-full = { $year } { $month ->
        [1] जनवरी
        [2] फेब्रुअरी
        [3] मार्च
        [4] अप्रिल
        [5] मे
        [6] जुन
        [7] जुलाई
        [8] अगस्ट
        [9] सेप्टेम्बर
        [10] अक्टोबर
        [11] नोभेम्बर
        [12] डिसेम्बर
       *[other] { $month }
    } { $day }

page-published = प्रकाशित: { date-year-month }
page-bureau = जिम्मेवार कार्यालय: { $bureau }
contact-heading = सम्पर्क

index-title = प्रेस विज्ञप्ति
index-intro = स्वास्थ्य, श्रम तथा कल्याण मन्त्रालयका प्रेस विज्ञप्तिहरू। प्रत्येक पृष्ठ मूल जापानी भाषामा र भाषा मेनुमा भएका भाषाहरूमा अनुवाद गरेर पढ्न सकिन्छ।

footer-service = यो साइट honyaku अनुवाद सेवाद्वारा उपलब्ध गराइएको हो।
footer-original-note = अनुवाद गरिएका पृष्ठहरूमा मूल जापानी पाठ नै आधिकारिक संस्करण हो।

# Reader feedback: the link after each translated passage, the report form
# and its answers. $max and $count are numbers of characters; $minutes is a
# number of minutes.
report-link = अनुवादको समस्या जानकारी गराउनुहोस्
report-intro = यस अंशको अनुवादमा के गल्ती छ, हामीलाई बताउनुहोस्। हरेक जानकारी अनुवादकले पढ्नुहुन्छ।
report-original-label = मूल जापानी पाठ
report-translation-label = हालको अनुवाद
report-message-label = के गल्ती छ? ({ $max } अक्षरसम्म)
report-privacy = कृपया व्यक्तिगत जानकारी नलेख्नुहोस्। जानकारी पठाउने व्यक्तिबारे हामी केही पनि राख्दैनौं (IP ठेगाना, नाम वा इमेल ठेगाना केही पनि)।
report-honeypot-label = यो ठाउँ खाली छोड्नुहोस्
report-submit = पठाउनुहोस्
report-back = अंशमा फर्कनुहोस्
report-thanks-title = जानकारी दिनुभएकोमा धन्यवाद
report-thanks-body = हामीलाई तपाईंको जानकारी प्राप्त भयो। अनुवादकले यो अंश जाँच्नुहुनेछ।
report-thanks-your-message = तपाईंले लेख्नुभएको कुरा
report-error-empty = पठाउनुअघि समस्याबारे लेख्नुहोस्।
report-error-too-long = तपाईंको सन्देशमा { $count } अक्षर छन्; कृपया { $max } वा सोभन्दा कम अक्षरमा छोट्याउनुहोस्।
report-error-control = तपाईंको सन्देशमा स्वीकार गर्न नसकिने नियन्त्रण वर्णहरू छन्। तिनलाई हटाएर फेरि पठाउनुहोस्।
report-rate-limited = छोटो समयमा धेरै जानकारी पठाइएको छ। कृपया { $minutes } मिनेटपछि फेरि प्रयास गर्नुहोस्।
