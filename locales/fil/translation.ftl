# Filipino (fil). Notices on translated pages, adapted from the three-point notice of the
# ministry's own 言語切替 service.
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

disclaimer-heading = Tungkol sa pagsasalin ng makina
# A page with machine-translated passages. $providers names the services
# (DeepL, Google Cloud Translation…); $reviewed and $passages are numbers.
disclaimer-intro = Isinalin ng makina ang pahinang ito mula sa orihinal na Japanese gamit ang { $providers }. Basahin muna ang sumusunod bago ito gamitin.
disclaimer-reviewed =
    { $reviewed ->
        [0] Wala pang bahagi ng pahinang ito na nasuri ng mga tagasalin.
       *[other] Nasuri na ng mga tagasalin ang { $reviewed } sa { $passages } na bahagi ng pahinang ito.
    }
# When the newest machine translation on the page was made ($date from
# date-full).
disclaimer-when = Huling isinalin ng makina noong { $date }.
# A page whose every passage people translated or reviewed.
disclaimer-heading-human = Tungkol sa saling ito
disclaimer-intro-human = Isinalin ng mga tao ang pahinang ito mula sa orihinal na Japanese: nasuri ng mga tagasalin ang bawat bahagi.
disclaimer-text-only = Ang teksto lamang sa pahinang ito ang isinalin. Hindi isinalin ang nilalamang nasa mga larawan at iba pang graphics.
disclaimer-accuracy = Dahil awtomatikong salin ito ng makina, maaaring hindi ito palaging tumpak.
disclaimer-speed = Maaaring medyo mas matagal lumabas ang mga isinaling pahina kaysa sa mga pahinang Japanese.
disclaimer-authoritative = Ang orihinal na Japanese ang opisyal na bersyon ng nilalamang ito.
disclaimer-original-link = Tingnan ang orihinal na Japanese

notice-translation-pending-heading = Inihahanda pa ang salin
notice-translation-pending = Hindi pa naisasalin sa Filipino ang pahinang ito. Ipinapakita sa ibaba ang orihinal na Japanese.
# While the translation of a page nobody has read in this language yet is
# being made (its passages appear as they are ready).
notice-translation-on-its-way = Isinasalin pa sa Filipino ang pahinang ito. Ipinapakita muna ang orihinal na Japanese; lalabas dito ang mga naisaling bahagi kapag handa na ang mga ito.

notice-partial-translation = May ilang bahagi ng pahinang ito na hindi pa naisasalin at ipinapakita sa Japanese.
notice-partial-pending = May ilang bahaging isinasalin pa at ipinapakita muna sa Japanese; lalabas dito ang mga ito kapag handa na.
# The small control after each translated passage of running text (its
# accessible name), and the panel it opens: the Japanese original and where
# the translation came from.
passage-tools-label = Orihinal na Japanese at pag-uulat ng problema para sa bahaging ito
passage-original-label = Orihinal na Japanese
origin-machine = Salin ng makina
origin-bundled = Nasuring salin
origin-translator = Isinalin ng tagasalin
# After a link to a document honyaku does not translate (a PDF, an image, a
# page of another site): what the reader finds there is in Japanese.
link-japanese-only = (sa Japanese)
