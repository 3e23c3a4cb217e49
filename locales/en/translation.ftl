# Notices on translated pages. Adapted from the three-point notice of the
# ministry's own "language switch" service.

disclaimer-heading = About machine translation
# A page with machine-translated passages. $providers names the services
# (DeepL, Google Cloud Translation…); $reviewed and $passages are numbers.
disclaimer-intro = This page was machine-translated from the Japanese original by { $providers }. Please read the following before using it.
disclaimer-reviewed =
    { $reviewed ->
        [0] No passage of this page has been reviewed by translators yet.
       *[other] Translators have reviewed { $reviewed } of the { $passages } passages of this page.
    }
# When the newest machine translation on the page was made ($date from
# date-full).
disclaimer-when = Last machine-translated on { $date }.
# A page whose every passage people translated or reviewed.
disclaimer-heading-human = About this translation
disclaimer-intro-human = This page was translated from the Japanese original by people: translators have reviewed every passage.
disclaimer-text-only = Only the text on this page is translated. Content presented in images and other graphics is not translated.
disclaimer-accuracy = As this is an automatic machine translation, it may not always be accurate.
disclaimer-speed = Translated pages may take slightly longer to display than the Japanese pages.
disclaimer-authoritative = The Japanese original is the authoritative version of this content.
disclaimer-original-link = View the Japanese original

notice-translation-pending-heading = Translation in preparation
notice-translation-pending = This page has not been translated into English yet. The Japanese original is shown below.
# While the translation of a page nobody has read in this language yet is
# being made (its passages appear as they are ready).
notice-translation-on-its-way = This page is being translated into English. The Japanese original is shown for now; translated passages appear here as they are ready.

notice-partial-translation = Some parts of this page have not been translated yet and are shown in Japanese.
notice-partial-pending = Some passages are still being translated and are shown in Japanese for now; they appear here as they are ready.
# The small control after each translated passage of running text (its
# accessible name), and the panel it opens: the Japanese original and where
# the translation came from.
passage-tools-label = Japanese original and problem report for this passage
passage-original-label = Japanese original
origin-machine = Machine translation
origin-bundled = Reviewed translation
origin-translator = Translated by a translator
# After a link to a document honyaku does not translate (a PDF, an image, a
# page of another site): what the reader finds there is in Japanese.
link-japanese-only = (Japanese)
